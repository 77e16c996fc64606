package io.sori.events.kb;

import io.sori.events.SoriEvent;

/** Events published by kb-service on {@code sori.kb.v1}. */
public sealed interface KbEvent extends SoriEvent
        permits ArticlePublished, ArticleArchived, SuggestionsComputed, ReferenceDataUpdated {
}
