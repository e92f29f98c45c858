package dev.firebreak.engine.rca.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RobustStatsTests {

    @Test
    void quartilesBySelectionEqualThoseOfASortedCopyForEverySizeAndTies() {
        Random random = new Random(7);
        for (int n = 1; n <= 700; n++) {
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
    void aQuantileBySelectionEqualsThatOfASortedCopyForEverySizeTiesAndSortedInput() {
        Random random = new Random(11);
        for (int n = 1; n <= 700; n++) {
            for (int round = 0; round < 6; round++) {
                double[] values = new double[n];
                for (int i = 0; i < n; i++) {
                    // ties (an idle series), continuous values, and already ordered ones either way (a ramp)
                    values[i] = switch (round) {
                        case 0, 1 -> random.nextInt(3);
                        case 2 -> i;
                        case 3 -> n - i;
                        default -> random.nextGaussian() * 10;
                    };
                }
                double[] sorted = values.clone();
                Arrays.sort(sorted);
                for (double q : new double[] {0.1, 0.5, 0.9, 0.99}) {
                    assertThat(RobustStats.quantile(values.clone(), n, q)).as("n=%d round=%d q=%s", n, round, q)
                            .isEqualTo(RobustStats.sortedQuantile(sorted, n, q));
                }
            }
        }
    }

    @Test
    void quartilesOfNothingAreNotNumbers() {
        assertThat(RobustStats.quartiles(new double[4], 0)).containsExactly(Double.NaN, Double.NaN, Double.NaN);
    }
}
