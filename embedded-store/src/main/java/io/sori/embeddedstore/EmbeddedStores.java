package io.sori.embeddedstore;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.MongoDatabase;
import java.util.List;
import org.h2.mvstore.MVStore;

/**
 * The backends of the embedded default (one H2 file) and of the test suites (memory), both with
 * the same index use, so the suites measure and test what {@code ./sori} runs: see
 * {@link UniqueKeyIndex} and {@link EqualityIndex}.
 */
public final class EmbeddedStores {

    private EmbeddedStores() {
    }

    /** The store in one H2 MVStore file, kept across restarts. */
    public static MongoBackend file(String path) {
        return new H2Backend(path) {
            @Override
            protected MongoDatabase openOrCreateDatabase(String databaseName) {
                return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry());
            }
        };
    }

    /** The store in memory, gone when the process ends. */
    public static MongoBackend inMemory() {
        return new MemoryBackend() {
            @Override
            public MemoryDatabase openOrCreateDatabase(String databaseName) {
                return new IndexedMemoryDatabase(databaseName, getCursorRegistry());
            }
        };
    }

    private static final class IndexedH2Database extends H2Database {

        IndexedH2Database(String name, MVStore store, CursorRegistry cursors) {
            super(name, store, cursors);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collection, String name, List<IndexKey> keys,
                boolean sparse) {
            return UniqueKeyIndex.of(super.openOrCreateUniqueIndex(collection, name, keys, sparse));
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collection, String name, List<IndexKey> keys,
                boolean sparse) {
            return new EqualityIndex<>(name, keys, sparse);
        }
    }

    private static final class IndexedMemoryDatabase extends MemoryDatabase {

        IndexedMemoryDatabase(String name, CursorRegistry cursors) {
            super(name, cursors);
        }

        @Override
        protected Index<Integer> openOrCreateUniqueIndex(String collection, String name, List<IndexKey> keys,
                boolean sparse) {
            return UniqueKeyIndex.of(super.openOrCreateUniqueIndex(collection, name, keys, sparse));
        }

        @Override
        protected Index<Integer> openOrCreateSecondaryIndex(String collection, String name, List<IndexKey> keys,
                boolean sparse) {
            return new EqualityIndex<>(name, keys, sparse);
        }
    }
}
