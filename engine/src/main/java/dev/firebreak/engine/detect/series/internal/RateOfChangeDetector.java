package dev.firebreak.engine.detect.series.internal;

import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.Direction;
import dev.firebreak.engine.detect.series.RateOfChangeConfig;
import dev.firebreak.engine.detect.series.SeriesDetector;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Rise and fall within a time window, against per-metric limits. The window is split into 16 buckets
 * that each remember their minimum and maximum, so "how far did it rise since the lowest point in the
 * last hour" costs 16 comparisons and 128 bytes whatever the sampling rate.
 */
public final class RateOfChangeDetector implements SeriesDetector, ScoresInPlace {

    private static final int BUCKETS = 16;

    private final RateOfChangeConfig config;
    private final Direction direction;
    private final long bucketSeconds;
    /** Each bucket's minimum and maximum side by side (min at 2b, max at 2b + 1): one array to touch per sample. */
    private final float[] extremes = new float[2 * BUCKETS];
    private long currentBucket = Long.MIN_VALUE;
    private final String rule;

    public RateOfChangeDetector(RateOfChangeConfig config) {
        this(config, Direction.BOTH);
    }

    /**
     * Restricted to one side of its band, as {@link DirectionalDetector} would restrict it, but without
     * the wrapper: one object less to touch per sample, and no output made and formatted only to be replaced.
     */
    public RateOfChangeDetector(RateOfChangeConfig config, Direction direction) {
        this.config = config;
        this.direction = Objects.requireNonNull(direction, "direction");
        this.bucketSeconds = Math.max(1, Math.ceilDiv(config.windowSeconds(), BUCKETS));
        Arrays.fill(extremes, Float.NaN);
        this.rule = Outputs.shared("within band: " + describe(config));
    }

    private static String describe(RateOfChangeConfig config) {
        StringBuilder text = new StringBuilder();
        String unit = config.relative() ? "%" : "";
        double factor = config.relative() ? 100 : 1;
        if (!Double.isNaN(config.maxRise())) {
            text.append(String.format(Locale.ROOT, "rise ≤ %s%s", Outputs.number(config.maxRise() * factor), unit));
        }
        if (!Double.isNaN(config.maxFall())) {
            text.append(text.isEmpty() ? "" : ", ")
                    .append(String.format(Locale.ROOT, "fall ≤ %s%s", Outputs.number(config.maxFall() * factor), unit));
        }
        return text.append(" within ").append(config.windowSeconds()).append(" s").toString();
    }

    @Override
    public DetectorKind kind() {
        return DetectorKind.RATE_OF_CHANGE;
    }

    @Override
    public DetectorOutput update(long epochSecond, double value) {
        return Reading.outputOf(into -> update(epochSecond, value, into));
    }

    @Override
    public void update(long epochSecond, double value, Reading into) {
        if (!Double.isFinite(value)) {
            into.missing(kind());
            return;
        }
        advance(Math.floorDiv(epochSecond, bucketSeconds));
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < BUCKETS; i++) {
            if (!Float.isNaN(extremes[2 * i])) {
                lowest = Math.min(lowest, extremes[2 * i]);
                highest = Math.max(highest, extremes[2 * i + 1]);
            }
        }
        if (lowest == Double.POSITIVE_INFINITY) {
            into.learning(kind(), value, 0, 1);
        } else {
            score(value, lowest, highest, into);
        }
        int index = (int) Math.floorMod(currentBucket, BUCKETS);
        float min = extremes[2 * index];
        extremes[2 * index] = Float.isNaN(min) ? (float) value : Math.min(min, (float) value);
        float max = extremes[2 * index + 1];
        extremes[2 * index + 1] = Float.isNaN(max) ? (float) value : Math.max(max, (float) value);
    }

    /** Clears the buckets that fell out of the window since the last sample. */
    private void advance(long bucket) {
        if (currentBucket != Long.MIN_VALUE && bucket > currentBucket) {
            long stale = Math.min(BUCKETS, bucket - currentBucket);
            for (long b = bucket - stale + 1; b <= bucket; b++) {
                int index = (int) Math.floorMod(b, BUCKETS);
                extremes[2 * index] = Float.NaN;
                extremes[2 * index + 1] = Float.NaN;
            }
        }
        currentBucket = Math.max(bucket, currentBucket);
    }

    private void score(double value, double lowest, double highest, Reading into) {
        double riseRatio = 0;
        double fallRatio = 0;
        double low = Double.NEGATIVE_INFINITY;
        double high = Double.POSITIVE_INFINITY;
        if (!Double.isNaN(config.maxRise())) {
            double allowed = config.relative() ? config.maxRise() * Math.abs(lowest) : config.maxRise();
            high = lowest + allowed;
            riseRatio = (value - lowest) / Scores.floorScale(allowed, lowest);
        }
        if (!Double.isNaN(config.maxFall())) {
            double allowed = config.relative() ? config.maxFall() * Math.abs(highest) : config.maxFall();
            low = highest - allowed;
            fallRatio = (highest - value) / Scores.floorScale(allowed, highest);
        }
        double ratio = Math.max(0, Math.max(riseRatio, fallRatio));
        into.banded(kind(), ratio, value, low, high, rule, direction);
    }

    @Override
    public int stateBytes() {
        return 16 + (16 + 2 * 4 * BUCKETS) + 8 + 8 + 8 + 4;
    }
}
