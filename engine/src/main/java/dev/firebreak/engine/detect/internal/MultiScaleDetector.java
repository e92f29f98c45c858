package dev.firebreak.engine.detect.internal;

import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.MultiScaleConfig;
import dev.firebreak.engine.detect.PatternConfig;
import dev.firebreak.engine.detect.SeriesDetector;
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
 * incident is what an operator wants.
 */
public final class MultiScaleDetector implements SeriesDetector {

    private static final double MAX_SURPRISE = 20;
    private final double XCAP = Double.parseDouble(System.getProperty("nab.x.cap", "20"));
    private final double XGATE = Double.parseDouble(System.getProperty("nab.x.gate", "0"));
    private final double XGFLOOR = Double.parseDouble(System.getProperty("nab.x.gfloor", "0.3"));
    private final double XLA2 = Double.parseDouble(System.getProperty("nab.x.la2", "0"));
    private final double XSLOWSCALE = Double.parseDouble(System.getProperty("nab.x.slowscale", "1"));
    private final AlarmLikelihood slow;
    private final double XVOL = Double.parseDouble(System.getProperty("nab.x.vol", "0"));
    private final double XVALARM = Double.parseDouble(System.getProperty("nab.x.valarm", "3.5"));
    private final double XVSA = Double.parseDouble(System.getProperty("nab.x.vsa", "0.05"));
    private final double XVHL = Double.parseDouble(System.getProperty("nab.x.vhl", "700"));
    private final AlarmLikelihood volLikelihood;
    private double prevValue = Double.NaN;
    private double vShort;
    private double vMean;
    private double vVar;
    private long vSeen;
    private final double XLOG = Double.parseDouble(System.getProperty("nab.x.log", "0"));
    private boolean nonNegative = true;
    private final SurpriseBaselines logLevel;
    private double warmSum;
    private final int XPAA = (int) Double.parseDouble(System.getProperty("nab.x.paa", "0"));
    private final int XP2H = (int) Double.parseDouble(System.getProperty("nab.x.p2h", "1000"));
    private final double XP2ALARM = Double.parseDouble(System.getProperty("nab.x.p2alarm", "6"));
    private final NearestPatternSurprise slowPattern;
    private final AlarmLikelihood slowPatternLikelihood;
    private double paaSum;
    private int paaCount;
    private double slowLikely;
    private final double XNOV = Double.parseDouble(System.getProperty("nab.x.nov", "0"));
    private final double XNWU = Double.parseDouble(System.getProperty("nab.x.nwu", "300"));
    private long novSeen;
    private double novMax;
    private double novMin;
    private final int XMODE = (int) Double.parseDouble(System.getProperty("nab.x.mode", "0"));

