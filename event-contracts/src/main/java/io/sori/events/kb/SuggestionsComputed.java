package io.sori.events.kb;

import java.util.List;

/** The top knowledge-base articles for a new ticket. */
public record SuggestionsComputed(String ticketId, List<Suggestion> suggestions) implements KbEvent {

    public record Suggestion(String articleId, String title, double score) {
    }

    public SuggestionsComputed {
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }

    @Override
    public String aggregateId() {
        return ticketId;
    }
}
