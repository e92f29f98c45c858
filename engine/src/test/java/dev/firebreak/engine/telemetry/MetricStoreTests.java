package dev.firebreak.engine.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricStoreTests {

    private static final long T0 = 1_700_000_000L;
    private static final SeriesKey API_CPU = new SeriesKey("api", MetricName.CPU);
    private static final SeriesKey DB_LAG = new SeriesKey("db", MetricName.REPLICATION_LAG);

    private final MetricStore store = MetricStores.inMemory(new StoreRetention(60, 10, 12));

    @Test
    void registerReturnsTheSameHandleForTheSameKey() {
        int first = store.register(API_CPU);
        int other = store.register(DB_LAG);

        int again = store.register(API_CPU);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(store.seriesCount()).isEqualTo(2);
        assertThat(store.handle(DB_LAG)).contains(other);
        assertThat(store.key(other)).isEqualTo(DB_LAG);
    }

    @Test
    void handleIsEmptyForUnregisteredKey() {
        store.register(API_CPU);

        assertThat(store.handle(DB_LAG)).isEmpty();
    }

    @Test
    void appendRejectsUnknownHandle() {
        store.register(API_CPU);

        assertThatThrownBy(() -> store.append(1, T0, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("handle 1");
    }

    @Test
    void emptySeriesHasNoLatestSampleAndEmptySnapshots() {
        int h = store.register(API_CPU);

        assertThat(store.latest(h)).isNaN();
        assertThat(store.latestEpochSecond(h)).isEqualTo(Long.MIN_VALUE);
        assertThat(store.range(h, T0, T0 + 100).isEmpty()).isTrue();
        assertThat(store.recent(h, 10).isEmpty()).isTrue();
        assertThat(store.downsampled(h, T0, T0 + 100).size()).isZero();
    }

    @Test
    void latestReturnsNewestSampleAndItsSecond() {
        int h = store.register(API_CPU);
        appendRamp(h, T0, 5);

        assertThat(store.latest(h)).isEqualTo(valueAt(T0 + 4));
        assertThat(store.latestEpochSecond(h)).isEqualTo(T0 + 4);
    }

    @Test
    void rangeIsClippedToRetainedSamples() {
        int h = store.register(API_CPU);
        appendRamp(h, T0, 30);

        SeriesSnapshot snapshot = store.range(h, T0 - 10, T0 + 100);

        assertThat(snapshot.startEpochSecond()).isEqualTo(T0);
        assertThat(snapshot.stepSeconds()).isEqualTo(1);
        assertThat(snapshot.size()).isEqualTo(30);
        assertSamplesFollowRamp(snapshot);
    }

    @Test
    void rangeInsideRetentionReturnsExactlyTheAskedSeconds() {
        int h = store.register(API_CPU);
        appendRamp(h, T0, 30);

        SeriesSnapshot snapshot = store.range(h, T0 + 5, T0 + 9);

        assertThat(snapshot.startEpochSecond()).isEqualTo(T0 + 5);
        assertThat(snapshot.size()).isEqualTo(5);
        assertSamplesFollowRamp(snapshot);
    }

    @Test
    void rangeEntirelyOutsideRetentionIsEmpty() {
        int h = store.register(API_CPU);
        appendRamp(h, T0, 30);

        assertThat(store.range(h, T0 - 50, T0 - 1).isEmpty()).isTrue();
        assertThat(store.range(h, T0 + 30, T0 + 40).isEmpty()).isTrue();
    }

    @Test
    void ringWrapAroundKeepsOnlyTheNewestFullResolutionSeconds() {
        int h = store.register(API_CPU);
        appendRamp(h, T0, 155);

        SeriesSnapshot snapshot = store.range(h, T0, T0 + 1000);

        assertThat(snapshot.startEpochSecond()).isEqualTo(T0 + 95);
        assertThat(snapshot.size()).isEqualTo(60);
        assertSamplesFollowRamp(snapshot);
    }

    @Test
    void rangeAcrossTheRingsSeamHoldsEverySecondInOrder() {
        int h = store.register(API_CPU);
        appendRamp(h, T0, 155);

        // a retention of 60 s over 155 s of samples: the ring's seam lies inside every window of 60 s
        for (long from = T0 + 95; from <= T0 + 154; from += 7) {
            SeriesSnapshot snapshot = store.range(h, from, from + 20);

            assertThat(snapshot.startEpochSecond()).isEqualTo(from);
            assertThat(snapshot.size()).isEqualTo((int) Math.min(21, T0 + 155 - from));
            assertSamplesFollowRamp(snapshot);
        }
    }

    @Test
    void copyRangePutsEverySecondInItsSlotWithNotANumberWhereNothingIsRetained() {
        int h = store.register(API_CPU);
        appendRamp(h, T0, 155);
        double[] into = new double[90];

        // from 40 s before the oldest retained second to 10 s past the newest, across the ring's seam
        store.copyRange(h, T0 + 75, into);

        for (int i = 0; i < into.length; i++) {
            long second = T0 + 75 + i;
            if (second < T0 + 95 || second >= T0 + 155) {
                assertThat(into[i]).as("second %d", second).isNaN();
            } else {
                assertThat(into[i]).as("second %d", second).isEqualTo(valueAt(second));
            }
        }
    }

    @Test
    void copyRangeOfAStoreWithoutItsOwnAgreesWithTheRingBuffers() {
        int h = store.register(API_CPU);
        appendRamp(h, T0, 155);
        MetricStore snapshotsOnly = (MetricStore) java.lang.reflect.Proxy.newProxyInstance(MetricStore.class.getClassLoader(),
                new Class<?>[] {MetricStore.class}, (proxy, method, args) -> method.isDefault()
                        ? java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args)
                        : method.invoke(store, args));
        double[] fast = new double[90];
        double[] general = new double[90];

        store.copyRange(h, T0 + 75, fast);
        snapshotsOnly.copyRange(h, T0 + 75, general);

        assertThat(general).containsExactly(fast);
    }

    @Test
    void recentEndsAtNewestSample() {
        int h = store.register(API_CPU);
        appendRamp(h, T0, 100);

        SeriesSnapshot snapshot = store.recent(h, 10);

        assertThat(snapshot.startEpochSecond()).isEqualTo(T0 + 90);
        assertThat(snapshot.size()).isEqualTo(10);
        assertSamplesFollowRamp(snapshot);
    }

    @Test
    void recentLongerThanRetentionIsClipped() {
        int h = store.register(API_CPU);
        appendRamp(h, T0, 100);

        SeriesSnapshot snapshot = store.recent(h, 3600);

        assertThat(snapshot.startEpochSecond()).isEqualTo(T0 + 40);
        assertThat(snapshot.size()).isEqualTo(60);
    }

    @Test
    void nanAndInfiniteValuesAreStoredAsMissing() {
        int h = store.register(API_CPU);
        store.append(h, T0, 1.0);
        store.append(h, T0 + 1, Double.NaN);
        store.append(h, T0 + 2, Double.POSITIVE_INFINITY);
        store.append(h, T0 + 3, Double.NEGATIVE_INFINITY);
        store.append(h, T0 + 4, 5.0);

        SeriesSnapshot snapshot = store.range(h, T0, T0 + 4);

        assertThat(snapshot.values()[0]).isEqualTo(1.0);
        assertThat(snapshot.values()[1]).isNaN();
        assertThat(snapshot.values()[2]).isNaN();
        assertThat(snapshot.values()[3]).isNaN();
        assertThat(snapshot.values()[4]).isEqualTo(5.0);
    }

    @Test
    void skippedSecondsAreMissing() {
        int h = store.register(API_CPU);
        store.append(h, T0, 1.0);
        store.append(h, T0 + 4, 2.0);

        SeriesSnapshot snapshot = store.range(h, T0, T0 + 4);

        assertThat(snapshot.values()).hasSize(5);
        assertThat(snapshot.values()[0]).isEqualTo(1.0);
        assertThat(snapshot.values()[1]).isNaN();
        assertThat(snapshot.values()[2]).isNaN();
        assertThat(snapshot.values()[3]).isNaN();
        assertThat(snapshot.values()[4]).isEqualTo(2.0);
    }

    @Test
    void gapLongerThanBufferLeavesOnlyTheNewSample() {
        int h = store.register(API_CPU);
        appendRamp(h, T0, 60);
        store.append(h, T0 + 500, 7.0);

        SeriesSnapshot snapshot = store.recent(h, 60);

        assertThat(snapshot.startEpochSecond()).isEqualTo(T0 + 441);
        assertThat(snapshot.size()).isEqualTo(60);
        for (int i = 0; i < 59; i++) {
            assertThat(snapshot.values()[i]).as("second %d", snapshot.epochSecondAt(i)).isNaN();
        }
        assertThat(snapshot.values()[59]).isEqualTo(7.0);
        assertThat(store.latest(h)).isEqualTo(7.0);
    }

    @Test
    void appendingAfterAGapKeepsSamplesBeforeTheGapWhenStillRetained() {
        int h = store.register(API_CPU);
        appendRamp(h, T0, 20);
        store.append(h, T0 + 50, 3.0);

        SeriesSnapshot snapshot = store.range(h, T0, T0 + 50);

        assertThat(snapshot.startEpochSecond()).isEqualTo(T0);
        assertThat(snapshot.size()).isEqualTo(51);
        assertThat(snapshot.values()[19]).isEqualTo(valueAt(T0 + 19));
        assertThat(snapshot.values()[20]).isNaN();
        assertThat(snapshot.values()[49]).isNaN();
        assertThat(snapshot.values()[50]).isEqualTo(3.0);
    }

    @Test
    void appendRejectsTimeGoingBackwardsNamingSeriesAndSeconds() {
        int h = store.register(API_CPU);
        store.append(h, T0 + 10, 1.0);

        assertThatThrownBy(() -> store.append(h, T0 + 9, 2.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("api/cpu")
                .hasMessageContaining(Long.toString(T0 + 9))
                .hasMessageContaining(Long.toString(T0 + 10));
        assertThat(store.latest(h)).isEqualTo(1.0);
        assertThat(store.latestEpochSecond(h)).isEqualTo(T0 + 10);
    }

    @Test
    void appendingTheSameSecondAgainReplacesTheSampleAndItsBucket() {
        int h = store.register(API_CPU);
        store.append(h, T0, 10.0);
        store.append(h, T0 + 1, 50.0);

        store.append(h, T0 + 1, 20.0);

        assertThat(store.range(h, T0, T0 + 1).values()).containsExactly(10.0, 20.0);
        DownsampledSnapshot buckets = store.downsampled(h, T0, T0 + 1);
        assertThat(buckets.max()).containsExactly(20.0);
        assertThat(buckets.mean()).containsExactly(15.0);
    }

    @Test
    void snapshotsAreNotChangedByLaterAppends() {
        int h = store.register(API_CPU);
        appendRamp(h, T0, 10);
        SeriesSnapshot before = store.range(h, T0, T0 + 9);

        appendRamp(h, T0 + 10, 100);

        assertThat(before.startEpochSecond()).isEqualTo(T0);
        assertSamplesFollowRamp(before);
    }

    @Test
    void rangeRejectsFromAfterTo() {
        int h = store.register(API_CPU);

        assertThatThrownBy(() -> store.range(h, T0 + 1, T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fromEpochSecond");
        assertThatThrownBy(() -> store.downsampled(h, T0 + 1, T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fromEpochSecond");
    }

    @Test
    void recentRejectsNonPositiveSeconds() {
        int h = store.register(API_CPU);

        assertThatThrownBy(() -> store.recent(h, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seconds");
    }

    private void appendRamp(int handle, long from, int seconds) {
        for (long s = from; s < from + seconds; s++) {
            store.append(handle, s, valueAt(s));
        }
    }

    /** Exactly representable as a float, so stored values compare equal. */
    private static double valueAt(long epochSecond) {
        return (epochSecond - T0) * 0.25 + 3;
    }

    private static void assertSamplesFollowRamp(SeriesSnapshot snapshot) {
        for (int i = 0; i < snapshot.size(); i++) {
            assertThat(snapshot.values()[i]).as("second %d", snapshot.epochSecondAt(i))
                    .isEqualTo(valueAt(snapshot.epochSecondAt(i)));
        }
    }
}
