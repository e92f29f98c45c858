package dev.firebreak.engine.detect.series.internal;

import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.Direction;
import dev.firebreak.engine.detect.series.RollingZScoreConfig;
import java.util.Locale;
import java.util.Objects;

/**
 * Rolling mean ± k·σ with O(1) updates: running sums over a float ring. Sums are kept relative to the
 * first sample so large offsets (1e9 with a spread of 1) do not cancel catastrophically, and they are
 * recomputed from the ring now and then so rounding cannot accumulate.
 */
public final class RollingZScoreDetector implements AdaptiveBaseline {

    private static final int RESUM_EVERY_WRAPS = 64;

    private final RollingZScoreConfig config;
    private final Direction direction;
    private final FloatRing ring;
    private final String rule;
    private double shift = Double.NaN;
    private double sum;
    private double sumSquares;
    private long pushes;

    public RollingZScoreDetector(RollingZScoreConfig config) {
        this(config, Direction.BOTH);
    }

    /**
     * Restricted to one side of its band, as {@link DirectionalDetector} would restrict it, but without
     * the wrapper: one object less to touch per sample, and no output made and formatted only to be replaced.
     */
    public RollingZScoreDetector(RollingZScoreConfig config, Direction direction) {
        this.config = config;
        this.direction = Objects.requireNonNull(direction, "direction");
        this.ring = new FloatRing(config.window());
        this.rule = Outputs.shared("within band: " + String.format(Locale.ROOT, "mean ± %.1fσ of last %d", config.k(), config.window()));
    }

    @Override
    public DetectorKind kind() {
        return DetectorKind.ROLLING_ZSCORE;
    }

    @Override
    public DetectorOutput score(long epochSecond, double value) {
        return Reading.outputOf(into -> score(epochSecond, value, into));
    }

    @Override
    public void score(long epochSecond, double value, Reading into) {
        if (!Double.isFinite(value)) {
            into.missing(kind());
        } else if (ring.isFull()) {
            score(value, into);
        } else {
            into.learning(kind(), value, ring.size(), config.window());
        }
    }

    @Override
    public void learn(long epochSecond, double value) {
        if (Double.isFinite(value)) {
            learn(value);
        }
    }

    @Override
    public void restart() {
        ring.clear();
        shift = Double.NaN;
        sum = 0;
        sumSquares = 0;
        pushes = 0;
    }

    private void score(double value, Reading into) {
        int n = ring.size();
        double mean = sum / n;
        double variance = Math.max(0, sumSquares / n - mean * mean);
        double level = mean + shift;
        double sigma = Scores.floorScale(Math.sqrt(variance), level);
        double z = Math.abs(value - level) / sigma;
        double width = config.k() * sigma;
        into.banded(kind(), z / config.k(), value, level - width, level + width, rule, direction);
    }

    private void learn(double value) {
        if (Double.isNaN(shift)) {
            shift = value;
        }
        float stored = (float) (value - shift);
        if (ring.isFull()) {
            float evicted = ring.oldest();
            sum -= evicted;
            sumSquares -= (double) evicted * evicted;
        }
        ring.push(stored);
        sum += stored;
        sumSquares += (double) stored * stored;
        if (++pushes % ((long) config.window() * RESUM_EVERY_WRAPS) == 0) {
            resum();
        }
    }

    private void resum() {
        sum = 0;
        sumSquares = 0;
        for (int i = 0; i < ring.size(); i++) {
            double v = ring.get(i);
            sum += v;
            sumSquares += v * v;
        }
    }

    @Override
    public int stateBytes() {
        return 16 + ring.bytes() + 4 * 8 + 4;
    }
}
