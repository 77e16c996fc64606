package io.sori.kb.reference;

import java.util.Optional;

/** The reference data the chatbot's calculators use. */
public enum ReferenceKind {
    /** Currency rates against the won, for the currency-exchange calculator. */
    FX_RATES,
    /** Check-card cashback merchants and their rates, for the cashback lookup. */
    CASHBACK_MERCHANTS;

    public static Optional<ReferenceKind> parse(String value) {
        for (ReferenceKind kind : values()) {
            if (kind.name().equals(value)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
