package dev.firebreak.engine.detect.series.internal;

import dev.firebreak.engine.detect.series.PatternConfig;

/**
 * How surprising the recent subsequence is, in decimal digits: its nearest-neighbour distance to the remembered
 * history, in log space, against the series' usual nearest distance. Shared by the pattern detector (alone) and
 * the multi-scale detector (which takes the larger of its own surprise and this one).
 */
final class NearestPatternSurprise {

    private static final double MAX_SURPRISE = 20;
    /** A spread of log distance below this (a factor of about 1.1) is treated as this. */
    private static final double MIN_LOG_SPREAD = 0.1;

    private final PatternConfig config;
    private final double[] history;
    /** The nearest distance each remembered sample's subsequence had when it was the newest (NaN: none). */
    private final float[] nearestThen;
    private int next;
    private int size;
    private long seen;
    private long distancesSeen;
    private double logMean;
    private double logVariance;
    private double valueScale;
    private double lastDistance;
    private int bestAge;

    NearestPatternSurprise(PatternConfig config) {
        this.config = config;
        this.history = new double[config.historySamples()];
        this.nearestThen = new float[config.historySamples()];
    }

    PatternConfig config() {
        return config;
    }

    long seen() {
        return seen;
    }

    /** Learns a (finite) value; returns the surprise of the subsequence it ends, or NaN while too little is known. */
    double update(double value) {
        push(value);
        int w = config.windowSamples();
        if (size < 2 * w) {
            return Double.NaN;
        }
        double distance = nearestDistance();
        lastDistance = distance;
        // Distances are compared in log space; the floor keeps an exact repeat (distance 0) finite and scales
        // with the series so a constant series is not infinitely surprised by rounding.
        double floor = 1e-9 * (valueScale + 1e-300);
        double x = Math.log(distance + floor);
        nearestThen[indexOf(0)] = (float) distance;
        if (config.relative()) {
            // Relative to how far the matched subsequence was from its own nearest (a local density, as in LOF):
            // noisy stretches then need larger distances than quiet ones before they count as new.
            double then = nearestThen[indexOf(bestAge)];
            if (!Double.isNaN(then)) {
                x -= Math.log(then + floor);
            }
        }
        double z = distancesSeen == 0 ? 0 : (x - logMean) / Math.max(Math.sqrt(logVariance), MIN_LOG_SPREAD);
        learnDistance(x);
        return z > 0 ? Math.min(Tails.surprise(z), MAX_SURPRISE) : 0;
    }

    /** The nearest distance found for the last subsequence. */
    double lastDistance() {
        return lastDistance;
    }

    /** How many samples the last subsequence was compared against. */
    int remembered() {
        return size - config.windowSamples();
    }

    private void push(double value) {
        history[next] = value;
        nearestThen[next] = Float.NaN;
        next = next + 1 == history.length ? 0 : next + 1;
        if (size < history.length) {
            size++;
        }
        seen++;
        double a = Math.max(1e-3, 1.0 / seen);
        valueScale += a * (Math.abs(value) - valueScale);
    }

    /** The value {@code age} samples ago (0 is the newest). */
    private double at(int age) {
        return history[indexOf(age)];
    }

    private int indexOf(int age) {
        int index = next - 1 - age;
        return index < 0 ? index + history.length : index;
    }

    private double nearestDistance() {
        int w = config.windowSamples();
        double recentMean = config.shapeOnly() ? mean(0) : 0;
        double best = Double.POSITIVE_INFINITY;
        for (int end = w; end + w <= size; end += config.stride()) {
            double candidateMean = config.shapeOnly() ? mean(end) : 0;
            double sum = 0;
            // Stop as soon as the candidate is already worse than the best: most are, so this is most of the speed.
            for (int i = 0; i < w && sum < best; i++) {
                double d = (at(i) - recentMean) - (at(end + i) - candidateMean);
                sum += d * d;
            }
            if (sum < best) {
                best = sum;
                bestAge = end;
            }
        }
        return Math.sqrt(best);
    }

    private double mean(int endAge) {
        double sum = 0;
        for (int i = 0; i < config.windowSamples(); i++) {
            sum += at(endAge + i);
        }
        return sum / config.windowSamples();
    }

    private void learnDistance(double x) {
        distancesSeen++;
        // A plain average while young, so the first distances do not pin the baseline.
        double a = Math.max(config.distanceAlpha(), 1.0 / distancesSeen);
        double d = x - logMean;
        logMean += a * d;
        logVariance = (1 - a) * (logVariance + a * d * d);
    }

    int stateBytes() {
        return 16 + 16 + 8 * history.length + 16 + 4 * nearestThen.length + 5 * 4 + 6 * 8;
    }
}
