package io.sori.events.kb;

public record ArticleArchived(String articleId, int version) implements KbEvent {

    @Override
    public String aggregateId() {
        return articleId;
    }
}
