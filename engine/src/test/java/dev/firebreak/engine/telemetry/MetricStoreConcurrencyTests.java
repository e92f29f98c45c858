package dev.firebreak.engine.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Readers snapshot while the writer appends a known function of time; every copied sample must be
 * that function of its own second, whatever the interleaving. Correctness only: nothing is timed.
 */
class MetricStoreConcurrencyTests {

    private static final long T0 = 1_700_000_000L;
    private static final int SECONDS = 300_000;
    private static final int SERIES = 3;
    private static final int READERS = 2;
    private static final int BUCKET = 4;

    // A small buffer so the writer wraps around thousands of times while readers copy.
    private final MetricStore store = MetricStores.inMemory(new StoreRetention(60, BUCKET, 16));

    @Test
    void readersOnlySeeSamplesConsistentWithTheirSecondWhileTheWriterAppends() throws InterruptedException {
        int[] handles = new int[SERIES];
        for (int i = 0; i < SERIES; i++) {
            handles[i] = store.register(new SeriesKey("svc-" + i, MetricName.REQUEST_RATE));
        }
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writerDone = new AtomicBoolean();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicLong samplesChecked = new AtomicLong();
        Thread writer = new Thread(() -> {
            awaitQuietly(start);
            for (long s = T0; s < T0 + SECONDS; s++) {
                if (isSkipped(s)) {
                    continue;
                }
                for (int handle : handles) {
                    store.append(handle, s, valueAt(s));
                }
            }
            writerDone.set(true);
        }, "writer");
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            readers.add(new Thread(() -> {
                awaitQuietly(start);
                boolean last = false;
                while (!last) {
                    last = writerDone.get(); // one more full check after the writer has finished
                    for (int handle : handles) {
                        samplesChecked.addAndGet(checkFullResolution(store.recent(handle, 60), failures));
                        long newest = store.latestEpochSecond(handle);
                        if (newest == Long.MIN_VALUE) {
                            continue; // the writer has not reached this series yet
                        }
                        samplesChecked.addAndGet(checkFullResolution(store.range(handle, newest - 30, newest), failures));
                        samplesChecked.addAndGet(checkBuckets(store.downsampled(handle, newest - 64, newest), failures));
                    }
                }
            }, "reader-" + r));
        }

        List<Thread> all = new ArrayList<>(readers);
        all.add(writer);
        all.forEach(t -> t.setUncaughtExceptionHandler((thread, e) -> failures.add(thread.getName() + " threw " + e)));
        writer.start();
        readers.forEach(Thread::start);
        start.countDown();
        writer.join();
        for (Thread reader : readers) {
            reader.join();
        }

        assertThat(failures).isEmpty();
        assertThat(samplesChecked.get()).isPositive();
    }

    @Test
    void concurrentRegistrationGivesEachKeyExactlyOneHandle() throws InterruptedException {
        int keys = 500;
        int threads = 4;
        int[][] handlesSeen = new int[threads][keys];
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> registrars = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            registrars.add(new Thread(() -> {
                awaitQuietly(start);
                for (int k = 0; k < keys; k++) {
                    // Each thread starts at a different key (a rotation) so registrations collide.
                    int key = (k + thread * 137) % keys;
                    handlesSeen[thread][key] = store.register(keyNumber(key));
                }
            }));
        }

        registrars.forEach(Thread::start);
        start.countDown();
        for (Thread registrar : registrars) {
            registrar.join();
        }

        assertThat(store.seriesCount()).isEqualTo(keys);
        for (int k = 0; k < keys; k++) {
            int handle = handlesSeen[0][k];
            for (int t = 1; t < threads; t++) {
                assertThat(handlesSeen[t][k]).as("handle of key %d seen by thread %d", k, t).isEqualTo(handle);
            }
            assertThat(store.key(handle)).isEqualTo(keyNumber(k));
        }
    }

    private static SeriesKey keyNumber(int k) {
        return new SeriesKey("component-" + k, MetricName.CPU);
    }

    private static int checkFullResolution(SeriesSnapshot snapshot, Queue<String> failures) {
        for (int i = 0; i < snapshot.size(); i++) {
            long second = snapshot.epochSecondAt(i);
            double expected = isSkipped(second) ? Double.NaN : valueAt(second);
            if (Double.compare(snapshot.values()[i], expected) != 0) {
                failures.add("second " + second + ": expected " + expected + " but copied " + snapshot.values()[i]);
            }
        }
        return snapshot.size();
    }

    /**
     * Every bucket must be the min/max/mean of either all its present seconds or, for the bucket
     * being filled, of a prefix of them: never a mix of two moments.
     */
    private static int checkBuckets(DownsampledSnapshot snapshot, Queue<String> failures) {
        for (int b = 0; b < snapshot.size(); b++) {
            long bucketStart = snapshot.startEpochSecond() + (long) b * BUCKET;
            if (!matchesSomePrefix(snapshot, b, bucketStart)) {
                failures.add("bucket at " + bucketStart + ": min " + snapshot.min()[b] + ", max "
                        + snapshot.max()[b] + ", mean " + snapshot.mean()[b] + " match no prefix of its samples");
            }
        }
        return snapshot.size();
    }

    private static boolean matchesSomePrefix(DownsampledSnapshot snapshot, int b, long bucketStart) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int n = 0;
        for (long s = bucketStart; s < bucketStart + BUCKET; s++) {
            if (isSkipped(s)) {
                continue;
            }
            double v = valueAt(s);
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            n++;
            if (snapshot.min()[b] == min && snapshot.max()[b] == max && snapshot.mean()[b] == (float) (sum / n)) {
                return true;
            }
        }
        return n == 0 && Double.isNaN(snapshot.mean()[b]);
    }

    /** Some seconds are never appended, so readers also see the writer's gap filling. */
    private static boolean isSkipped(long second) {
        return second % 7 == 3;
    }

    /** Exact in a float: small integers. */
    private static double valueAt(long second) {
        return (second - T0) % 100_000;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted before start", e);
        }
    }
}
