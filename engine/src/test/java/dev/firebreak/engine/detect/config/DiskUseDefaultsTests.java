package dev.firebreak.engine.detect.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.detect.series.SeasonalBandConfig;
import dev.firebreak.engine.detect.series.SeriesDetector;
import dev.firebreak.engine.telemetry.MetricName;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DiskUseDefaultsTests {

    private static final long MONDAY = 1_762_128_000L; // 2025-11-03T00:00:00Z
    private static final int STEP_SECONDS = 60;
    private static final int DAY = 86_400;

    /**
     * Disk use growing 2 points a day with a little noise, for nine days; returns the share of the second
     * week's samples (from day 8, when a seasonal band has last week's values for every hour) on which
     * any detector fired.
     */
    private static double firedShareInTheSecondWeek(MetricDetectionConfig config) {
        List<SeriesDetector> detectors = config.createDetectors();
        SplittableRandom random = new SplittableRandom(4);
        int samples = 0;
        int fired = 0;
        for (long t = MONDAY; t < MONDAY + 9L * DAY; t += STEP_SECONDS) {
            double value = 40 + 2.0 * (t - MONDAY) / DAY + 0.05 * random.nextGaussian();
            boolean firedNow = false;
            for (SeriesDetector detector : detectors) {
                firedNow |= detector.update(t, value).fired();
            }
            if (t >= MONDAY + 7L * DAY) {
                samples++;
                fired += firedNow ? 1 : 0;
            }
        }
        return (double) fired / samples;
    }

    @Test
    void diskUseGrowingDayByDayRarelyFiresInItsSecondWeek() {
        MetricDetectionConfig defaults = MetricDetectionConfig.defaultFor(MetricName.DISK_USED);

        assertThat(defaults.seasonal()).isEmpty();
        assertThat(firedShareInTheSecondWeek(defaults)).isLessThan(0.05);
    }

    @Test
    void aSeasonalBandOnGrowingDiskUseFiresOnLastWeeksBand() {
        MetricDetectionConfig defaults = MetricDetectionConfig.defaultFor(MetricName.DISK_USED);
        MetricDetectionConfig withBand = new MetricDetectionConfig(defaults.rolling(), defaults.ewma(), defaults.iqr(),
                Optional.of(SeasonalBandConfig.ofDefaults()), defaults.rateOfChange(), defaults.multiScale(),
                defaults.pattern(), defaults.direction(), defaults.hold());

        assertThat(firedShareInTheSecondWeek(withBand)).isGreaterThan(0.5);
    }
}
