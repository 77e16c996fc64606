package io.sori.kb.article;

import reactor.core.publisher.Mono;

/**
 * Told about every article this instance changed, right after the write, so that readers of
 * this instance see the change at once (the search index). Must not fail the write: the
 * change is stored already.
 */
public interface ArticleObserver {

    Mono<Void> changed(Article article);
}
