package io.sori.events.kb;

/** @param kind FX_RATES or CASHBACK_MERCHANTS */
public record ReferenceDataUpdated(String kind, int version) implements KbEvent {

    @Override
    public String aggregateId() {
        return kind;
    }
}
