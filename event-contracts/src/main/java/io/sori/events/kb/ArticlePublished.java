package io.sori.events.kb;

/** @param audience AGENT_KMS or PUBLIC_FAQ */
public record ArticlePublished(String articleId, int version, String audience, String category, String title)
        implements KbEvent {

    @Override
    public String aggregateId() {
        return articleId;
    }
}
