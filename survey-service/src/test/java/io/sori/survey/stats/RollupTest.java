package io.sori.survey.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.sori.survey.survey.Survey;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RollupTest {

    @Test
    void shouldPutScoresOnAHundredPointScale() {
        assertThat(IntStream.rangeClosed(1, 5).map(Survey::score100).toArray()).containsExactly(0, 25, 50, 75, 100);
    }

    @Test
    void shouldComputeCsatAverageAndResponseRate() {
        // answers 5, 4, 3, 1 of 6 surveys issued
        Rollup r = new Rollup(4, 2, 100 + 75 + 50 + 0, 6, 4);
        assertThat(r.csat()).isEqualTo(0.5);
        assertThat(r.score100()).isEqualTo(56.3);
        assertThat(r.responseRate()).isEqualTo(0.6667);
    }

    @Test
    void shouldSayNothingRatherThanZeroWithoutAnswers() {
        assertThat(Rollup.NONE.csat()).isNull();
        assertThat(Rollup.NONE.score100()).isNull();
        assertThat(new Rollup(0, 0, 0, 3, 0).responseRate()).isEqualTo(0.0);
    }

    @Test
    void shouldCountRunsOfTopScoresInAnswerOrder() {
        Streaks s = new Streaks();
        IntStream.of(5, 5, 5, 4, 5, 5, 5, 5, 3, 5).forEach(s::add);
        assertThat(s.best()).isEqualTo(4);
        assertThat(s.current()).isEqualTo(1);
        Streaks ten = new Streaks();
        IntStream.range(0, 10).forEach(i -> ten.add(5));
        assertThat(ten.current()).isEqualTo(10);
    }
}
