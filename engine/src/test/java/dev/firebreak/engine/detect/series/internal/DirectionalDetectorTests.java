package dev.firebreak.engine.detect.series.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.Direction;
import dev.firebreak.engine.detect.series.EwmaConfig;
import dev.firebreak.engine.detect.series.IqrConfig;
import dev.firebreak.engine.detect.series.RateOfChangeConfig;
import dev.firebreak.engine.detect.series.RollingZScoreConfig;
import dev.firebreak.engine.detect.series.SeasonalBandConfig;
import dev.firebreak.engine.detect.series.SeriesDetector;
import dev.firebreak.engine.telemetry.MetricName;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DirectionalDetectorTests {

    private static final long START = 1_762_041_600L;
    /** Two weeks and a bit at one sample a minute: the seasonal band scores in its second week. */
    private static final int SAMPLES = 22_000;
    private static final long STEP = 60;

    /**
     * The outputs of one detector over a wandering series with spikes, dips and gaps: enough samples on
     * both sides of every band, fired and not, to tell two restrictions apart.
     */
    private static List<DetectorOutput> outputs(SeriesDetector detector) {
        SplittableRandom random = new SplittableRandom(11);
        List<DetectorOutput> outputs = new ArrayList<>(SAMPLES);
        double level = 100;
        for (int i = 0; i < SAMPLES; i++) {
            long t = START + i * STEP;
            level += random.nextGaussian();
            double value = level + 20 * Math.sin(2 * Math.PI * (t % 86_400) / 86_400.0) + random.nextGaussian() * 2;
            int roll = random.nextInt(200);
            value = roll == 0 ? value * 3 : roll == 1 ? value / 3 : roll == 2 ? Double.NaN : value;
            outputs.add(detector.update(t, value));
        }
        return outputs;
    }

    /** Restricted in itself or wrapped, each direction: the same outputs, and some of them fired or on the other side. */
    private static void restrictsItselfAsTheWrapperDoes(Function<Direction, SeriesDetector> restricted,
            Supplier<SeriesDetector> unrestricted) {
        List<DetectorOutput> everyWrapped = new ArrayList<>();
        for (Direction direction : List.of(Direction.UP, Direction.DOWN)) {
            List<DetectorOutput> wrapped = outputs(DirectionalDetector.restrict(unrestricted.get(), direction));

            List<DetectorOutput> own = outputs(restricted.apply(direction));

            assertThat(own).isEqualTo(wrapped);
            everyWrapped.addAll(wrapped);
        }
        assertThat(everyWrapped).anyMatch(DetectorOutput::fired)
                .anyMatch(output -> output.reason().startsWith("other side of the band"));
    }

    @Test
    void rollingZScoreRestrictedInItselfScoresAsTheWrapperDoes() {
        RollingZScoreConfig config = RollingZScoreConfig.ofDefaults();
        restrictsItselfAsTheWrapperDoes(d -> new RollingZScoreDetector(config, d), () -> new RollingZScoreDetector(config));
    }

    @Test
    void ewmaRestrictedInItselfScoresAsTheWrapperDoes() {
        EwmaConfig config = EwmaConfig.ofDefaults();
        restrictsItselfAsTheWrapperDoes(d -> new EwmaDetector(config, d), () -> new EwmaDetector(config));
    }

    @Test
    void iqrRestrictedInItselfScoresAsTheWrapperDoes() {
        IqrConfig config = IqrConfig.ofDefaults();
        restrictsItselfAsTheWrapperDoes(d -> new IqrDetector(config, d), () -> new IqrDetector(config));
    }

    @Test
    void seasonalBandRestrictedInItselfScoresAsTheWrapperDoes() {
        SeasonalBandConfig config = SeasonalBandConfig.ofDefaults();
        restrictsItselfAsTheWrapperDoes(d -> new SeasonalBandDetector(config, d), () -> new SeasonalBandDetector(config));
    }

    @Test
    void rateOfChangeRestrictedInItselfScoresAsTheWrapperDoes() {
        RateOfChangeConfig config = RateOfChangeConfig.defaultFor(MetricName.REQUEST_RATE).orElseThrow();
        restrictsItselfAsTheWrapperDoes(d -> new RateOfChangeDetector(config, d), () -> new RateOfChangeDetector(config));
    }
}
