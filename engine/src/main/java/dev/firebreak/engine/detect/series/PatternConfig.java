package dev.firebreak.engine.detect.series;

/**
 * A detector of unusual recent patterns (the NAB profile): the last {@code windowSamples} values are compared
 * with every earlier subsequence of the same length still in a bounded history, and the distance to the
 * nearest one is judged against the usual nearest distance of this series (as KNN CAD and ARTime do). It
 * fires when the recent shape has no precedent, e.g. a day that looks unlike every remembered day while each
 * value stays in range, and stays quiet on a pattern that repeats.
 *
 * @param windowSamples    length of the compared subsequence, 2..512
 * @param historySamples   samples remembered, at least twice the window, at most 20000 (state is 12 bytes each)
 * @param stride           compare with every {@code stride}-th earlier subsequence, 1..window (cost per sample
 *                         is about {@code history / stride * window} operations)
 * @param shapeOnly        compare shapes: each subsequence's own mean is removed first, so a level shift alone
 *                         does not count (other detectors see it)
 * @param relative         judge the nearest distance relative to the nearest distance the matched subsequence
 *                         itself had (a local density, as LOF does), so a series whose noise differs between
 *                         parts of its day is judged against the noise of the matching part
 * @param distanceAlpha    smoothing of the mean and variance of the log nearest distance, 1e-5..0.5
 * @param warmupSamples    samples learned before scoring, at least twice the window, at most 100000
 * @param likelihoodAlpha  smoothing of the recent surprise, 0.01..0.9
 * @param historyAlpha     smoothing of the surprise's own mean and variance, 1e-5..0.1
 * @param alarmSurprise    likelihood (-log10 tail probability) at which an alarm starts the hold-off, 0.5..20;
 *                         joined with the multi-scale detector, the pattern likelihood is scaled so this level
 *                         meets the multi-scale alarm level (hold-off and re-arm are then the multi-scale ones)
 * @param holdOffSamples   samples after an alarm during which the score is held at 0, 0..100000
 * @param rearmSurprise    the hold-off ends only once the likelihood is back below this (0: after
 *                         {@code holdOffSamples} whatever the likelihood), 0..20
 */
public record PatternConfig(int windowSamples, int historySamples, int stride, boolean shapeOnly, boolean relative,
        double distanceAlpha, int warmupSamples, double likelihoodAlpha, double historyAlpha, double alarmSurprise,
        int holdOffSamples, double rearmSurprise) {

    // Chosen on NAB's local half (bench/README.md, "Pattern detector"): window, history, stride and alarm level.
    public static final int DEFAULT_WINDOW_SAMPLES = 32;
    public static final int DEFAULT_HISTORY_SAMPLES = 1000;
    public static final int DEFAULT_STRIDE = 4;
    public static final boolean DEFAULT_SHAPE_ONLY = false;
    public static final boolean DEFAULT_RELATIVE = true;
    public static final double DEFAULT_DISTANCE_ALPHA = 0.002;
    public static final int DEFAULT_WARMUP_SAMPLES = 200;
    public static final double DEFAULT_LIKELIHOOD_ALPHA = 0.2;
    public static final double DEFAULT_HISTORY_ALPHA = 0.0003;
    public static final double DEFAULT_ALARM_SURPRISE = 6;
    public static final int DEFAULT_HOLD_OFF_SAMPLES = 80;
    public static final double DEFAULT_REARM_SURPRISE = 1.5;

    public PatternConfig {
        count("windowSamples", windowSamples, 2, 512);
        count("historySamples", historySamples, 2 * windowSamples, 20_000);
        count("stride", stride, 1, windowSamples);
        range("distanceAlpha", distanceAlpha, 1e-5, 0.5);
        count("warmupSamples", warmupSamples, 2 * windowSamples, 100_000);
        range("likelihoodAlpha", likelihoodAlpha, 0.01, 0.9);
        range("historyAlpha", historyAlpha, 1e-5, 0.1);
        range("alarmSurprise", alarmSurprise, 0.5, 20);
        count("holdOffSamples", holdOffSamples, 0, 100_000);
        range("rearmSurprise", rearmSurprise, 0, 20);
    }

    private static void range(String field, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw new IllegalArgumentException("pattern " + field + " must be between " + low + " and " + high
                    + ", was " + value);
        }
    }

    private static void count(String field, int value, int low, int high) {
        if (value < low || value > high) {
            throw new IllegalArgumentException("pattern " + field + " must be between " + low + " and " + high
                    + ", was " + value);
        }
    }

    public static PatternConfig ofDefaults() {
        return new PatternConfig(DEFAULT_WINDOW_SAMPLES, DEFAULT_HISTORY_SAMPLES, DEFAULT_STRIDE, DEFAULT_SHAPE_ONLY,
                DEFAULT_RELATIVE,
                DEFAULT_DISTANCE_ALPHA, DEFAULT_WARMUP_SAMPLES, DEFAULT_LIKELIHOOD_ALPHA, DEFAULT_HISTORY_ALPHA,
                DEFAULT_ALARM_SURPRISE, DEFAULT_HOLD_OFF_SAMPLES, DEFAULT_REARM_SURPRISE);
    }
}
