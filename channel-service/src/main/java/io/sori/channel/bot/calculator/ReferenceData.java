package io.sori.channel.bot.calculator;

/**
 * The reference data at hand for one turn.
 *
 * @param fxRates       null when not (yet) loaded
 * @param merchants     null when not (yet) loaded
 * @param loadAttempted true when a load was just tried for this turn: what is still missing is
 *                      unavailable right now, not merely not loaded yet
 */
public record ReferenceData(FxRates fxRates, CashbackMerchants merchants, boolean loadAttempted) {

    public static ReferenceData none() {
        return new ReferenceData(null, null, false);
    }

    public boolean has(ReferenceKind kind) {
        return switch (kind) {
            case FX_RATES -> fxRates != null;
            case CASHBACK_MERCHANTS -> merchants != null;
        };
    }

    public ReferenceData afterLoadAttempt() {
        return new ReferenceData(fxRates, merchants, true);
    }
}
