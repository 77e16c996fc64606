package io.sori.embeddedstore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A secondary (non-unique) index, kept in memory, that finds the candidates of a query by equality
 * (or {@code $in}) on the index's first key: {@code {customerId: c, channel: ..., status: ...}}
 * over {@code {customerId: 1, updatedAt: -1}}. mongo-java-server ignores secondary indexes, so
 * every such query scanned the whole collection; the collection still matches the whole query
 * against each candidate. Rebuilt from the documents when the store opens (the collection fills
 * an empty index), so nothing about it is persisted.
 */
final class EqualityIndex<P> extends Index<P> {

    private final String field;
    private final Index<P> fieldOnly;
    private final Map<KeyValue, Set<P>> positionsByValue = new HashMap<>();
    private final Map<P, List<KeyValue>> valuesByPosition = new HashMap<>();
    private final Map<KeyValue, P> positionById = new HashMap<>();

    EqualityIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.field = keys.get(0).getKey();
        this.fieldOnly = new FieldValues<>(keys.get(0));
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return queriedValues(query) != null;
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        Set<P> positions = new LinkedHashSet<>();
        for (KeyValue value : queriedValues(query)) {
            positions.addAll(positionsByValue.getOrDefault(value, Set.of()));
        }
        return new ArrayList<>(positions);
    }

    /** The values a query asks the first key to equal, or null when it asks anything else of it. */
    private List<KeyValue> queriedValues(Document query) {
        if (!query.containsKey(field)) {
            return null;
        }
        Object condition = query.get(field);
        if (condition instanceof Document d) {
            if (d.size() == 1 && d.get("$in") instanceof Collection<?> in && !in.isEmpty()
                    && in.stream().allMatch(EqualityIndex::isPlain)) {
                return in.stream().map(v -> new KeyValue(v).normalized()).toList();
            }
            return null;
        }
        return isPlain(condition) ? List.of(new KeyValue(condition).normalized()) : null;
    }

    /** A value equality can be looked up by: not null (matches a missing field), not an array, document or pattern. */
    private static boolean isPlain(Object value) {
        return value != null && !(value instanceof Document) && !(value instanceof Collection<?>)
                && !(value instanceof BsonRegularExpression) && !(value instanceof java.util.regex.Pattern)
                && !value.getClass().isArray();
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        List<KeyValue> values = new ArrayList<>();
        for (KeyValue v : fieldOnly.getKeyValues(document)) {
            Object value = v.get(0);
            if (isPlain(value)) {
                KeyValue key = new KeyValue(value).normalized();
                values.add(key);
                positionsByValue.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(position);
            }
        }
        valuesByPosition.put(position, values);
        positionById.put(idOf(document), position);
    }

    @Override
    public synchronized P remove(Document document) {
        P position = positionById.remove(idOf(document));
        if (position != null) {
            forget(position);
        }
        return position;
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
            MongoCollection<P> collection) {
        forget(position);
        positionById.remove(idOf(oldDocument));
        add(newDocument, position, collection);
    }

    private void forget(P position) {
        for (KeyValue value : valuesByPosition.getOrDefault(position, List.of())) {
            Set<P> positions = positionsByValue.get(value);
            if (positions != null) {
                positions.remove(position);
                if (positions.isEmpty()) {
                    positionsByValue.remove(value);
                }
            }
        }
        valuesByPosition.remove(position);
    }

    private static KeyValue idOf(Document document) {
        return new KeyValue(document.get("_id")).normalized();
    }

    @Override
    public synchronized P getPosition(Document document) {
        return positionById.get(idOf(document));
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public synchronized long getCount() {
        return valuesByPosition.size();
    }

    @Override
    public synchronized boolean isEmpty() {
        return valuesByPosition.isEmpty();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public synchronized void drop() {
        positionsByValue.clear();
        valuesByPosition.clear();
        positionById.clear();
    }

    /** Reads one key's values out of a document the way mongo-java-server's indexes do (paths, arrays). */
    private static final class FieldValues<P> extends Index<P> {

        FieldValues(IndexKey key) {
            super("field-values", List.of(key), false);
        }

        @Override public P getPosition(Document document) { throw new UnsupportedOperationException(); }
        @Override public void checkAdd(Document document, MongoCollection<P> collection) { throw new UnsupportedOperationException(); }
        @Override public void add(Document document, P position, MongoCollection<P> collection) { throw new UnsupportedOperationException(); }
        @Override public P remove(Document document) { throw new UnsupportedOperationException(); }
        @Override public boolean canHandle(Document query) { return false; }
        @Override public Iterable<P> getPositions(Document query) { throw new UnsupportedOperationException(); }
        @Override public long getCount() { return 0; }
        @Override public long getDataSize() { return 0; }
        @Override public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) { throw new UnsupportedOperationException(); }
        @Override public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) { throw new UnsupportedOperationException(); }
        @Override public void drop() { }
    }
}
