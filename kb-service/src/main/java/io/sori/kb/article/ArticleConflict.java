package io.sori.kb.article;

/** A change the article's state does not allow. */
public final class ArticleConflict extends RuntimeException {

    public enum Kind {
        /** The change was based on a version that is no longer the latest. */
        STALE_VERSION,
        /** The lifecycle does not allow it (e.g. publishing an archived version). */
        INVALID_TRANSITION
    }

    private final Kind kind;

    ArticleConflict(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
