package dev.firebreak.bench;

import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricStores;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.telemetry.StoreRetention;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/**
 * Measures the heap a full metric store holds: registers the series, appends a sample to each of
 * them every second for the given simulated time (so both tiers have wrapped), then reports used
 * heap after repeated GCs minus the same measure taken before the store existed.
 *
 * <p>Usage: {@code java [-Xmx400m] -cp benchmarks.jar dev.firebreak.bench.StoreHeapFootprint
 * [series=16000] [seconds=86400]}. Exits with status 1 if it ran out of memory.
 */
public final class StoreHeapFootprint {

    private static final long START_EPOCH_SECOND = 1_700_000_000L;
    private static final int GC_ROUNDS = 5;

    private StoreHeapFootprint() {
    }

    public static void main(String[] args) {
        int series = args.length > 0 ? Integer.parseInt(args[0]) : 16_000;
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 24L * 3600;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        long baseline = usedHeapAfterGc(memory);
        MetricStore store = fill(series, seconds);
        long used = usedHeapAfterGc(memory);

        StoreRetention retention = store.retention();
        System.out.printf(Locale.ROOT, "series=%d, simulated seconds=%d, retention=%s%n", series, seconds, retention);
        System.out.printf(Locale.ROOT, "latest sample of the last series: %.3f at %d%n",
                store.latest(series - 1), store.latestEpochSecond(series - 1));
        System.out.printf(Locale.ROOT, "store heap: %.1f MB (used after GC %.1f MB, baseline %.1f MB, max heap %.1f MB)%n",
                mb(used - baseline), mb(used), mb(baseline), mb(memory.getHeapMemoryUsage().getMax()));
    }

    private static MetricStore fill(int series, long seconds) {
        MetricStore store = MetricStores.inMemory(StoreRetention.DEFAULT);
        MetricName[] metrics = MetricName.values();
        for (int i = 0; i < series; i++) {
            store.register(new SeriesKey("component-" + (i / metrics.length), metrics[i % metrics.length]));
        }
        for (long s = 0; s < seconds; s++) {
            long epochSecond = START_EPOCH_SECOND + s;
            for (int handle = 0; handle < series; handle++) {
                store.append(handle, epochSecond, (s + handle) % 1000);
            }
        }
        return store;
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) {
        // Several rounds: one System.gc() may leave garbage that only a later cycle reclaims.
        for (int i = 0; i < GC_ROUNDS; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
