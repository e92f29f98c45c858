package dev.firebreak.engine.detect.series.internal;

import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.Direction;
import dev.firebreak.engine.detect.series.EwmaConfig;
import java.util.Locale;
import java.util.Objects;

/** EWMA of the value and of its absolute deviation; scores the distance in typical deviations. */
public final class EwmaDetector implements AdaptiveBaseline {

    private static final double DEVIATION_SLOWDOWN = 0.2;

    private final EwmaConfig config;
    private final Direction direction;
    private final String rule;
    private double mean = Double.NaN;
    private double deviation;
    private int seen;

    public EwmaDetector(EwmaConfig config) {
        this(config, Direction.BOTH);
    }

    /**
     * Restricted to one side of its band, as {@link DirectionalDetector} would restrict it, but without
     * the wrapper: one object less to touch per sample, and no output made and formatted only to be replaced.
     */
    public EwmaDetector(EwmaConfig config, Direction direction) {
        this.config = config;
        this.direction = Objects.requireNonNull(direction, "direction");
        this.rule = Outputs.shared("within band: " + String.format(Locale.ROOT, "EWMA ± %.1f× typical deviation, α=%.2f", config.threshold(),
                config.alpha()));
    }

    @Override
    public DetectorKind kind() {
        return DetectorKind.EWMA;
    }

    @Override
    public DetectorOutput score(long epochSecond, double value) {
        return Reading.outputOf(into -> score(epochSecond, value, into));
    }

    @Override
    public void score(long epochSecond, double value, Reading into) {
        if (!Double.isFinite(value)) {
            into.missing(kind());
            return;
        }
        if (seen < config.warmupSamples()) {
            into.learning(kind(), value, seen, config.warmupSamples());
            return;
        }
        double scale = Scores.floorScale(deviation, mean);
        double distance = Math.abs(value - mean) / scale;
        double width = config.threshold() * scale;
        into.banded(kind(), distance / config.threshold(), value, mean - width, mean + width,
                rule, direction);
    }

    @Override
    public void learn(long epochSecond, double value) {
        if (Double.isFinite(value)) {
            learn(value);
        }
    }

    @Override
    public void restart() {
        mean = Double.NaN;
        deviation = 0;
        seen = 0;
    }

    private void learn(double value) {
        if (seen < Integer.MAX_VALUE) {
            seen++;
        }
        if (Double.isNaN(mean)) {
            mean = value;
            return;
        }
        // Early on a plain average converges faster than alpha allows; afterwards alpha takes over.
        double rate = Math.max(config.alpha(), 1.0 / seen);
        // The typical deviation is the long-run one: tracking it as fast as the mean would let a few noisy
        // samples shrink the band and fire on ordinary noise.
        deviation += rate * DEVIATION_SLOWDOWN * (Math.abs(value - mean) - deviation);
        mean += rate * (value - mean);
    }

    @Override
    public int stateBytes() {
        return 16 + 8 + 8 + 8 + 4 + 8 + 4;
    }
}