    private final MultiScaleConfig config;
    private final SurpriseBaselines level;
    private final AlarmLikelihood alarms;
    /** The pattern surprise joined into this detector's alarms, or null; with its own likelihood. */
    private final NearestPatternSurprise pattern;
    private final AlarmLikelihood patternLikelihood;

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
        this.slow = XLA2 > 0 ? new AlarmLikelihood(XLA2, config.historyAlpha(), config.alarmSurprise(),
                config.holdOffSamples(), config.rearmSurprise()) : null;
        this.volLikelihood = XVOL > 0 ? new AlarmLikelihood(config.likelihoodAlpha(), config.historyAlpha(),
                config.alarmSurprise(), config.holdOffSamples(), config.rearmSurprise()) : null;
        this.logLevel = new SurpriseBaselines(config.halfLivesSamples(), config.shortAlpha());
        if (XPAA > 0 && pattern != null) {
            PatternConfig p2 = new PatternConfig(pattern.windowSamples(), XP2H, pattern.stride(), pattern.shapeOnly(),
                    pattern.relative(), pattern.distanceAlpha(), pattern.warmupSamples(), pattern.likelihoodAlpha(),
                    pattern.historyAlpha(), pattern.alarmSurprise(), pattern.holdOffSamples(), pattern.rearmSurprise());
            this.slowPattern = new NearestPatternSurprise(p2);
            this.slowPatternLikelihood = new AlarmLikelihood(pattern.likelihoodAlpha(), pattern.historyAlpha() * XPAA,
                    pattern.alarmSurprise(), pattern.holdOffSamples(), pattern.rearmSurprise());
        } else {
            this.slowPattern = null;
            this.slowPatternLikelihood = null;
        }
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
        double patternSurprise = pattern == null ? Double.NaN : pattern.update(value);
        // Mapped so the pattern's own alarm level lands on this detector's alarm level.
        double patternLikely = Double.isNaN(patternSurprise) ? 0 : patternLikelihood.learnLikelihood(patternSurprise)
                * config.alarmSurprise() / pattern.config().alarmSurprise();
        if (pattern != null && pattern.seen() <= pattern.config().warmupSamples()) {
            patternLikely = 0;
        }
        if (slowPattern != null) {
            paaSum += value;
            paaCount++;
            if (paaCount == XPAA) {
                double ps = slowPattern.update(paaSum / XPAA);
                paaSum = 0;
                paaCount = 0;
                slowLikely = Double.isNaN(ps) || slowPattern.seen() <= slowPattern.config().warmupSamples() ? 0
                        : slowPatternLikelihood.learnLikelihood(ps) * config.alarmSurprise() / XP2ALARM;
            }
            patternLikely = Math.max(patternLikely, slowLikely);
        }
        if (XLOG > 0) {
            nonNegative &= value >= 0;
            if (level.seen() < config.warmupSamples()) {
                warmSum += value;
            }
        }
        if (level.seen() < config.warmupSamples()) {
            level.learn(value);
            return Outputs.learning(kind(), value, (int) level.seen() - 1, config.warmupSamples());
        }
        double surprise = level.surprise(value);
        if (XLOG > 0 && nonNegative && warmSum > 0) {
            double lv = Math.log(value + XLOG * warmSum / config.warmupSamples());
            if (logLevel.seen() >= config.warmupSamples()) {
                surprise = logLevel.surprise(lv);
            }
            logLevel.learn(lv);
        }
        int worst = level.worstScale();
        double low = level.mean(worst) - 3 * level.deviation(worst);
        double high = level.mean(worst) + 3 * level.deviation(worst);
        level.learn(value);
        double used = Math.min(surprise, XCAP);
        if (XGATE > 0 && pattern != null && !Double.isNaN(patternSurprise)
                && pattern.seen() > pattern.config().warmupSamples()) {
            used *= Math.max(XGFLOOR, Math.min(1, patternSurprise / XGATE));
        }
        double valueLikely = alarms.learnLikelihood(used);
        if (slow != null) {
            valueLikely = Math.max(valueLikely, slow.learnLikelihood(used) * XSLOWSCALE);
        }
        if (volLikelihood != null) {
            double vs = volSurprise(value);
            double vl = volLikelihood.learnLikelihood(Math.min(vs, XCAP)) * config.alarmSurprise() / XVALARM;
            valueLikely = Math.max(valueLikely, vl);
        }
        if (XNOV > 0) {
            if (novSeen >= XNWU && novMax > novMin) {
                double range = novMax - novMin;
                double excess = Math.max(value - novMax, novMin - value) / range;
                if (excess > XNOV) {
                    valueLikely = Math.max(valueLikely, config.alarmSurprise() * (1 + excess));
                }
            }
            novSeen++;
            novMax = novSeen == 1 ? value : Math.max(novMax, value);
            novMin = novSeen == 1 ? value : Math.min(novMin, value);
        }
        boolean byPattern = patternLikely > valueLikely;
        double joined = XMODE == 0 ? Math.max(valueLikely, patternLikely)
                : XMODE == 1 ? (valueLikely + patternLikely) / 2 : valueLikely + patternLikely;
        double score = alarms.scoreLikelihood(joined);
        double likelihood = alarms.lastLikelihood();
        boolean alarm = score >= 0.5;
        String reason = !alarm ? "no alarm: recent surprise within the series' usual"
                : byPattern ? String.format(Locale.ROOT, "%s; the last %d samples are unlike any of the previous %d"
                        + " (nearest distance %s): surprise %.1f digits, %.1f above its usual", Outputs.number(value),
                        pattern.config().windowSamples(), pattern.remembered(), Outputs.number(pattern.lastDistance()),
                        patternSurprise, likelihood)
                : String.format(Locale.ROOT, "%s; surprise %.1f digits, %.1f above its usual (baseline %s ± 3σ,"
                        + " half-life %.0f)", Outputs.number(value), surprise, likelihood,
                        Outputs.number(level.mean(worst)), config.halfLivesSamples()[worst]);
        return new DetectorOutput(kind(), score, alarm, value, low, high, reason);
    }

    private double volSurprise(double value) {
        double prev = prevValue;
        prevValue = value;
        if (Double.isNaN(prev)) {
            return 0;
        }
        double d = Math.abs(value - prev);
        vSeen++;
        double aLong = Math.max(1 - Math.pow(0.5, 1 / XVHL), 1.0 / vSeen);
        double z = 0;
        if (vSeen > 30) {
            double newShort = vShort + XVSA * (d - vShort);
            double sigma = Scores.floorScale(Math.sqrt(vVar), vMean) * Math.sqrt(XVSA / (2 - XVSA));
            z = (newShort - vMean) / sigma;
        }
        vShort = vSeen == 1 ? d : vShort + XVSA * (d - vShort);
        double delta = d - vMean;
        vMean += aLong * delta;
        vVar = (1 - aLong) * (vVar + aLong * delta * delta);
        return z > 0 ? Tails.surprise(z) : 0;
    }

    @Override
    public int stateBytes() {
        return 24 + SurpriseBaselines.stateBytes() + AlarmLikelihood.stateBytes()
                + (pattern == null ? 0 : pattern.stateBytes() + AlarmLikelihood.stateBytes());
    }
}
