package io.sori.kb.article;

/** The lifecycle of an article and of each of its versions: DRAFT → PUBLISHED → ARCHIVED. */
public enum ArticleStatus {
    DRAFT, PUBLISHED, ARCHIVED
}
