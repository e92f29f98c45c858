package dev.firebreak.engine.telemetry;

import java.util.Optional;

/**
 * Time series of (component, metric), sampled on a fixed grid.
 *
 * <p>Series are addressed by an int handle so the hot path (thousands of appends per simulated
 * second) does no hashing or boxing. There is one writer per store (the telemetry source's thread);
 * any number of readers may take snapshots concurrently, never blocking the writer and never seeing
 * a half-written sample.
 */
public interface MetricStore {

    /** Returns the handle of a series, creating it if it is new. Not for the hot path. */
    int register(SeriesKey key);

    /** The handle of an existing series. */
    Optional<Integer> handle(SeriesKey key);

    SeriesKey key(int handle);

    int seriesCount();

    /**
     * Records the sample of a series for the given second. Samples come in non-decreasing time
     * order per series; a second skipped is stored as missing (NaN). NaN and infinities are stored
     * as missing too, never as numbers. Single writer only.
     */
    void append(int handle, long epochSecond, double value);

    /** The newest sample, or NaN if there is none. */
    double latest(int handle);

    /** The epoch second of the newest sample, or Long.MIN_VALUE if the series is empty. */
    long latestEpochSecond(int handle);

    /** Full-resolution samples in {@code [fromEpochSecond, toEpochSecond]}, clipped to what is retained. */
    SeriesSnapshot range(int handle, long fromEpochSecond, long toEpochSecond);

    /**
     * Full-resolution samples of {@code [fromEpochSecond, fromEpochSecond + into.length)} written into {@code into},
     * one second per slot, NaN where nothing is retained: for readers that put many series on one time axis and
     * should not pay for a snapshot and a second copy.
     */
    default void copyRange(int handle, long fromEpochSecond, double[] into) {
        java.util.Arrays.fill(into, Double.NaN);
        if (into.length == 0) {
            return;
        }
        SeriesSnapshot snapshot = range(handle, fromEpochSecond, fromEpochSecond + into.length - 1);
        for (int i = 0; i < snapshot.size(); i++) {
            long at = snapshot.epochSecondAt(i) - fromEpochSecond;
            if (at >= 0 && at < into.length) {
                into[(int) at] = snapshot.values()[i];
            }
        }
    }

    /** The last {@code seconds} seconds of full-resolution samples, ending at the newest sample. */
    SeriesSnapshot recent(int handle, int seconds);

    /** Downsampled buckets overlapping {@code [fromEpochSecond, toEpochSecond]}, clipped to what is retained. */
    DownsampledSnapshot downsampled(int handle, long fromEpochSecond, long toEpochSecond);

    /** How much history each tier keeps. */
    StoreRetention retention();
}
