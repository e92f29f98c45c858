package dev.firebreak.engine.detect.series.internal;

import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.series.MultiScaleConfig;
import dev.firebreak.engine.detect.series.PatternConfig;
import dev.firebreak.engine.detect.series.ResonanceConfig;
import dev.firebreak.engine.detect.series.SeriesDetector;
import java.util.Locale;

/**
 * Scale-free surprise over four time scales, made relative to the series' own history of surprise.
 *
 * <p>Step 1: for each baseline (EW mean and variance) the sample and the recent level are turned into
 * z-scores; the largest two-sided tail probability becomes a surprise in decimal digits
 * (-log10 p). Step 2, the "anomaly likelihood" idea: a series that is often surprising is less
 * alarming when it is surprising again, so the smoothed recent surprise is compared with the long-run
 * mean and spread of surprise, and that tail probability is the output. Step 3: after an alarm the
 * score is held at zero for a while and until the likelihood has settled, because one alarm per
 * incident is what an operator wants. Optionally (the NAB profile) a value beyond the range of every value
 * scored so far alarms too ({@link RangeNovelty}), and so does a window of values unlike every category learned so
 * far, while a window inside an often-used category damps the value surprise ({@link ResonanceNovelty}).
 */
public final class MultiScaleDetector implements SeriesDetector {

    private static final double MAX_SURPRISE = 20;

    private final MultiScaleConfig config;
    private final SurpriseBaselines level;
    private final AlarmLikelihood alarms;
    /** The pattern surprise joined into this detector's alarms, or null; with its own likelihood. */
    private final NearestPatternSurprise pattern;
    private final AlarmLikelihood patternLikelihood;
    /** Range novelty, or null when the config turns it off. */
    private final RangeNovelty novelty;
    /** Adaptive-resonance novelty and familiarity, or null when the config turns it off. */
    private final ResonanceNovelty resonance;
    private final double familiarFactor;

    public MultiScaleDetector(MultiScaleConfig config) {
        this(config, null);
    }

    /**
     * With a pattern, the value surprise and the pattern surprise each become a likelihood against their own
     * history (their usual levels differ: a daily peak surprises the value baselines every day, a repeating day
     * does not surprise the pattern), and the larger likelihood goes through one hold-off, so an incident that is
     * both a shift and a new shape alarms once.
     */
    public MultiScaleDetector(MultiScaleConfig config, PatternConfig pattern) {
        this.config = config;
        this.pattern = pattern == null ? null : new NearestPatternSurprise(pattern);
        this.patternLikelihood = pattern == null ? null : new AlarmLikelihood(pattern.likelihoodAlpha(),
                pattern.historyAlpha(), pattern.alarmSurprise(), pattern.holdOffSamples(), pattern.rearmSurprise());
        this.novelty = config.noveltyMargin() > 0 ? new RangeNovelty(config.noveltyWarmupSamples()) : null;
        this.resonance = config.resonance().map(ResonanceNovelty::new).orElse(null);
        this.familiarFactor = config.resonance().map(ResonanceConfig::familiarFactor).orElse(1.0);
        this.level = new SurpriseBaselines(config.halfLivesSamples(), config.shortAlpha());
        this.alarms = new AlarmLikelihood(config.likelihoodAlpha(), config.historyAlpha(), config.alarmSurprise(),
                config.holdOffSamples(), config.rearmSurprise());
    }

    @Override
    public DetectorKind kind() {
        return DetectorKind.MULTI_SCALE;
    }

