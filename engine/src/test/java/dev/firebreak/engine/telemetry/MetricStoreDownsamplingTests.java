package dev.firebreak.engine.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MetricStoreDownsamplingTests {

    private static final long T0 = 1_700_000_000L;
    private static final int BUCKET = 10;
    private static final int BUCKETS = 12;
    private static final SeriesKey KEY = new SeriesKey("cache", MetricName.LATENCY_P99);

    private final MetricStore store = MetricStores.inMemory(new StoreRetention(60, BUCKET, BUCKETS));
    private final int handle = store.register(KEY);

    @Test
    void bucketsMatchBruteForceOverRandomDataWithGapsAndMissingValues() {
        Random random = new Random(42);
        int seconds = 1000;
        double[] appended = new double[seconds];
        Arrays.fill(appended, Double.NaN);
        for (int i = 0; i < seconds; i++) {
            if (random.nextInt(10) == 0) {
                continue; // a skipped second
            }
            double value = random.nextInt(20) == 0 ? Double.NaN : random.nextGaussian() * 100 + 50;
            appended[i] = value;
            store.append(handle, T0 + i, value);
        }
        long newest = store.latestEpochSecond(handle);

        DownsampledSnapshot snapshot = store.downsampled(handle, T0, newest);

        long newestBucketStart = Math.floorDiv(newest, BUCKET) * BUCKET;
        assertThat(snapshot.size()).isEqualTo(BUCKETS);
        assertThat(snapshot.startEpochSecond()).isEqualTo(newestBucketStart - (BUCKETS - 1) * BUCKET);
        for (int b = 0; b < snapshot.size(); b++) {
            long bucketStart = snapshot.startEpochSecond() + (long) b * BUCKET;
            assertBucketMatches(snapshot, b, appended, (int) (bucketStart - T0));
        }
    }

    @Test
    void bucketWithOnlyMissingSamplesIsNaN() {
        store.append(handle, T0, 1.0);
        for (int i = BUCKET; i < 2 * BUCKET; i++) {
            store.append(handle, T0 + i, Double.NaN);
        }
        store.append(handle, T0 + 2 * BUCKET, 3.0);

        DownsampledSnapshot snapshot = store.downsampled(handle, T0, T0 + 2 * BUCKET);

        assertThat(snapshot.size()).isEqualTo(3);
        assertThat(snapshot.min()[1]).isNaN();
        assertThat(snapshot.max()[1]).isNaN();
        assertThat(snapshot.mean()[1]).isNaN();
        assertThat(snapshot.mean()[0]).isEqualTo(1.0);
        assertThat(snapshot.mean()[2]).isEqualTo(3.0);
    }

    @Test
    void skippedBucketsAreMissing() {
        store.append(handle, T0, 1.0);
        store.append(handle, T0 + 3 * BUCKET + 1, 2.0);

        DownsampledSnapshot snapshot = store.downsampled(handle, T0, T0 + 3 * BUCKET + 1);

        assertThat(snapshot.mean()).hasSize(4);
        assertThat(snapshot.mean()[0]).isEqualTo(1.0);
        assertThat(snapshot.mean()[1]).isNaN();
        assertThat(snapshot.mean()[2]).isNaN();
        assertThat(snapshot.mean()[3]).isEqualTo(2.0);
    }

    @Test
    void bucketsAreAlignedToMultiplesOfBucketWidth() {
        long unaligned = T0 + 7;
        store.append(handle, unaligned, 1.0);
        store.append(handle, unaligned + 3, 5.0);

        DownsampledSnapshot snapshot = store.downsampled(handle, unaligned, unaligned + 3);

        assertThat(snapshot.startEpochSecond()).isEqualTo(T0);
        assertThat(snapshot.bucketSeconds()).isEqualTo(BUCKET);
        assertThat(snapshot.min()).containsExactly(1.0, 5.0);
    }

    @Test
    void currentBucketHoldsTheSamplesSoFar() {
        store.append(handle, T0, 2.0);
        store.append(handle, T0 + 1, 4.0);

        DownsampledSnapshot snapshot = store.downsampled(handle, T0, T0 + 1);

        assertThat(snapshot.min()).containsExactly(2.0);
        assertThat(snapshot.max()).containsExactly(4.0);
        assertThat(snapshot.mean()).containsExactly(3.0);
    }

    @Test
    void downsampledTierOutlivesFullResolution() {
        for (int i = 0; i < 100; i++) {
            store.append(handle, T0 + i, i);
        }

        DownsampledSnapshot snapshot = store.downsampled(handle, T0, T0 + 99);

        assertThat(store.range(handle, T0, T0 + 99).startEpochSecond()).isEqualTo(T0 + 40);
        assertThat(snapshot.startEpochSecond()).isEqualTo(T0);
        assertThat(snapshot.size()).isEqualTo(10);
        assertThat(snapshot.mean()[0]).isEqualTo(4.5);
    }

    @Test
    void gapLongerThanDownsampledRetentionLeavesOnlyTheNewBucket() {
        store.append(handle, T0, 1.0);
        long later = T0 + 1000L * BUCKET;
        store.append(handle, later, 9.0);

        DownsampledSnapshot snapshot = store.downsampled(handle, T0, later);

        assertThat(snapshot.size()).isEqualTo(BUCKETS);
        for (int b = 0; b < BUCKETS - 1; b++) {
            assertThat(snapshot.mean()[b]).isNaN();
        }
        assertThat(snapshot.mean()[BUCKETS - 1]).isEqualTo(9.0);
    }

    private static void assertBucketMatches(DownsampledSnapshot snapshot, int b, double[] appended, int firstIndex) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int n = 0;
        for (int i = firstIndex; i < firstIndex + BUCKET && i < appended.length; i++) {
            if (i >= 0 && !Double.isNaN(appended[i])) {
                min = Math.min(min, appended[i]);
                max = Math.max(max, appended[i]);
                sum += appended[i];
                n++;
            }
        }
        String at = "bucket starting at " + (T0 + firstIndex);
        if (n == 0) {
            assertThat(snapshot.mean()[b]).as(at).isNaN();
            assertThat(snapshot.min()[b]).as(at).isNaN();
            assertThat(snapshot.max()[b]).as(at).isNaN();
            return;
        }
        // Values are stored as floats: min and max are exactly the rounded extremes, the mean is close.
        assertThat(snapshot.min()[b]).as(at).isEqualTo((double) (float) min);
        assertThat(snapshot.max()[b]).as(at).isEqualTo((double) (float) max);
        assertThat(snapshot.mean()[b]).as(at).isCloseTo(sum / n, within(1e-4 * Math.max(1, Math.abs(sum / n))));
    }
}
