package dev.firebreak.engine.detect.series.internal;

import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.Direction;
import dev.firebreak.engine.detect.series.IqrConfig;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Tukey fences on a sliding window. The window's values are also kept sorted: each sample removes the
 * evicted value (found by binary search) and slides the new one into place, moving only the values in
 * between, so quartiles are read
 * in O(1) and nothing is re-sorted per sample.
 */
public final class IqrDetector implements AdaptiveBaseline {

    private final IqrConfig config;
    private final Direction direction;
    private final FloatRing ring;
    private final float[] sorted;
    private final String rule;
    private int size;
    /**
     * The window's quartiles and median, worked out when a sample is learned, while the sorted window is
     * in cache: scoring the next sample then reads three fields instead of three lines of the window.
     */
    private double q1;
    private double q3;
    private double median;

    public IqrDetector(IqrConfig config) {
        this(config, Direction.BOTH);
    }

    /**
     * Restricted to one side of its band, as {@link DirectionalDetector} would restrict it, but without
     * the wrapper: one object less to touch per sample, and no output made and formatted only to be replaced.
     */
    public IqrDetector(IqrConfig config, Direction direction) {
        this.config = config;
        this.direction = Objects.requireNonNull(direction, "direction");
        this.ring = new FloatRing(config.window());
        this.sorted = new float[config.window()];
        this.rule = Outputs.shared("within band: " + String.format(Locale.ROOT, "Q1 - %.1f·IQR .. Q3 + %.1f·IQR of last %d", config.fence(),
                config.fence(), config.window()));
    }

    @Override
    public DetectorKind kind() {
        return DetectorKind.IQR;
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
            into.learning(kind(), value, size, config.window());
        }
    }

    @Override
    public void learn(long epochSecond, double value) {
        if (Double.isFinite(value)) {
            learn((float) value);
        }
    }

    @Override
    public void restart() {
        ring.clear();
        size = 0;
    }

    private void score(double value, Reading into) {
        double iqr = Scores.floorScale(q3 - q1, median);
        double low = q1 - config.fence() * iqr;
        double high = q3 + config.fence() * iqr;
        double beyond = value > q3 ? (value - q3) / iqr : value < q1 ? (q1 - value) / iqr : 0;
        into.banded(kind(), beyond / config.fence(), value, low, high, rule, direction);
    }

    /** Linear interpolation between order statistics, as numpy's default does. */
    double quantile(double q) {
        double position = q * (size - 1);
        int below = (int) position;
        int above = Math.min(below + 1, size - 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }

    private void learn(float value) {
        if (ring.isFull()) {
            replace(ring.oldest(), value);
        } else {
            insert(value);
        }
        ring.push(value);
        q1 = quantile(0.25);
        q3 = quantile(0.75);
        median = quantile(0.5);
    }

    /**
     * Swaps the evicted value for the new one in the sorted window: find the evicted slot by binary search,
     * then slide the new value towards its place, moving only the values between the two positions.
     */
    private void replace(float evicted, float value) {
        int i = Arrays.binarySearch(sorted, 0, size, evicted);
        if (value > evicted) {
            while (i + 1 < size && sorted[i + 1] < value) {
                sorted[i] = sorted[i + 1];
                i++;
            }
        } else {
            while (i > 0 && sorted[i - 1] > value) {
                sorted[i] = sorted[i - 1];
                i--;
            }
        }
        sorted[i] = value;
    }

    private void insert(float value) {
        int index = Arrays.binarySearch(sorted, 0, size, value);
        if (index < 0) {
            index = -index - 1;
        }
        System.arraycopy(sorted, index, sorted, index + 1, size - index);
        sorted[index] = value;
        size++;
    }

    @Override
    public int stateBytes() {
        return 16 + ring.bytes() + 16 + 4 * sorted.length + 4 + 4 + 3 * 8;
    }
}
