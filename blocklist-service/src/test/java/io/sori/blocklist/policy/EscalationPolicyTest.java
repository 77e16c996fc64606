package io.sori.blocklist.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sori.blocklist.protection.BlocklistSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

class EscalationPolicyTest {

    /** The table as shipped in application.yml. */
    private static final EscalationPolicy SHIPPED = shipped();

    @ParameterizedTest(name = "{0} after {1} earlier offence(s) → {2} {3}")
    @CsvSource({
            "PROFANITY, 0, WARNING, ",
            "PROFANITY, 1, BLOCK, PT24H",
            "PROFANITY, 2, BLOCK, P7D",
            "PROFANITY, 3, BLOCK, P30D",
            "OBSTRUCTION, 1, BLOCK, PT24H",
            "SPAM, 0, WARNING, ",
            "THREAT, 0, BLOCK, PT24H",
            "SEXUAL_HARASSMENT, 0, BLOCK, PT24H",
            "THREAT, 2, BLOCK, P7D",
    })
    void shouldClimbTheShippedLadderWarningThenADayAWeekAMonth(String reason, int prior, Action action,
            Duration duration) {
        Outcome outcome = SHIPPED.decide(reason, prior, false);
        assertThat(outcome.action()).isEqualTo(action);
        assertThat(outcome.duration()).isEqualTo(duration);
        assertThat(outcome.needsApproval()).isFalse();
    }

    @Test
    void shouldAskASupervisorBeforeBlockingForGoodWhileTheMonthHolds() {
        Outcome fifth = SHIPPED.decide("PROFANITY", 4, false);
        assertThat(fifth.action()).isEqualTo(Action.PERMANENT_BLOCK);
        assertThat(fifth.needsApproval()).isTrue();
        assertThat(fifth.duration()).isEqualTo(Duration.ofDays(30));
        // the last rung repeats
        assertThat(SHIPPED.decide("THREAT", 12, false).action()).isEqualTo(Action.PERMANENT_BLOCK);
    }

    @Test
    void shouldLetAnAutomaticDetectionOnlyWarnButCountItsRung() {
        Outcome detected = SHIPPED.decide("PROFANITY", 2, true);
        assertThat(detected.action()).isEqualTo(Action.WARNING);
        assertThat(detected.capped()).isTrue();
        assertThat(detected.rung()).isEqualTo(2);

        var strict = new EscalationPolicy(SHIPPED.ladder(), Map.of(), Duration.ofDays(365), true);
        assertThat(strict.decide("PROFANITY", 2, true).action()).isEqualTo(Action.BLOCK);
    }

    @Test
    void shouldTakeAnyTableABankConfigures() {
        var lenient = new EscalationPolicy(List.of(Rung.warning(), Rung.warning(), Rung.block(Duration.ofHours(1))),
                Map.of("THREAT", 2), Duration.ofDays(90), false);
        assertThat(lenient.decide("PROFANITY", 1, false).action()).isEqualTo(Action.WARNING);
        assertThat(lenient.decide("THREAT", 0, false).duration()).isEqualTo(Duration.ofHours(1));
        assertThat(lenient.lookback()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void shouldRefuseATableThatCannotWork() {
        assertThatThrownBy(() -> new EscalationPolicy(List.of(), Map.of(), Duration.ofDays(1), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EscalationPolicy(List.of(Rung.warning()), Map.of("THREAT", 3), null, false))
                .hasMessageContaining("THREAT");
        assertThatThrownBy(() -> new Rung(Action.BLOCK, null)).hasMessageContaining("duration");
    }

    private static EscalationPolicy shipped() {
        try {
            var environment = new StandardEnvironment();
            new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                    .forEach(environment.getPropertySources()::addLast);
            return Binder.get(environment).bind("sori.blocklist", BlocklistSettings.class).get().policy().toPolicy();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
