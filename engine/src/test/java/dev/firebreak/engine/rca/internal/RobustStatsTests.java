package dev.firebreak.engine.rca.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RobustStatsTests {

    @Test
    void quartilesBySelectionEqualThoseOfASortedCopyForEverySizeAndTies() {
        Random random = new Random(7);
        for (int n = 1; n <= 300; n++) {
            for (int round = 0; round < 5; round++) {
                double[] values = new double[n + 10];
                for (int i = 0; i < n; i++) {
                    // round 0-1 draw with many ties (an idle series), the others continuous values
                    values[i] = round < 2 ? random.nextInt(3) : random.nextGaussian() * 10;
                }
                double[] sorted = Arrays.copyOf(values, n);
                Arrays.sort(sorted);

                double[] quartiles = RobustStats.quartiles(values, n);

                assertThat(quartiles).as("n=%d round=%d", n, round).containsExactly(
                        RobustStats.sortedQuantile(sorted, n, 0.25), RobustStats.sortedQuantile(sorted, n, 0.5),
                        RobustStats.sortedQuantile(sorted, n, 0.75));
            }
        }
    }

    @Test
    void quartilesOfNothingAreNotNumbers() {
        assertThat(RobustStats.quartiles(new double[4], 0)).containsExactly(Double.NaN, Double.NaN, Double.NaN);
    }
}
