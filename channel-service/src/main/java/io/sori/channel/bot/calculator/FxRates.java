package io.sori.channel.bot.calculator;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One published version of the currency rates. */
public record FxRates(int version, Instant updatedAt, List<FxRate> rates) {

    public FxRates {
        rates = rates == null ? List.of() : List.copyOf(rates);
    }

    public Optional<FxRate> of(String currency) {
        return rates.stream().filter(rate -> rate.currency().equals(currency)).findFirst();
    }
}
