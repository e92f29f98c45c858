package dev.firebreak.engine.detect;

import java.util.Arrays;
import java.util.Objects;

/**
 * A scale-free detector for series of unknown shape and units (the NAB profile): spikes and level
 * shifts measured against exponentially weighted means and variances at four time scales, turned
 * into a tail probability, then into a likelihood relative to the series' own recent surprise so a
 * noisy series does not alarm all the time, with repeated alarms held back while the incident lasts.
 *
 * @param halfLivesSamples   half-lives of the four baselines in samples, each 2..100000, increasing
 * @param shortAlpha         smoothing of the recent level compared against each baseline, 0.05..0.9
 * @param warmupSamples      samples learned before scoring, 2..100000
 * @param likelihoodAlpha    smoothing of the recent surprise, 0.01..0.9
 * @param historyAlpha       smoothing of the surprise's own mean and variance, 1e-5..0.1
 * @param alarmSurprise      likelihood (-log10 tail probability) at which an alarm starts the hold-off, 0.5..20
 * @param holdOffSamples     samples after an alarm during which the score is held at 0, 0..100000
 * @param rearmSurprise      the hold-off ends only once the likelihood is back below this, so a level
 *                           shift the baselines are still learning does not alarm again; 0 ends it after
 *                           {@code holdOffSamples} whatever the likelihood, else 0..20
 */
public record MultiScaleConfig(double[] halfLivesSamples, double shortAlpha, int warmupSamples,
        double likelihoodAlpha, double historyAlpha, double alarmSurprise, int holdOffSamples, double rearmSurprise) {

    public static final double[] DEFAULT_HALF_LIVES = {11, 44, 177.5, 709.5};
    public static final double DEFAULT_SHORT_ALPHA = 0.07;
    public static final int DEFAULT_WARMUP_SAMPLES = 64;
    public static final double DEFAULT_LIKELIHOOD_ALPHA = 0.2;
    public static final double DEFAULT_HISTORY_ALPHA = 0.0003;
    public static final double DEFAULT_ALARM_SURPRISE = 3.5;
    public static final int DEFAULT_HOLD_OFF_SAMPLES = 80;
    public static final double DEFAULT_REARM_SURPRISE = 1.5;

    public MultiScaleConfig {
        if (halfLivesSamples == null || halfLivesSamples.length != 4) {
            throw new IllegalArgumentException("multi-scale needs exactly 4 half-lives");
        }
        halfLivesSamples = halfLivesSamples.clone();
        for (int i = 0; i < 4; i++) {
            if (!(halfLivesSamples[i] >= 2 && halfLivesSamples[i] <= 100_000)
                    || (i > 0 && !(halfLivesSamples[i] > halfLivesSamples[i - 1]))) {
                throw new IllegalArgumentException("multi-scale half-lives must be increasing, each between 2 and "
                        + "100000 samples, were " + Arrays.toString(halfLivesSamples));
            }
        }
        range("shortAlpha", shortAlpha, 0.05, 0.9);
        range("likelihoodAlpha", likelihoodAlpha, 0.01, 0.9);
        range("historyAlpha", historyAlpha, 1e-5, 0.1);
        range("alarmSurprise", alarmSurprise, 0.5, 20);
        range("rearmSurprise", rearmSurprise, 0, 20);
        count("warmupSamples", warmupSamples, 2);
        count("holdOffSamples", holdOffSamples, 0);
    }

    private static void range(String field, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw new IllegalArgumentException("multi-scale " + field + " must be between " + low + " and " + high
                    + ", was " + value);
        }
    }

    private static void count(String field, int value, int low) {
        if (value < low || value > 100_000) {
            throw new IllegalArgumentException("multi-scale " + field + " must be between " + low + " and 100000, was "
                    + value);
        }
    }

    @Override
    public double[] halfLivesSamples() {
        return halfLivesSamples.clone();
    }

    public static MultiScaleConfig ofDefaults() {
        return new MultiScaleConfig(DEFAULT_HALF_LIVES, DEFAULT_SHORT_ALPHA, DEFAULT_WARMUP_SAMPLES,
                DEFAULT_LIKELIHOOD_ALPHA, DEFAULT_HISTORY_ALPHA, DEFAULT_ALARM_SURPRISE, DEFAULT_HOLD_OFF_SAMPLES,
                DEFAULT_REARM_SURPRISE);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MultiScaleConfig that && Arrays.equals(halfLivesSamples, that.halfLivesSamples)
                && shortAlpha == that.shortAlpha && warmupSamples == that.warmupSamples
                && likelihoodAlpha == that.likelihoodAlpha && historyAlpha == that.historyAlpha
                && alarmSurprise == that.alarmSurprise && holdOffSamples == that.holdOffSamples
                && rearmSurprise == that.rearmSurprise;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(halfLivesSamples) * 31 + Objects.hash(shortAlpha, warmupSamples, likelihoodAlpha,
                historyAlpha, alarmSurprise, holdOffSamples, rearmSurprise);
    }

    @Override
    public String toString() {
        return "MultiScaleConfig[halfLivesSamples=" + Arrays.toString(halfLivesSamples) + ", shortAlpha="
                + shortAlpha + ", warmupSamples=" + warmupSamples + ", likelihoodAlpha=" + likelihoodAlpha
                + ", historyAlpha=" + historyAlpha + ", alarmSurprise=" + alarmSurprise + ", holdOffSamples="
                + holdOffSamples + ", rearmSurprise=" + rearmSurprise + "]";
    }
}
