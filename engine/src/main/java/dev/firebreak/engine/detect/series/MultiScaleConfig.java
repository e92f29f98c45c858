package dev.firebreak.engine.detect.series;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

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
 * @param noveltyMargin      a value beyond every value scored so far by more than this fraction of their range
 *                           alarms (range novelty, as ARTime's new categories: "never seen at this level"),
 *                           whatever its z-score; 0 turns it off (the console's defaults), else 0..10
 * @param noveltyWarmupSamples scored samples (after {@code warmupSamples}) whose range is learned before a value
 *                           beyond it may alarm, 0..100000
 * @param resonance          adaptive-resonance novelty and familiarity ({@link ResonanceConfig}): a window unlike every
 *                           learned category alarms, a window inside an often-used category damps the value surprise;
 *                           empty turns it off (the console's defaults)
 */
public record MultiScaleConfig(double[] halfLivesSamples, double shortAlpha, int warmupSamples,
        double likelihoodAlpha, double historyAlpha, double alarmSurprise, int holdOffSamples, double rearmSurprise,
        double noveltyMargin, int noveltyWarmupSamples, Optional<ResonanceConfig> resonance) {

    public static final double[] DEFAULT_HALF_LIVES = {11, 44, 177.5, 709.5};
    public static final double DEFAULT_SHORT_ALPHA = 0.07;
    public static final int DEFAULT_WARMUP_SAMPLES = 64;
    public static final double DEFAULT_LIKELIHOOD_ALPHA = 0.2;
    public static final double DEFAULT_HISTORY_ALPHA = 0.0003;
    public static final double DEFAULT_ALARM_SURPRISE = 3.5;
    public static final int DEFAULT_HOLD_OFF_SAMPLES = 80;
    public static final double DEFAULT_REARM_SURPRISE = 1.5;
    /** Off in the console's defaults; on in the NAB profile ({@link #forNab()}). */
    public static final double DEFAULT_NOVELTY_MARGIN = 0;
    // Chosen on NAB's local half with a two-fold check (bench/README.md, "Range novelty").
    public static final double NAB_NOVELTY_MARGIN = 0.1;
    public static final int NAB_NOVELTY_WARMUP_SAMPLES = 500;

    /** Without range novelty. */
    public MultiScaleConfig(double[] halfLivesSamples, double shortAlpha, int warmupSamples, double likelihoodAlpha,
            double historyAlpha, double alarmSurprise, int holdOffSamples, double rearmSurprise) {
        this(halfLivesSamples, shortAlpha, warmupSamples, likelihoodAlpha, historyAlpha, alarmSurprise, holdOffSamples,
                rearmSurprise, DEFAULT_NOVELTY_MARGIN, 0);
    }

    /** Without adaptive resonance. */
    public MultiScaleConfig(double[] halfLivesSamples, double shortAlpha, int warmupSamples, double likelihoodAlpha,
            double historyAlpha, double alarmSurprise, int holdOffSamples, double rearmSurprise, double noveltyMargin,
            int noveltyWarmupSamples) {
        this(halfLivesSamples, shortAlpha, warmupSamples, likelihoodAlpha, historyAlpha, alarmSurprise, holdOffSamples,
                rearmSurprise, noveltyMargin, noveltyWarmupSamples, Optional.empty());
    }

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
        range("noveltyMargin", noveltyMargin, 0, 10);
        count("noveltyWarmupSamples", noveltyWarmupSamples, 0);
        Objects.requireNonNull(resonance, "resonance");
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

    /**
     * The NAB profile: the defaults plus range novelty, because on NAB's data a value at a level never seen before
     * is what most labelled windows start with while bursty series' ordinary excursions stay inside their range; and
     * adaptive resonance ({@link ResonanceConfig#forNab()}), the same idea for windows of values.
     */
    public static MultiScaleConfig forNab() {
        return ofDefaults().withNovelty(NAB_NOVELTY_MARGIN, NAB_NOVELTY_WARMUP_SAMPLES)
                .withResonance(Optional.of(ResonanceConfig.forNab()));
    }

    /** The same with another range novelty (margin 0: off). */
    public MultiScaleConfig withNovelty(double margin, int warmup) {
        return new MultiScaleConfig(halfLivesSamples, shortAlpha, warmupSamples, likelihoodAlpha, historyAlpha,
                alarmSurprise, holdOffSamples, rearmSurprise, margin, warmup, resonance);
    }

    /** The same with another adaptive resonance (empty: off). */
    public MultiScaleConfig withResonance(Optional<ResonanceConfig> newResonance) {
        return new MultiScaleConfig(halfLivesSamples, shortAlpha, warmupSamples, likelihoodAlpha, historyAlpha,
                alarmSurprise, holdOffSamples, rearmSurprise, noveltyMargin, noveltyWarmupSamples, newResonance);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MultiScaleConfig that && Arrays.equals(halfLivesSamples, that.halfLivesSamples)
                && shortAlpha == that.shortAlpha && warmupSamples == that.warmupSamples
                && likelihoodAlpha == that.likelihoodAlpha && historyAlpha == that.historyAlpha
                && alarmSurprise == that.alarmSurprise && holdOffSamples == that.holdOffSamples
                && rearmSurprise == that.rearmSurprise && noveltyMargin == that.noveltyMargin
                && noveltyWarmupSamples == that.noveltyWarmupSamples && resonance.equals(that.resonance);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(halfLivesSamples) * 31 + Objects.hash(shortAlpha, warmupSamples, likelihoodAlpha,
                historyAlpha, alarmSurprise, holdOffSamples, rearmSurprise, noveltyMargin, noveltyWarmupSamples,
                resonance);
    }

    @Override
    public String toString() {
        return "MultiScaleConfig[halfLivesSamples=" + Arrays.toString(halfLivesSamples) + ", shortAlpha="
                + shortAlpha + ", warmupSamples=" + warmupSamples + ", likelihoodAlpha=" + likelihoodAlpha
                + ", historyAlpha=" + historyAlpha + ", alarmSurprise=" + alarmSurprise + ", holdOffSamples="
                + holdOffSamples + ", rearmSurprise=" + rearmSurprise + ", noveltyMargin=" + noveltyMargin
                + ", noveltyWarmupSamples=" + noveltyWarmupSamples + ", resonance=" + resonance + "]";
    }
}
