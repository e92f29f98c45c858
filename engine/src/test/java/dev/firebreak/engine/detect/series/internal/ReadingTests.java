package dev.firebreak.engine.detect.series.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.config.MetricDetectionConfig;
import dev.firebreak.engine.detect.series.SeriesDetector;
import dev.firebreak.engine.telemetry.MetricName;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReadingTests {

    private static final long START = 1_793_620_800L;
    private static final int STEP_SECONDS = 60;
    /** Eight days of one-minute samples: the seasonal band scores on the eighth. */
    private static final int SAMPLES = 8 * 24 * 60;

    /**
     * A daily wave with noise, steps up and down (so every detector fires, on both sides of its band)
     * and gaps (missing samples).
     */
    private static double[] series() {
        SplittableRandom random = new SplittableRandom(11);
        double[] values = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            double daily = 20 * Math.sin(2 * Math.PI * i / (24 * 60.0));
            double step = i % 1500 >= 1400 && i % 1500 < 1430 ? 60 : i % 2100 >= 2000 && i % 2100 < 2020 ? -50 : 0;
            values[i] = i % 997 == 0 ? Double.NaN : 100 + daily + step + 2 * random.nextGaussian();
        }
        return values;
    }

    @ParameterizedTest
    @EnumSource(MetricName.class)
    void theTicksReusedReadingsGiveExactlyTheOutputsOfFreshDetectors(MetricName metric) {
        MetricDetectionConfig config = MetricDetectionConfig.defaultFor(metric);
        List<SeriesDetector> fresh = config.createDetectors();
        // without a hold config every sample is learned, as each detector's own update learns it
        BaselineHold reused = new BaselineHold(config.createDetectors(), Optional.empty());
        double[] values = series();
        int fired = 0;
        int learning = 0;

        for (int t = 0; t < values.length; t++) {
            long at = START + (long) t * STEP_SECONDS;
            reused.update(at, values[t], false, false);
            for (int i = 0; i < fresh.size(); i++) {
                DetectorOutput expected = fresh.get(i).update(at, values[t]);
                Reading reading = reused.reading(i);

                assertThat(reused.output(i)).as("sample %d, %s", t, expected.kind()).isEqualTo(expected);
                assertThat(Double.valueOf(reading.score())).isEqualTo(Double.valueOf(expected.score()));
                assertThat(reading.fired()).isEqualTo(expected.fired());
                fired += expected.fired() ? 1 : 0;
                learning += expected.isLearning() ? 1 : 0;
            }
        }

        assertThat(fired).as("samples that fired, so their sentences were compared").isPositive();
        assertThat(learning).as("samples still learning").isPositive();
    }
}
