package dev.firebreak.engine.detect.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.engine.detect.DetectorOutput;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MultiScaleDetectorTests {

    private static final long START = 1_400_000_000L;

    private static int alarms(MultiScaleConfig config, double[] values, int from) {
        SeriesDetector detector = SeriesDetectors.multiScale(config);
        int alarms = 0;
        for (int i = 0; i < values.length; i++) {
            DetectorOutput output = detector.update(START + 300L * i, values[i]);
            alarms += i >= from && output.fired() ? 1 : 0;
        }
        return alarms;
    }

    private static double[] levelShift(int n, int at) {
        SplittableRandom random = new SplittableRandom(5);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = (i >= at ? 80 : 40) + 2 * random.nextGaussian();
        }
        return values;
    }

    private static MultiScaleConfig withRearm(double rearm) {
        MultiScaleConfig d = MultiScaleConfig.ofDefaults();
        return new MultiScaleConfig(d.halfLivesSamples(), d.shortAlpha(), d.warmupSamples(), d.likelihoodAlpha(),
                d.historyAlpha(), d.alarmSurprise(), d.holdOffSamples(), rearm);
    }

    @Test
    void levelShiftAlarmsOnceWhileTheBaselinesCatchUp() {
        double[] values = levelShift(3000, 1500);

        int withRearm = alarms(MultiScaleConfig.ofDefaults(), values, 1500);
        int fixedHoldOff = alarms(withRearm(0), values, 1500);

        assertThat(withRearm).isEqualTo(1);
        assertThat(fixedHoldOff).isGreaterThan(withRearm);
    }

    @Test
    void steadyNoiseAfterWarmUpRaisesAlmostNoAlarms() {
        SplittableRandom random = new SplittableRandom(8);
        double[] values = new double[5000];
        for (int i = 0; i < values.length; i++) {
            values[i] = 10 + random.nextGaussian();
        }

        assertThat(alarms(MultiScaleConfig.ofDefaults(), values, 750)).isLessThanOrEqualTo(2);
    }

    @Test
    void rearmLevelOutOfRangeIsRejectedNamingTheField() {
        assertThatThrownBy(() -> withRearm(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rearmSurprise");
    }
}
