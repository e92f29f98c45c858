package dev.firebreak.bench.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WindowedGaussianReferenceTests {

    @Test
    void probabilityIsOneHalfAtTheMeanAndFollowsTheNormalDistribution() {
        assertThat(WindowedGaussianReference.lowerProbability(10, 10, 2)).isCloseTo(0.5, within(1e-12));
        // Phi(1) = 0.841344746...
        assertThat(WindowedGaussianReference.lowerProbability(12, 10, 2)).isCloseTo(0.8413447460685429, within(1e-9));
        assertThat(WindowedGaussianReference.lowerProbability(8, 10, 2)).isCloseTo(1 - 0.8413447460685429, within(1e-9));
    }

    @Test
    void highSpikeScoresNearOneAndOnlyPreviousValuesAreUsed() {
        double[] values = new double[200];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 2 == 0 ? 9 : 11;
        }
        values[150] = 100;

        double[] scores = WindowedGaussianReference.scores(values, 1000);

        assertThat(scores[0]).isZero();
        assertThat(scores[150]).isGreaterThan(0.999);
        // the score of row 149 must not see the spike at 150
        double[] withoutSpike = Arrays.copyOf(values, 150);
        assertThat(WindowedGaussianReference.scores(withoutSpike, 1000)[149]).isEqualTo(scores[149]);
    }
}
