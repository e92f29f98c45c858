package dev.firebreak.engine.detect.series.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ScoresTests {

    /** The logistic the detectors' scores follow, written out here on its own. */
    private static double logistic(double ratio) {
        return 1 / (1 + Math.exp(-5 * (ratio - 1)));
    }

    @Test
    void aValueInsideItsBandScoresWhatTheLogisticGivesAtZero() {
        assertThat(Scores.ofLimitRatio(0)).isEqualTo(logistic(0)).isCloseTo(0.0067, Offset.offset(1e-4));
        assertThat(Scores.ofLimitRatio(-0.0)).isEqualTo(Scores.ofLimitRatio(0));
    }

    @Test
    void scoresRiseSmoothlyThroughTheLimitAndSaturate() {
        assertThat(Scores.ofLimitRatio(1)).isEqualTo(0.5);
        assertThat(Scores.ofLimitRatio(1.5)).isCloseTo(0.924, Offset.offset(1e-3));
        double previous = Scores.ofLimitRatio(0);
        for (double ratio = 1e-9; ratio < 4; ratio += 0.01) {
            double score = Scores.ofLimitRatio(ratio);
            assertThat(score).as("ratio %s", ratio).isGreaterThan(previous).isEqualTo(logistic(ratio));
            previous = score;
        }
        assertThat(Scores.ofLimitRatio(Double.POSITIVE_INFINITY)).isEqualTo(1);
        assertThat(Scores.ofLimitRatio(Double.NaN)).isNaN();
    }
}
