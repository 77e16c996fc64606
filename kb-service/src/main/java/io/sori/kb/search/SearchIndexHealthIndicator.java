package io.sori.kb.search;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Whether this instance's index is built, and how many articles it holds. Readiness itself waits
 * for the build too: the build is an application runner, and Boot reports ready only after them.
 */
@Component("searchIndex")
class SearchIndexHealthIndicator extends AbstractHealthIndicator {

    private final SearchService search;

    SearchIndexHealthIndicator(SearchService search) {
        super("search index unavailable");
        this.search = search;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (search.isReady()) {
            builder.up().withDetail("documents", search.size());
        } else {
            builder.outOfService().withDetail("reason", "building the index from the store");
        }
    }
}
