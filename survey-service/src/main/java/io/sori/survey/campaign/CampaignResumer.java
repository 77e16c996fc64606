package io.sori.survey.campaign;

import io.sori.platform.schedule.Periodic;
import java.time.Duration;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Finishes campaigns whose sending instance stopped halfway. */
@Component
class CampaignResumer extends Periodic {

    private final Campaigns campaigns;

    CampaignResumer(Campaigns campaigns) {
        super("resuming stalled campaigns", Duration.ofSeconds(30), Duration.ofSeconds(30));
        this.campaigns = campaigns;
    }

    @Override
    protected Mono<?> pass() {
        return campaigns.resumeOne();
    }
}
