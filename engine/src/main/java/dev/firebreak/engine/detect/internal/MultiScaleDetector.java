package dev.firebreak.engine.detect.internal;

import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.MultiScaleConfig;
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
    private static final double MIN_SURPRISE_SPREAD = 1e-3;

    private final MultiScaleConfig config;
    private final SurpriseBaselines level;
    private double surpriseRecent;
    private double surpriseMean;
    private double surpriseVariance = 1;
    private int holdOff;

    public MultiScaleDetector(MultiScaleConfig config) {
        this.config = config;
        this.level = new SurpriseBaselines(config.halfLivesSamples(), config.shortAlpha());
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
        if (level.seen() < config.warmupSamples()) {
            level.learn(value);
            return Outputs.learning(kind(), value, (int) level.seen() - 1, config.warmupSamples());
        }
        double surprise = level.surprise(value);
        int worst = level.worstScale();
        double likelihood = likelihood(Math.min(surprise, MAX_SURPRISE));
        double low = level.mean(worst) - 3 * level.deviation(worst);
        double high = level.mean(worst) + 3 * level.deviation(worst);
        level.learn(value);
        // Monotone in the likelihood, 0.5 exactly at the alarm level, and never saturating to 1 so a
        // threshold chosen later can still tell a large surprise from an enormous one.
        double score = likelihood / (likelihood + config.alarmSurprise());
        boolean alarm = likelihood >= config.alarmSurprise();
        if (holdOff > 0) {
            // The last held sample waits for the likelihood to settle: baselines still catching up with a
            // level shift would otherwise raise a second alarm for the same incident.
            if (holdOff > 1 || config.rearmSurprise() == 0 || likelihood < config.rearmSurprise()) {
                holdOff--;
            }
            score = 0;
            alarm = false;
        } else if (alarm) {
            holdOff = config.holdOffSamples();
        }
        String reason = !alarm ? "no alarm: recent surprise within the series' usual"
                : String.format(Locale.ROOT, "%s; surprise %.1f digits, %.1f above its usual (baseline %s ± 3σ,"
                        + " half-life %.0f)", Outputs.number(value), surprise, likelihood,
                        Outputs.number(level.mean(worst)), config.halfLivesSamples()[worst]);
        return new DetectorOutput(kind(), score, alarm, value, low, high, reason);
    }

    /** -log10 of the chance that recent surprise is this far above the series' usual surprise. */
    private double likelihood(double surprise) {
        surpriseRecent += config.likelihoodAlpha() * (surprise - surpriseRecent);
        double z = (surpriseRecent - surpriseMean) / (Math.sqrt(surpriseVariance) + MIN_SURPRISE_SPREAD);
        double delta = surprise - surpriseMean;
        double a = config.historyAlpha();
        surpriseMean += a * delta;
        surpriseVariance = (1 - a) * (surpriseVariance + a * delta * delta);
        return z > 0 ? Tails.surprise(z) : 0;
    }

    @Override
    public int stateBytes() {
        return 16 + SurpriseBaselines.stateBytes() + 4 * 8 + 4;
    }
}
