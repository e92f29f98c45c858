package dev.firebreak.engine.telemetry.internal;

import dev.firebreak.engine.telemetry.CallTelemetry;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every call's mean failed share per bucket in one float ring per call. A bucket is written when the first second of
 * the next one arrives, then published through a volatile; readers take only published buckets and leave out the
 * oldest, which the writer may be overwriting.
 */
public final class BucketedCallTelemetry implements CallTelemetry {

    private final Map<String, Integer> indexByKey = new HashMap<>();
    private final int bucketSeconds;
    private final int capacity;
    private final float[][] rings;
    private final double[] sums;
    private final int[] counts;
    private long openBucket = Long.MIN_VALUE;
    private volatile long newestBucket = Long.MIN_VALUE;

    public BucketedCallTelemetry(List<Call> calls, int bucketSeconds, int keptSeconds) {
        if (bucketSeconds < 1) {
            throw new IllegalArgumentException("bucketSeconds must be >= 1, was " + bucketSeconds);
        }
        if (keptSeconds < 2 * bucketSeconds) {
            throw new IllegalArgumentException("keptSeconds must hold at least two buckets, was " + keptSeconds);
        }
        this.bucketSeconds = bucketSeconds;
        this.capacity = keptSeconds / bucketSeconds + 1;
        this.rings = new float[calls.size()][capacity];
        for (float[] ring : rings) {
            Arrays.fill(ring, Float.NaN);
        }
        this.sums = new double[calls.size()];
        this.counts = new int[calls.size()];
        for (int i = 0; i < calls.size(); i++) {
            indexByKey.putIfAbsent(key(calls.get(i).caller(), calls.get(i).callee()), i);
        }
    }

    private static String key(String caller, String callee) {
        return caller + "\u0000" + callee;
    }

    @Override
    public int index(String caller, String callee) {
        return indexByKey.getOrDefault(key(caller, callee), -1);
    }

    @Override
    public void record(int call, long epochSecond, double failedPercent) {
        long bucket = Math.floorDiv(epochSecond, bucketSeconds);
        if (bucket != openBucket) {
            closeOpenBucket();
            openBucket = bucket;
        }
        if (Double.isFinite(failedPercent)) {
            sums[call] += failedPercent;
            counts[call]++;
        }
    }

    private void closeOpenBucket() {
        if (openBucket == Long.MIN_VALUE) {
            return;
        }
        int slot = (int) Math.floorMod(openBucket, (long) capacity);
        for (int i = 0; i < rings.length; i++) {
            rings[i][slot] = counts[i] > 0 ? (float) (sums[i] / counts[i]) : Float.NaN;
            sums[i] = 0;
            counts[i] = 0;
        }
        newestBucket = openBucket;
    }

    @Override
    public boolean copyFailedPercent(String caller, String callee, long fromEpochSecond, double[] into) {
        int call = index(caller, callee);
        if (call < 0) {
            return false;
        }
        long newest = newestBucket;
        long oldest = newest - capacity + 2;
        float[] ring = rings[call];
        for (int i = 0; i < into.length; i++) {
            long bucket = Math.floorDiv(fromEpochSecond + i, bucketSeconds);
            into[i] = newest != Long.MIN_VALUE && bucket <= newest && bucket >= oldest
                    ? ring[(int) Math.floorMod(bucket, (long) capacity)] : Double.NaN;
        }
        return true;
    }

    @Override
    public int bucketSeconds() {
        return bucketSeconds;
    }

    @Override
    public long reportedUntil() {
        long newest = newestBucket;
        return newest == Long.MIN_VALUE ? Long.MIN_VALUE : (newest + 1) * bucketSeconds;
    }
}
