package dev.firebreak.engine.telemetry;

import java.util.Objects;

/**
 * A copy of the downsampled tier: bucket i covers
 * {@code [startEpochSecond + i * bucketSeconds, + bucketSeconds)} and holds the min, max and mean of
 * the samples that fell in it (NaN where there were none).
 */
public record DownsampledSnapshot(SeriesKey key, long startEpochSecond, int bucketSeconds, double[] min, double[] max,
        double[] mean) {
    public DownsampledSnapshot {
        Objects.requireNonNull(key, "key");
        if (min.length != max.length || max.length != mean.length) {
            throw new IllegalArgumentException("min, max and mean must have the same length");
        }
        if (bucketSeconds <= 0) {
            throw new IllegalArgumentException("bucketSeconds must be positive, was " + bucketSeconds);
        }
    }

    public int size() {
        return mean.length;
    }
}
