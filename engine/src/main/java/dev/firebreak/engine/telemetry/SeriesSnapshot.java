package dev.firebreak.engine.telemetry;

import java.util.Objects;

/**
 * A consistent copy of part of a series on a fixed time grid: sample i was taken at
 * {@code startEpochSecond + i * stepSeconds}. Missing samples are NaN. The arrays belong to the
 * caller; the store never touches them again.
 */
public record SeriesSnapshot(SeriesKey key, long startEpochSecond, int stepSeconds, double[] values) {
    public SeriesSnapshot {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(values, "values");
        if (stepSeconds <= 0) {
            throw new IllegalArgumentException("stepSeconds must be positive, was " + stepSeconds);
        }
    }

    public int size() {
        return values.length;
    }

    public long epochSecondAt(int index) {
        return startEpochSecond + (long) index * stepSeconds;
    }

    public boolean isEmpty() {
        return values.length == 0;
    }
}
