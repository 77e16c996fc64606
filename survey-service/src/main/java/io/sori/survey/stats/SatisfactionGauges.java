package io.sori.survey.stats;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.sori.platform.schedule.Periodic;
import io.sori.survey.survey.SurveySettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The operators' dashboard figures per channel over the recent {@code gauge-window}, read from the
 * store (so every instance reports the same: aggregate with {@code max}, not {@code sum}):
 * {@code sori_survey_csat{channel}} (share of 4–5, out of 100), {@code sori_survey_score100{channel}},
 * {@code sori_survey_responses{channel}} and {@code sori_survey_response_rate{channel}} (out of 100).
 */
@Component
class SatisfactionGauges extends Periodic {

    private final SurveyStats stats;
    private final SurveySettings settings;
    private final Clock clock;
    private final MultiGauge csat;
    private final MultiGauge score100;
    private final MultiGauge responses;
    private final MultiGauge responseRate;

    SatisfactionGauges(SurveyStats stats, SurveySettings settings, Clock clock, MeterRegistry meters) {
        super("reading the satisfaction gauges", Duration.ofSeconds(2), settings.gaugeRefresh());
        this.stats = stats;
        this.settings = settings;
        this.clock = clock;
        this.csat = MultiGauge.builder("sori.survey.csat")
                .description("Share of answers scoring 4 or 5, out of 100, over the recent window").register(meters);
        this.score100 = MultiGauge.builder("sori.survey.score100")
                .description("Average overall score on 0-100 over the recent window").register(meters);
        this.responses = MultiGauge.builder("sori.survey.responses")
                .description("Answers over the recent window").register(meters);
        this.responseRate = MultiGauge.builder("sori.survey.response.rate")
                .description("Share of surveys issued in the recent window that were answered, out of 100")
                .register(meters);
    }

    @Override
    protected Mono<?> pass() {
        Instant now = clock.instant();
        return stats.rollup(GroupBy.CHANNEL, new SurveyStats.Scope(now.minus(settings.gaugeWindow()), now, null, null))
                .doOnNext(result -> {
                    List<SurveyStats.Group> groups = result.getKey().stream().filter(g -> g.key() != null).toList();
                    csat.register(rows(groups, g -> g.rollup().csat() == null ? null : g.rollup().csat() * 100), true);
                    score100.register(rows(groups, g -> g.rollup().score100()), true);
                    responses.register(rows(groups, g -> (double) g.rollup().responses()), true);
                    responseRate.register(rows(groups, g -> g.rollup().responseRate() == null ? null
                            : g.rollup().responseRate() * 100), true);
                });
    }

    private static List<MultiGauge.Row<?>> rows(List<SurveyStats.Group> groups,
            java.util.function.Function<SurveyStats.Group, Double> value) {
        return groups.stream().filter(g -> value.apply(g) != null)
                .<MultiGauge.Row<?>>map(g -> MultiGauge.Row.of(Tags.of("channel", g.key()), value.apply(g)))
                .toList();
    }
}
