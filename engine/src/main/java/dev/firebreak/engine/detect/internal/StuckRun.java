package dev.firebreak.engine.detect.internal;

/**
 * A run of identical values longer than any run the series has shown before: a stuck sensor, a stalled writer,
 * a stretch of zeros where activity was due. Such an absence has no spike, no new level and, after a while, no
 * new shape, so the other detectors cannot see it. It never forgets its longest run, so a series that idles
 * for long stretches is not alarming when it idles again for as long.
 */
final class StuckRun {

    private final double factor;
    private final int minRunSamples;
    private final int warmupSamples;
    private long seen;
    private long runStart;
    private int run;
    private int longest;
    private double last = Double.NaN;

    /**
     * {@code factor}: how many times the longest earlier run the current run must reach; {@code minRunSamples}:
     * the shortest run that may alarm; {@code warmupSamples}: values learned before a run may start that can alarm.
     */
    StuckRun(double factor, int minRunSamples, int warmupSamples) {
        this.factor = factor;
        this.minRunSamples = minRunSamples;
        this.warmupSamples = warmupSamples;
    }

    /**
     * Learns {@code value} and tells whether the run it extends has just become longer than allowed (true once per
     * run, at the sample that crosses). Non-finite values are ignored, so a gap neither breaks nor extends a run.
     */
    boolean crossedThenLearn(double value) {
        if (!Double.isFinite(value)) {
            return false;
        }
        if (seen > 0 && value == last) {
            run++;
        } else {
            longest = Math.max(longest, run);
            run = 1;
            runStart = seen;
        }
        last = value;
        seen++;
        return runStart >= warmupSamples && run == needed();
    }

    /** The run length at which the current run alarms. */
    int needed() {
        return Math.max(minRunSamples, (int) Math.floor(factor * longest) + 1);
    }

    int run() {
        return run;
    }

    int longest() {
        return longest;
    }

    static int stateBytes() {
        return 16 + 3 * 8 + 3 * 4 + 2 * 8;
    }
}