    @Override
    public DetectorOutput update(long epochSecond, double value) {
        if (!Double.isFinite(value)) {
            return Outputs.missing(kind());
        }
        // Learned from the first sample on, like the pattern: its categories need history before they mean anything.
        double newCategory = resonance == null ? 0 : resonance.noveltyThenLearn(value);
        boolean familiar = resonance != null && resonance.familiar();
        double patternSurprise = pattern == null ? Double.NaN : pattern.update(value);
        // Mapped so the pattern's own alarm level lands on this detector's alarm level.
        double patternLikely = Double.isNaN(patternSurprise) ? 0 : patternLikelihood.learnLikelihood(patternSurprise)
                * config.alarmSurprise() / pattern.config().alarmSurprise();
        if (pattern != null && pattern.seen() <= pattern.config().warmupSamples()) {
            patternLikely = 0;
        }
        if (level.seen() < config.warmupSamples()) {
            level.learn(value);
            return Outputs.learning(kind(), value, (int) level.seen() - 1, config.warmupSamples());
        }
        double surprise = level.surprise(value);
        int worst = level.worstScale();
        double low = level.mean(worst) - 3 * level.deviation(worst);
        double high = level.mean(worst) + 3 * level.deviation(worst);
        level.learn(value);
        double valueLikely = alarms.learnLikelihood(Math.min(surprise, MAX_SURPRISE));
        if (familiar) {
            // The recent window lies inside a category that has absorbed many windows: the series has done this
            // often, so its surprise counts for less (the likelihood history itself learned the full surprise).
            valueLikely *= familiarFactor;
        }
        double rangeLow = novelty == null ? Double.NaN : novelty.min();
        double rangeHigh = novelty == null ? Double.NaN : novelty.max();
        double excess = novelty == null ? 0 : novelty.excessThenLearn(value);
        boolean byNovelty = excess > config.noveltyMargin();
        if (byNovelty) {
            // A level never seen before alarms whatever its z-score: at the alarm level plus the excess, so a
            // larger excess ranks higher. It goes through the same hold-off, so an incident still alarms once.
            valueLikely = Math.max(valueLikely, config.alarmSurprise() * (1 + excess));
        }
        boolean byResonance = false;
        if (newCategory > 0) {
            // A window unlike every learned category alarms like a new level does: at the alarm level plus how far
            // below the novelty vigilance its best match fell.
            double resonanceLikely = config.alarmSurprise() * (1 + newCategory);
            byResonance = !byNovelty && resonanceLikely > valueLikely;
            valueLikely = Math.max(valueLikely, resonanceLikely);
        }
        boolean byPattern = patternLikely > valueLikely;
        double score = alarms.scoreLikelihood(Math.max(valueLikely, patternLikely));
        double likelihood = alarms.lastLikelihood();
        boolean alarm = score >= 0.5;
        String reason = !alarm ? "no alarm: recent surprise within the series' usual"
                : byPattern ? String.format(Locale.ROOT, "%s; the last %d samples are unlike any of the previous %d"
                        + " (nearest distance %s): surprise %.1f digits, %.1f above its usual", Outputs.number(value),
                        pattern.config().windowSamples(), pattern.remembered(), Outputs.number(pattern.lastDistance()),
                        patternSurprise, likelihood)
                : byNovelty ? String.format(Locale.ROOT, "%s; beyond every value seen so far (%s to %s) by %.0f%% of"
                        + " that range", Outputs.number(value), Outputs.number(rangeLow), Outputs.number(rangeHigh),
                        100 * excess)
                : byResonance ? String.format(Locale.ROOT, "%s; the last %d values are unlike every pattern learned so"
                        + " far (best match %.2f, %d categories)", Outputs.number(value),
                        config.resonance().orElseThrow().windowPoints(), resonance.lastMatch(), resonance.categories())
                : String.format(Locale.ROOT, "%s; surprise %.1f digits, %.1f above its usual (baseline %s ± 3σ,"
                        + " half-life %.0f)", Outputs.number(value), surprise, likelihood,
                        Outputs.number(level.mean(worst)), config.halfLivesSamples()[worst]);
        return new DetectorOutput(kind(), score, alarm, value, low, high, reason);
    }

    @Override
    public int stateBytes() {
        return 24 + SurpriseBaselines.stateBytes() + AlarmLikelihood.stateBytes()
                + (novelty == null ? 0 : RangeNovelty.stateBytes())
                + (resonance == null ? 0 : ResonanceNovelty.stateBytes(config.resonance().orElseThrow()))
                + (pattern == null ? 0 : pattern.stateBytes() + AlarmLikelihood.stateBytes());
    }
}
