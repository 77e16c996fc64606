package io.sori.channel.bot.calculator;

import java.util.Optional;

/** The reference data the calculators read, as kb-service names it. */
public enum ReferenceKind {
    FX_RATES,
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
