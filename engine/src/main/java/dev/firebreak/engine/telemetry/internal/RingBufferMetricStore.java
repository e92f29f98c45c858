package dev.firebreak.engine.telemetry.internal;

import dev.firebreak.engine.telemetry.DownsampledSnapshot;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.telemetry.SeriesSnapshot;
import dev.firebreak.engine.telemetry.StoreRetention;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory {@link MetricStore}: one pair of fixed-size float ring buffers per series (see
 * {@link SeriesBuffer}), so memory is allocated when a series is registered and never on append.
 *
 * <p>Handles index an array of buffers. Registration copies that array under a lock and publishes
 * the new one through a volatile field, so the writer and readers resolve handles without locking
 * and always see fully built buffers (the volatile write happens after the buffer is constructed).
 */
public final class RingBufferMetricStore implements MetricStore {

    private static final int INITIAL_CAPACITY = 256;

    private final StoreRetention retention;
    private final Map<SeriesKey, Integer> handles = new ConcurrentHashMap<>();
    private final Object registerLock = new Object();
    private volatile SeriesBuffer[] series = new SeriesBuffer[INITIAL_CAPACITY];
    private volatile int count;

    public RingBufferMetricStore(StoreRetention retention) {
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    @Override
    public int register(SeriesKey key) {
        Objects.requireNonNull(key, "key");
        Integer existing = handles.get(key);
        if (existing != null) {
            return existing;
        }
        synchronized (registerLock) {
            existing = handles.get(key);
            if (existing != null) {
                return existing;
            }
            int handle = count;
            SeriesBuffer[] current = series;
            SeriesBuffer[] next = handle < current.length ? current : Arrays.copyOf(current, current.length * 2);
            next[handle] = new SeriesBuffer(key, retention);
            // Publish the array before the count: whoever sees the new count also sees the slot filled.
            series = next;
            count = handle + 1;
            handles.put(key, handle);
            return handle;
        }
    }

    @Override
    public Optional<Integer> handle(SeriesKey key) {
        return Optional.ofNullable(handles.get(Objects.requireNonNull(key, "key")));
    }

    @Override
    public SeriesKey key(int handle) {
        return buffer(handle).key();
    }

    @Override
    public int seriesCount() {
        return count;
    }

    @Override
    public void append(int handle, long epochSecond, double value) {
        buffer(handle).append(epochSecond, value);
    }

    @Override
    public double latest(int handle) {
        return buffer(handle).latest();
    }

    @Override
    public long latestEpochSecond(int handle) {
        return buffer(handle).latestEpochSecond();
    }

    @Override
    public SeriesSnapshot range(int handle, long fromEpochSecond, long toEpochSecond) {
        requireOrdered(fromEpochSecond, toEpochSecond);
        return buffer(handle).range(fromEpochSecond, toEpochSecond);
    }

    @Override
    public void copyRange(int handle, long fromEpochSecond, double[] into) {
        buffer(handle).copyRange(fromEpochSecond, into);
    }

    @Override
    public SeriesSnapshot recent(int handle, int seconds) {
        if (seconds <= 0) {
            throw new IllegalArgumentException("seconds must be positive, was " + seconds);
        }
        return buffer(handle).recent(seconds);
    }

    @Override
    public DownsampledSnapshot downsampled(int handle, long fromEpochSecond, long toEpochSecond) {
        requireOrdered(fromEpochSecond, toEpochSecond);
        return buffer(handle).downsampled(fromEpochSecond, toEpochSecond);
    }

    @Override
    public StoreRetention retention() {
        return retention;
    }

    private SeriesBuffer buffer(int handle) {
        // Read count before the array: the array published with (or after) that count holds the slot.
        int registered = count;
        if (handle < 0 || handle >= registered) {
            throw new IllegalArgumentException("unknown series handle " + handle + "; " + registered
                    + " series are registered");
        }
        return series[handle];
    }

    private static void requireOrdered(long fromEpochSecond, long toEpochSecond) {
        if (fromEpochSecond > toEpochSecond) {
            throw new IllegalArgumentException("fromEpochSecond " + fromEpochSecond + " is after toEpochSecond "
                    + toEpochSecond);
        }
    }
}
