package io.sori.embeddedstore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

/**
 * A unique index (the {@code _id} index among them) that also answers a query naming its key
 * together with further conditions: {@code {_id: x, version: 3}}, a versioned save, or
 * {@code {_id: x, outboxLeaseUntil: {$lt: now}}}, a conditional update. mongo-java-server uses an
 * index only when the query's fields are exactly the index's, so each of those scanned the whole
 * collection. The index finds the one candidate by its key; the collection still matches every
 * condition of the query against it, so answers are the same, only found without the scan.
 */
final class UniqueKeyIndex<P> extends Index<P> {

    private final Index<P> unique;

    UniqueKeyIndex(Index<P> unique) {
        super(unique.getName(), unique.getKeys(), Boolean.TRUE.equals(unique.toIndexDescription().get("sparse")));
        this.unique = unique;
    }

    @Override
    public boolean canHandle(Document query) {
        return unique.canHandle(query) || keyPart(query) != null;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        return unique.canHandle(query) ? unique.getPositions(query) : unique.getPositions(keyPart(query));
    }

    /** The query's conditions on this index's keys alone, when each is a plain value or {@code $in}; else null. */
    private Document keyPart(Document query) {
        if (query.size() <= getKeys().size()) {
            return null;
        }
        Document part = new Document();
        for (IndexKey key : getKeys()) {
            if (!query.containsKey(key.getKey())) {
                return null;
            }
            part.put(key.getKey(), query.get(key.getKey()));
        }
        return unique.canHandle(part) ? part : null;
    }

    @Override
    public boolean isUnique() {
        return unique.isUnique();
    }

    @Override
    public P getPosition(Document document) {
        return unique.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        unique.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        unique.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
        return unique.remove(document);
    }

    @Override
    public long getCount() {
        return unique.getCount();
    }

    @Override
    public boolean isEmpty() {
        return unique.isEmpty();
    }

    @Override
    public long getDataSize() {
        return unique.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        unique.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
            throws KeyConstraintError {
        unique.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
        unique.drop();
    }

    static <P> Index<P> of(Index<P> index) {
        return index instanceof UniqueKeyIndex<P> ? index : new UniqueKeyIndex<>(index);
    }
}
