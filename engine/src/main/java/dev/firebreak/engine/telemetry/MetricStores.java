package dev.firebreak.engine.telemetry;

import dev.firebreak.engine.telemetry.internal.RingBufferMetricStore;

/** Creates metric stores, so callers depend on {@link MetricStore} and never on an implementation. */
public final class MetricStores {

    private MetricStores() {
    }

    /**
     * A store that keeps everything in fixed-size in-memory ring buffers: about
     * {@code 4 * (fullResolutionSeconds + 3 * downsampledBuckets)} bytes per registered series,
     * allocated when the series is registered.
     */
    public static MetricStore inMemory(StoreRetention retention) {
        return new RingBufferMetricStore(retention);
    }

    /** An in-memory store with {@link StoreRetention#DEFAULT} retention. */
    public static MetricStore inMemory() {
        return inMemory(StoreRetention.DEFAULT);
    }
}
