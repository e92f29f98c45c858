package dev.firebreak.engine.telemetry.internal;

import dev.firebreak.engine.telemetry.DownsampledSnapshot;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.telemetry.SeriesSnapshot;
import dev.firebreak.engine.telemetry.StoreRetention;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The two ring-buffer tiers of one series, written by one thread and read by any number.
 *
 * <p><b>Layout.</b> Values are floats on the fixed 1 s grid: the sample of second {@code s} lives
 * in slot {@code floorMod(s, capacity)}, so no timestamps are stored; the retained window is
 * {@code [newestSecond - filled + 1, newestSecond]}. The downsampled tier keeps min, max and mean
 * interleaved ({@code 3 * slot + 0..2}) so updating a bucket touches one cache line. Buckets are
 * aligned on multiples of {@code bucketSeconds} since the epoch, so every series shares the same
 * bucket boundaries.
 *
 * <p><b>Concurrency (seqlock).</b> The writer makes {@link #version} odd, writes, then makes it
 * even again. A reader reads the version, copies, and keeps the copy only if the version was even
 * and is unchanged afterwards; otherwise it retries. The writer never waits for readers. Why this
 * is sound under the Java memory model (the plain data accesses race, so ordering comes from the
 * fences, the same scheme {@link java.util.concurrent.locks.StampedLock#validate} relies on):
 * <ul>
 *   <li>writer: {@code setOpaque(version, v+1)} then {@link VarHandle#storeStoreFence()}, so no data
 *       write can become visible before the odd version; the final {@code setRelease(version, v+2)}
 *       keeps every data write before the even version;</li>
 *   <li>reader: {@code getAcquire(version)} keeps the data reads after the first version read, and
 *       {@link VarHandle#loadLoadFence()} keeps them before the re-check.</li>
 * </ul>
 * So if a reader saw any value from a write section that overlapped its copy, it also sees the
 * version that section changed and retries; if it saw the same even version twice, every value it
 * read was written before that version was published. A copy that raced may hold garbage, so the
 * reader clamps every index it derives and only trusts the copy after validation. Writes to one
 * series take well under a microsecond and happen once per simulated second, so readers retry rarely.
 */
final class SeriesBuffer {

    private static final VarHandle VERSION;

    static {
        try {
            VERSION = MethodHandles.lookup().findVarHandle(SeriesBuffer.class, "version", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final int MIN = 0;
    private static final int MAX = 1;
    private static final int MEAN = 2;

    private final SeriesKey key;
    private final int capacity;
    private final int bucketSeconds;
    private final int bucketCapacity;
    private final float[] full;
    private final float[] buckets;

    // Published state: written by the writer inside a write section, read by readers under the seqlock.
    @SuppressWarnings("unused") // accessed through VERSION
    private volatile long version;
    private long newestSecond;
    private int filled;
    private long newestBucket;
    private int bucketsFilled;

    // Writer-only state: never read by readers.
    private int newestSlot;
    private long bucketEndSecond;
    private float bucketMin;
    private float bucketMax;
    private double bucketSum;
    private int bucketCount;

    SeriesBuffer(SeriesKey key, StoreRetention retention) {
        this.key = key;
        this.capacity = retention.fullResolutionSeconds();
        this.bucketSeconds = retention.bucketSeconds();
        this.bucketCapacity = retention.downsampledBuckets();
        this.full = new float[capacity];
        this.buckets = new float[bucketCapacity * 3];
        Arrays.fill(full, Float.NaN);
        Arrays.fill(buckets, Float.NaN);
    }

    SeriesKey key() {
        return key;
    }

    /** Single writer only. Allocation-free unless the sample goes back in time. */
    void append(long epochSecond, double value) {
        float sample = (float) value;
        if (!Float.isFinite(sample)) {
            // NaN, infinities and doubles too large for a float are all "no usable number".
            sample = Float.NaN;
        }
        boolean empty = filled == 0;
        if (!empty && epochSecond < newestSecond) {
            throw new IllegalArgumentException("series " + key + ": sample at epoch second " + epochSecond
                    + " is before the newest sample at " + newestSecond + "; time must not go backwards");
        }
        long v = (long) VERSION.getOpaque(this);
        VERSION.setOpaque(this, v + 1);
        VarHandle.storeStoreFence();
        if (empty) {
            startAt(epochSecond, sample);
        } else if (epochSecond == newestSecond) {
            replaceNewest(sample);
        } else {
            advanceTo(epochSecond, sample);
        }
        VERSION.setRelease(this, v + 2);
    }

    private void startAt(long epochSecond, float sample) {
        newestSecond = epochSecond;
        newestSlot = Math.floorMod(epochSecond, capacity);
        filled = 1;
        full[newestSlot] = sample;
        openBucket(Math.floorDiv(epochSecond, bucketSeconds));
        bucketsFilled = 1;
        accumulate(sample);
    }

    private void advanceTo(long epochSecond, float sample) {
        long gap = epochSecond - newestSecond;
        if (gap > capacity) {
            // Everything retained is older than the new window: the whole buffer becomes missing.
            Arrays.fill(full, Float.NaN);
            newestSlot = Math.floorMod(epochSecond, capacity);
        } else {
            for (long i = 1; i < gap; i++) {
                full[nextSlot()] = Float.NaN;
            }
            nextSlot();
        }
        full[newestSlot] = sample;
        filled = (int) Math.min(capacity, filled + gap);
        newestSecond = epochSecond;
        if (epochSecond >= bucketEndSecond) {
            advanceBucketTo(Math.floorDiv(epochSecond, bucketSeconds));
        }
        accumulate(sample);
    }

    private int nextSlot() {
        int slot = newestSlot + 1;
        newestSlot = slot == capacity ? 0 : slot;
        return newestSlot;
    }

    /** A second appended twice: the newest value wins and its bucket is recomputed from full resolution. */
    private void replaceNewest(float sample) {
        full[newestSlot] = sample;
        resetAccumulator();
        long bucketStart = Math.max(newestBucket * bucketSeconds, newestSecond - filled + 1);
        for (long s = bucketStart; s <= newestSecond; s++) {
            accumulateValue(full[Math.floorMod(s, capacity)]);
        }
        publishBucket();
    }

    private void advanceBucketTo(long bucket) {
        long skipped = bucket - newestBucket - 1;
        long toClear = Math.min(skipped, bucketCapacity);
        for (long b = newestBucket + 1; b <= newestBucket + toClear; b++) {
            int at = 3 * Math.floorMod(b, bucketCapacity);
            buckets[at + MIN] = Float.NaN;
            buckets[at + MAX] = Float.NaN;
            buckets[at + MEAN] = Float.NaN;
        }
        bucketsFilled = (int) Math.min(bucketCapacity, bucketsFilled + (bucket - newestBucket));
        openBucket(bucket);
    }

    private void openBucket(long bucket) {
        newestBucket = bucket;
        bucketEndSecond = (bucket + 1) * bucketSeconds;
        resetAccumulator();
        publishBucket();
    }

    private void resetAccumulator() {
        bucketMin = Float.POSITIVE_INFINITY;
        bucketMax = Float.NEGATIVE_INFINITY;
        bucketSum = 0;
        bucketCount = 0;
    }

    private void accumulate(float sample) {
        if (accumulateValue(sample)) {
            publishBucket();
        }
    }

    private boolean accumulateValue(float sample) {
        if (Float.isNaN(sample)) {
            return false;
        }
        bucketMin = Math.min(bucketMin, sample);
        bucketMax = Math.max(bucketMax, sample);
        bucketSum += sample;
        bucketCount++;
        return true;
    }

    private void publishBucket() {
        int at = 3 * Math.floorMod(newestBucket, bucketCapacity);
        if (bucketCount == 0) {
            buckets[at + MIN] = Float.NaN;
            buckets[at + MAX] = Float.NaN;
            buckets[at + MEAN] = Float.NaN;
        } else {
            buckets[at + MIN] = bucketMin;
            buckets[at + MAX] = bucketMax;
            buckets[at + MEAN] = (float) (bucketSum / bucketCount);
        }
    }

    // ---- readers ----

    private long beginRead() {
        long v;
        while (((v = (long) VERSION.getAcquire(this)) & 1) != 0) {
            Thread.onSpinWait();
        }
        return v;
    }

    private boolean validate(long v) {
        VarHandle.loadLoadFence();
        return (long) VERSION.getOpaque(this) == v;
    }

    double latest() {
        while (true) {
            long v = beginRead();
            double value = filled == 0 ? Double.NaN : full[Math.floorMod(newestSecond, capacity)];
            if (validate(v)) {
                return value;
            }
        }
    }

    long latestEpochSecond() {
        while (true) {
            long v = beginRead();
            long second = filled == 0 ? Long.MIN_VALUE : newestSecond;
            if (validate(v)) {
                return second;
            }
        }
    }

    SeriesSnapshot range(long fromEpochSecond, long toEpochSecond) {
        return copyFull(fromEpochSecond, toEpochSecond, 0);
    }

    /** Seconds [from, from + into.length) into {@code into}, NaN where not retained; retried like the snapshots. */
    void copyRange(long fromEpochSecond, double[] into) {
        while (true) {
            long v = beginRead();
            long newest = newestSecond;
            long oldest = newest - Math.min(Math.max(filled, 0), capacity) + 1;
            long lo = Math.max(fromEpochSecond, oldest);
            long hi = Math.min(fromEpochSecond + into.length - 1, newest);
            int size = filled == 0 || lo > hi ? 0 : (int) (hi - lo + 1);
            int at = (int) (lo - fromEpochSecond);
            if (size == 0) {
                java.util.Arrays.fill(into, Double.NaN);
            } else {
                java.util.Arrays.fill(into, 0, at, Double.NaN);
                java.util.Arrays.fill(into, at + size, into.length, Double.NaN);
                int start = Math.floorMod(lo, capacity);
                int first = Math.min(size, capacity - start);
                for (int i = 0; i < first; i++) {
                    into[at + i] = full[start + i];
                }
                for (int i = first; i < size; i++) {
                    into[at + i] = full[i - first];
                }
            }
            if (validate(v)) {
                return;
            }
        }
    }

    SeriesSnapshot recent(int seconds) {
        return copyFull(0, 0, seconds);
    }

    /** Copies full resolution; with {@code recentSeconds > 0} the window ends at the newest sample. */
    private SeriesSnapshot copyFull(long fromEpochSecond, long toEpochSecond, int recentSeconds) {
        double[] values = new double[0];
        while (true) {
            long v = beginRead();
            long newest = newestSecond;
            long oldest = newest - Math.min(Math.max(filled, 0), capacity) + 1;
            long from = fromEpochSecond;
            long to = toEpochSecond;
            if (recentSeconds > 0) {
                from = newest - recentSeconds + 1;
                to = newest;
            }
            long lo = Math.max(from, oldest);
            long hi = Math.min(to, newest);
            int size = filled == 0 || lo > hi ? 0 : (int) (hi - lo + 1);
            if (values.length != size) {
                values = new double[size];
            }
            if (size > 0) {
                // two straight runs, up to the ring's end and then from its start: no division per sample
                int start = Math.floorMod(lo, capacity);
                int first = Math.min(size, capacity - start);
                for (int i = 0; i < first; i++) {
                    values[i] = full[start + i];
                }
                for (int i = first; i < size; i++) {
                    values[i] = full[i - first];
                }
            }
            if (validate(v)) {
                return new SeriesSnapshot(key, size == 0 ? from : lo, 1, values);
            }
        }
    }

    DownsampledSnapshot downsampled(long fromEpochSecond, long toEpochSecond) {
        long fromBucket = Math.floorDiv(fromEpochSecond, bucketSeconds);
        long toBucket = Math.floorDiv(toEpochSecond, bucketSeconds);
        double[] min = new double[0];
        double[] max = new double[0];
        double[] mean = new double[0];
        while (true) {
            long v = beginRead();
            long newest = newestBucket;
            long oldest = newest - Math.min(Math.max(bucketsFilled, 0), bucketCapacity) + 1;
            long lo = Math.max(fromBucket, oldest);
            long hi = Math.min(toBucket, newest);
            int size = filled == 0 || lo > hi ? 0 : (int) (hi - lo + 1);
            if (min.length != size) {
                min = new double[size];
                max = new double[size];
                mean = new double[size];
            }
            for (int i = 0; i < size; i++) {
                int at = 3 * Math.floorMod(lo + i, bucketCapacity);
                min[i] = buckets[at + MIN];
                max[i] = buckets[at + MAX];
                mean[i] = buckets[at + MEAN];
            }
            if (validate(v)) {
                long start = (size == 0 ? fromBucket : lo) * bucketSeconds;
                return new DownsampledSnapshot(key, start, bucketSeconds, min, max, mean);
            }
        }
    }
}
