package dev.firebreak.engine.detect.series.internal;

/**
 * How far a value lies beyond the range of every value learned so far, as a fraction of that range: the
 * "never seen at this level" novelty that ARTime's new categories capture. Scale-free, so it suits series of
 * unknown units; it never forgets, so a series that once reached a level is never novel there again (bursty
 * series stop alarming once their bursts have been seen).
 */
final class RangeNovelty {

    private final int warmupSamples;
    private long seen;
    private double min;
    private double max;

    /** {@code warmupSamples}: values learned before any value counts as novel. */
    RangeNovelty(int warmupSamples) {
        this.warmupSamples = warmupSamples;
    }

    /**
     * How far {@code value} lies beyond the learned range, in units of that range (0 inside it, while learning,
     * or while every learned value was the same); then learns it. Non-finite values are ignored.
     */
    double excessThenLearn(double value) {
        if (!Double.isFinite(value)) {
            return 0;
        }
        double excess = 0;
        if (seen >= warmupSamples && max > min) {
            excess = Math.max(value - max, min - value) / (max - min);
        }
        min = seen == 0 ? value : Math.min(min, value);
        max = seen == 0 ? value : Math.max(max, value);
        seen++;
        return Math.max(0, excess);
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }

    static int stateBytes() {
        return 16 + 4 + 3 * 8;
    }
}
