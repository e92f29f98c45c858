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
 * score is held at zero for a while, because one alarm per incident is what an operator wants.
 */
public final class MultiScaleDetector implements SeriesDetector {

    private static final int SCALES = 4;
    private static final double MAX_SURPRISE = 20;
    private static final double MIN_SURPRISE_SPREAD = 1e-3;

    private final MultiScaleConfig config;
    private final double[] alpha = new double[SCALES];
    private final double[] mean = new double[SCALES];
    private final double[] variance = new double[SCALES];
    private final double shortFactor;
    private double recent;
    private double surpriseRecent;
    private double surpriseMean;
    private double surpriseVariance = 1;
    private long seen;
    private int holdOff;

    public MultiScaleDetector(MultiScaleConfig config) {
        this.config = config;
        double[] halfLives = config.halfLivesSamples();
        for (int k = 0; k < SCALES; k++) {
            alpha[k] = 1 - Math.pow(0.5, 1 / halfLives[k]);
        }
        // Standard deviation of an EWMA of independent samples, relative to one sample's.
        this.shortFactor = Math.sqrt(config.shortAlpha() / (2 - config.shortAlpha()));
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
        if (seen < config.warmupSamples()) {
            learnBaselines(value);
            return Outputs.learning(kind(), value, (int) Math.min(seen - 1, Integer.MAX_VALUE), config.warmupSamples());
        }
        double newRecent = recent + config.shortAlpha() * (value - recent);
        double surprise = 0;
        int worst = 0;
        for (int k = 0; k < SCALES; k++) {
            double sigma = Scores.floorScale(Math.sqrt(variance[k]), mean[k]);
            double spike = Tails.surprise((value - mean[k]) / sigma);
            double shift = Tails.surprise((newRecent - mean[k]) / (sigma * shortFactor));
            double s = Math.max(spike, shift);
            if (s > surprise) {
                surprise = s;
                worst = k;
            }
        }
        double likelihood = likelihood(Math.min(surprise, MAX_SURPRISE));
        double low = mean[worst] - 3 * Math.sqrt(variance[worst]);
        double high = mean[worst] + 3 * Math.sqrt(variance[worst]);
        learnBaselines(value);
        // Monotone in the likelihood, 0.5 exactly at the alarm level, and never saturating to 1 so a
        // threshold chosen later can still tell a large surprise from an enormous one.
        double score = likelihood / (likelihood + config.alarmSurprise());
        boolean alarm = likelihood >= config.alarmSurprise();
        if (holdOff > 0) {
            holdOff--;
            score = 0;
            alarm = false;
        } else if (alarm) {
            holdOff = config.holdOffSamples();
        }
        String reason = String.format(Locale.ROOT, "%s; surprise %.1f digits, %.1f above its usual (baseline %s ± 3σ, half-life %.0f)",
                Outputs.number(value), surprise, likelihood, Outputs.number(mean[worst]),
                config.halfLivesSamples()[worst]);
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

    private void learnBaselines(double value) {
        if (seen == 0) {
            for (int k = 0; k < SCALES; k++) {
                mean[k] = value;
            }
            recent = value;
        } else {
            for (int k = 0; k < SCALES; k++) {
                // A plain average while young, so early baselines are not stuck on the first sample.
                double a = Math.max(alpha[k], 1.0 / (seen + 1));
                double d = value - mean[k];
                mean[k] += a * d;
                variance[k] = (1 - a) * (variance[k] + a * d * d);
            }
            recent += config.shortAlpha() * (value - recent);
        }
        seen++;
    }

    @Override
    public int stateBytes() {
        return 16 + 3 * (16 + 8 * SCALES) + 8 * 8 + 4;
    }
}
