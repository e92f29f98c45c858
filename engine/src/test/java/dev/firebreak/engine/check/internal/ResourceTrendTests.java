package dev.firebreak.engine.check.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.telemetry.MetricName;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ResourceTrendTests {

    private static final int N = ResourceTrend.WINDOW_SECONDS;
    private final SplittableRandom random = new SplittableRandom(3);

    /** A level with a little noise, as the simulator's memory reads. */
    private double[] flat(double level) {
        double[] values = new double[N];
        for (int i = 0; i < N; i++) {
            values[i] = level + 0.3 * random.nextGaussian();
        }
        return values;
    }

    @Test
    void leakOfTwoPointsAMinuteIsRisingTowardTheLimitAndSaysWhen() {
        double[] values = flat(50);
        for (int i = 0; i < N; i++) {
            values[i] += 2.0 * i / 60;
        }

        Optional<String> trend = ResourceTrend.risingToward(MetricName.MEMORY, values, 95);

        assertThat(trend).hasValueSatisfying(text -> assertThat(text)
                .startsWith("Memory rising toward its limit: ")
                .contains("+2.0 points a minute")
                .matches(".*: 5[78]\\.\\d % now, .*, 95 % in about 1[89] min"));
    }

    @Test
    void flatMemoryIsNotRising() {
        assertThat(ResourceTrend.risingToward(MetricName.MEMORY, flat(80), 95)).isEmpty();
    }

    @Test
    void stepUpIsNotASteadyRise() {
        double[] values = flat(45);
        for (int i = N - 100; i < N; i++) {
            values[i] += 40;
        }

        assertThat(ResourceTrend.risingToward(MetricName.MEMORY, values, 95)).isEmpty();
    }

    @Test
    void trafficBurstAtTheEndOfTheWindowIsNotASteadyRise() {
        double[] values = flat(50);
        for (int i = N - 20; i < N; i++) {
            values[i] += 6;
        }

        assertThat(ResourceTrend.risingToward(MetricName.MEMORY, values, 95)).isEmpty();
    }

    @Test
    void slowRiseThatWouldNotReachTheLimitWithinTheHourIsNotReported() {
        double[] values = flat(40);
        for (int i = 0; i < N; i++) {
            values[i] += 0.5 * i / 60;
        }

        assertThat(ResourceTrend.risingToward(MetricName.MEMORY, values, 95)).as("40 %% + 0.5 x 60 = 70 %% < 95 %%")
                .isEmpty();
    }

    @Test
    void lessThanAWindowOfHistoryOrAGapSaysNothing() {
        double[] ramp = new double[N];
        for (int i = 0; i < N; i++) {
            ramp[i] = 50 + 3.0 * i / 60;
        }
        double[] gappy = ramp.clone();
        Arrays.fill(gappy, 0, N / 2, Double.NaN);

        assertThat(ResourceTrend.risingToward(MetricName.MEMORY, Arrays.copyOf(ramp, N - 1), 95)).isEmpty();
        assertThat(ResourceTrend.risingToward(MetricName.MEMORY, gappy, 95)).isEmpty();
        assertThat(ResourceTrend.risingToward(MetricName.MEMORY, ramp, 95)).isPresent();
    }
}
