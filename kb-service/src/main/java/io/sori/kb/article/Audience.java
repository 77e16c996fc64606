package io.sori.kb.article;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Who an article is written for. */
public enum Audience {
    /** The agents' knowledge-management system: procedures, policies, internal notes. */
    AGENT_KMS,
    /** The public FAQ: customers, the app's help pages and the chatbot. */
    PUBLIC_FAQ;

    public static final List<Audience> ALL = List.of(values());

    /** The audience of a request parameter or body field, case-insensitive; empty if there is none by that name. */
    public static Optional<Audience> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip().toUpperCase(Locale.ROOT);
        for (Audience audience : values()) {
            if (audience.name().equals(wanted)) {
                return Optional.of(audience);
            }
        }
        return Optional.empty();
    }
}
