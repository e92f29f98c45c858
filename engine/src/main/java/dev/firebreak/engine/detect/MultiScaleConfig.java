package dev.firebreak.engine.detect;

/**
 * A scale-free detector for series of unknown shape and units (the NAB profile): spikes and level
 * shifts measured against exponentially weighted means and variances at four time scales, turned
 * into a tail probability, then into a likelihood relative to the series' own recent surprise so a
 * noisy series does not alarm all the time, with repeated alarms held back for a while.
 *
 * @param halfLivesSamples   half-lives of the four baselines in samples, each 2..100000, increasing
 * @param shortAlpha         smoothing of the recent level compared against each baseline, 0.05..0.9
 * @param warmupSamples      samples learned before scoring, 2..100000
 * @param likelihoodAlpha    smoothing of the recent surprise, 0.01..0.9
 * @param historyAlpha       smoothing of the surprise's own mean and variance, 1e-5..0.1
 * @param alarmSurprise      -log10 tail probability at which an alarm starts the hold-off, 0.5..20
 * @param holdOffSamples     samples after an alarm during which the score is held at 0, 0..100000
 */
public record MultiScaleConfig(double[] halfLivesSamples, double shortAlpha, int warmupSamples,
        double likelihoodAlpha, double historyAlpha, double alarmSurprise, int holdOffSamples) {

    public static final double[] DEFAULT_HALF_LIVES = {22, 88, 355, 1419};
    public static final double DEFAULT_SHORT_ALPHA = 0.25;
    public static final int DEFAULT_WARMUP_SAMPLES = 64;
    public static final double DEFAULT_LIKELIHOOD_ALPHA = 0.2;
    public static final double DEFAULT_HISTORY_ALPHA = 0.0003;
    public static final double DEFAULT_ALARM_SURPRISE = 3;
    public static final int DEFAULT_HOLD_OFF_SAMPLES = 50;

    public MultiScaleConfig {
        if (halfLivesSamples == null || halfLivesSamples.length != 4) {
            throw new IllegalArgumentException("multi-scale needs exactly 4 half-lives");
        }
        halfLivesSamples = halfLivesSamples.clone();
        for (int i = 0; i < 4; i++) {
            if (!(halfLivesSamples[i] >= 2 && halfLivesSamples[i] <= 100_000)
                    || (i > 0 && !(halfLivesSamples[i] > halfLivesSamples[i - 1]))) {
                throw new IllegalArgumentException("multi-scale half-lives must be increasing, each between 2 and "
                        + "100000 samples, were " + java.util.Arrays.toString(halfLivesSamples));
            }
        }
        range("shortAlpha", shortAlpha, 0.05, 0.9);
        range("likelihoodAlpha", likelihoodAlpha, 0.01, 0.9);
        range("historyAlpha", historyAlpha, 1e-5, 0.1);
        range("alarmSurprise", alarmSurprise, 0.5, 20);
        if (warmupSamples < 2 || warmupSamples > 100_000) {
            throw new IllegalArgumentException("multi-scale warmupSamples must be between 2 and 100000, was "
                    + warmupSamples);
        }
        if (holdOffSamples < 0 || holdOffSamples > 100_000) {
            throw new IllegalArgumentException("multi-scale holdOffSamples must be between 0 and 100000, was "
                    + holdOffSamples);
        }
    }

    private static void range(String field, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw new IllegalArgumentException("multi-scale " + field + " must be between " + low + " and " + high
                    + ", was " + value);
        }
    }

    @Override
    public double[] halfLivesSamples() {
        return halfLivesSamples.clone();
    }

    public static MultiScaleConfig ofDefaults() {
        return new MultiScaleConfig(DEFAULT_HALF_LIVES, DEFAULT_SHORT_ALPHA, DEFAULT_WARMUP_SAMPLES,
                DEFAULT_LIKELIHOOD_ALPHA, DEFAULT_HISTORY_ALPHA, DEFAULT_ALARM_SURPRISE, DEFAULT_HOLD_OFF_SAMPLES);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MultiScaleConfig that && java.util.Arrays.equals(halfLivesSamples, that.halfLivesSamples)
                && shortAlpha == that.shortAlpha && warmupSamples == that.warmupSamples
                && likelihoodAlpha == that.likelihoodAlpha && historyAlpha == that.historyAlpha
                && alarmSurprise == that.alarmSurprise && holdOffSamples == that.holdOffSamples;
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(halfLivesSamples) * 31 + java.util.Objects.hash(shortAlpha, warmupSamples,
                likelihoodAlpha, historyAlpha, alarmSurprise, holdOffSamples);
    }

    @Override
    public String toString() {
        return "MultiScaleConfig[halfLivesSamples=" + java.util.Arrays.toString(halfLivesSamples) + ", shortAlpha="
                + shortAlpha + ", warmupSamples=" + warmupSamples + ", likelihoodAlpha=" + likelihoodAlpha
                + ", historyAlpha=" + historyAlpha + ", alarmSurprise=" + alarmSurprise + ", holdOffSamples="
                + holdOffSamples + "]";
    }
}
