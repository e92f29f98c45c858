package dev.firebreak.engine.detect.internal;

import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.IqrConfig;
import dev.firebreak.engine.detect.SeriesDetector;
import java.util.Arrays;
import java.util.Locale;

/**
 * Tukey fences on a sliding window. The window's values are also kept sorted: each sample removes the
 * evicted value and inserts the new one by binary search (one array shift each), so quartiles are read
 * in O(1) and nothing is re-sorted per sample.
 */
public final class IqrDetector implements SeriesDetector {

    private final IqrConfig config;
    private final FloatRing ring;
    private final float[] sorted;
    private final String rule;
    private int size;

    public IqrDetector(IqrConfig config) {
        this.config = config;
        this.ring = new FloatRing(config.window());
        this.sorted = new float[config.window()];
        this.rule = String.format(Locale.ROOT, "Q1 - %.1f·IQR .. Q3 + %.1f·IQR of last %d", config.fence(),
                config.fence(), config.window());
    }

    @Override
    public DetectorKind kind() {
        return DetectorKind.IQR;
    }

    @Override
    public DetectorOutput update(long epochSecond, double value) {
        if (!Double.isFinite(value)) {
            return Outputs.missing(kind());
        }
        DetectorOutput output = ring.isFull() ? score(value) : Outputs.learning(kind(), value, size, config.window());
        learn((float) value);
        return output;
    }

    private DetectorOutput score(double value) {
        double q1 = quantile(0.25);
        double q3 = quantile(0.75);
        double iqr = Scores.floorScale(q3 - q1, quantile(0.5));
        double low = q1 - config.fence() * iqr;
        double high = q3 + config.fence() * iqr;
        double beyond = value > q3 ? (value - q3) / iqr : value < q1 ? (q1 - value) / iqr : 0;
        return Outputs.banded(kind(), Scores.ofLimitRatio(beyond / config.fence()), value, low, high, rule);
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
            remove(ring.oldest());
        }
        ring.push(value);
        insert(value);
    }

    private void remove(float value) {
        int index = Arrays.binarySearch(sorted, 0, size, value);
        System.arraycopy(sorted, index + 1, sorted, index, size - index - 1);
        size--;
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
        return 16 + ring.bytes() + 16 + 4 * sorted.length + 4;
    }
}
