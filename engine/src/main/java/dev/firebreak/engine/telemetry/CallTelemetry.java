package dev.firebreak.engine.telemetry;

import dev.firebreak.engine.telemetry.internal.BucketedCallTelemetry;
import java.util.List;
import java.util.Objects;

/**
 * The share of one caller's calls to one callee that failed or timed out, as the caller's client (or a service mesh)
 * sees it. A failing link or a callee that answers one caller and not another shows here and nowhere else: the
 * callee's own metrics stay normal. Kept in buckets a few seconds wide for a bounded time, so a large topology's
 * thousands of calls cost little. One writer; readers on any thread.
 */
public interface CallTelemetry {

    /** One call edge, by component id. */
    record Call(String caller, String callee) {
        public Call {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(callee, "callee");
        }
    }

    /** The index of a call for {@link #record}, or -1 if it is not one of this telemetry's calls. */
    int index(String caller, String callee);

    /** Records the failed share of a call's requests (percent) in the second given; seconds come in order. */
    void record(int call, long epochSecond, double failedPercent);

    /**
     * The failed share of a call on a one-second axis from {@code fromEpochSecond}, every second of a bucket holding
     * the bucket's mean and NaN where nothing is kept; false and {@code into} untouched for an unknown call.
     */
    boolean copyFailedPercent(String caller, String callee, long fromEpochSecond, double[] into);

    /** Seconds one bucket spans. */
    int bucketSeconds();

    /**
     * The first epoch second not yet published: every call is reported before it (a second without calls as NaN),
     * none from it on. Long.MIN_VALUE before the first bucket is published.
     */
    long reportedUntil();

    /** Calls bucketed {@code bucketSeconds} wide, kept for about {@code keptSeconds}. */
    static CallTelemetry bucketed(List<Call> calls, int bucketSeconds, int keptSeconds) {
        return new BucketedCallTelemetry(calls, bucketSeconds, keptSeconds);
    }

    /** For sources that report no per-call figures (a real metrics source without a mesh). */
    static CallTelemetry none() {
        return NoCalls.INSTANCE;
    }

    /** Nothing recorded and nothing to read. */
    enum NoCalls implements CallTelemetry {
        INSTANCE;

        @Override
        public int index(String caller, String callee) {
            return -1;
        }

        @Override
        public void record(int call, long epochSecond, double failedPercent) {
            throw new IllegalArgumentException("no call " + call + ": this source reports no calls");
        }

        @Override
        public boolean copyFailedPercent(String caller, String callee, long fromEpochSecond, double[] into) {
            return false;
        }

        @Override
        public int bucketSeconds() {
            return 1;
        }

        @Override
        public long reportedUntil() {
            return Long.MIN_VALUE;
        }
    }
}
