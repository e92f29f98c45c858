package dev.firebreak.engine.detect.internal;

import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.MultiScaleConfig;
import dev.firebreak.engine.detect.SeriesDetector;
import java.util.Arrays;
import java.util.Locale;

/**
 * Scale-free surprise over four time scales, made relative to the series' own history of surprise.
 *
 * <p>Step 1: for each baseline (EW mean and variance) the sample and the recent level are turned into
 * z-scores; the largest two-sided tail probability becomes a surprise in decimal digits
 * (-log10 p). The same is done for the change since the same time the day before, once the sampling
 * interval (read from the timestamps) makes a day short enough to keep, so a daily rhythm that changes
 * shape is seen even when every value stays in its usual range. Step 2, the "anomaly likelihood" idea:
 * a series that is often surprising is less alarming when it is surprising again, so the smoothed
 * recent surprise is compared with the long-run mean and spread of surprise, and that tail probability
 * is the output. Step 3: after an alarm the score is held at zero for a while, because one alarm per
 * incident is what an operator wants.
 */
public final class MultiScaleDetector implements SeriesDetector {

    private static final double MAX_SURPRISE = 20;
    private static final double MIN_SURPRISE_SPREAD = 1e-3;
    private static final int STEPS_FOR_INTERVAL = 15;
    private static final long DAY_SECONDS = 86_400;

    private final MultiScaleConfig config;
    private final SurpriseBaselines level;
    private final SurpriseBaselines daily;
    private final long[] steps = new long[STEPS_FOR_INTERVAL];
    private int stepCount;
    private long lastEpoch = Long.MIN_VALUE;
    private float[] day;
    private int dayFill;
    private int dayNext;
    private double surpriseRecent;
    private double surpriseMean;
    private double surpriseVariance = 1;
    private int holdOff;
    private final double peakDecay;
    private double peak;

    public MultiScaleDetector(MultiScaleConfig config) {
        this.config = config;
        this.level = new SurpriseBaselines(config.halfLivesSamples(), config.shortAlpha(), config.clipSigmas());
        this.daily = new SurpriseBaselines(config.halfLivesSamples(), config.shortAlpha(), config.clipSigmas());
        this.peakDecay = config.peakHalfLifeSamples() > 0 ? Math.pow(0.5, 1 / config.peakHalfLifeSamples()) : 0;
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
        learnInterval(epochSecond);
        double change = dayChange(value);
        if (level.seen() < config.warmupSamples()) {
            level.learn(value);
            learnDaily(change);
            return Outputs.learning(kind(), value, (int) level.seen() - 1, config.warmupSamples());
        }
        double surprise = level.surprise(value);
        int worst = level.worstScale();
        boolean dailyWorse = false;
        if (daily.seen() >= config.warmupSamples()) {
            double dailySurprise = daily.surprise(change);
            if (dailySurprise > surprise) {
                surprise = dailySurprise;
                dailyWorse = true;
            }
        }
        double likelihood = likelihood(Math.min(surprise, MAX_SURPRISE));
        double low = level.mean(worst) - 3 * level.deviation(worst);
        double high = level.mean(worst) + 3 * level.deviation(worst);
        level.learn(value);
        learnDaily(change);
        // Monotone in the likelihood, 0.5 exactly at the alarm level, and never saturating to 1 so a
        // threshold chosen later can still tell a large surprise from an enormous one.
        double score = likelihood / (likelihood + config.alarmSurprise());
        boolean alarm = likelihood >= config.alarmSurprise();
        if (peakDecay > 0) {
            peak *= peakDecay;
            if (likelihood > peak) {
                peak = likelihood;
            } else {
                score = 0;
                alarm = false;
            }
        }
        if (holdOff > 0) {
            holdOff--;
            score = 0;
            alarm = false;
        } else if (alarm) {
            holdOff = config.holdOffSamples();
        }
        String reason = !alarm ? "no alarm: recent surprise within the series' usual"
                : String.format(Locale.ROOT, "%s; surprise %.1f digits, %.1f above its usual (%s, baseline %s ± 3σ,"
                        + " half-life %.0f)", Outputs.number(value), surprise, likelihood,
                        dailyWorse ? "change since a day earlier" : "value", Outputs.number(level.mean(worst)),
                        config.halfLivesSamples()[worst]);
        return new DetectorOutput(kind(), score, alarm, value, low, high, reason);
    }

    /** Sampling interval = median of the first steps; once known, sizes the day kept for the daily change. */
    private void learnInterval(long epochSecond) {
        if (lastEpoch != Long.MIN_VALUE && stepCount < STEPS_FOR_INTERVAL && epochSecond > lastEpoch) {
            steps[stepCount++] = epochSecond - lastEpoch;
            if (stepCount == STEPS_FOR_INTERVAL && config.maxSeasonSamples() > 0) {
                long[] sorted = steps.clone();
                Arrays.sort(sorted);
                long samplesPerDay = Math.round((double) DAY_SECONDS / sorted[STEPS_FOR_INTERVAL / 2]);
                if (samplesPerDay >= 2 && samplesPerDay <= config.maxSeasonSamples()) {
                    day = new float[(int) samplesPerDay];
                }
            }
        }
        lastEpoch = epochSecond;
    }

    /** The value minus the value one day of samples ago, or NaN until a day has been seen. */
    private double dayChange(double value) {
        if (day == null) {
            return Double.NaN;
        }
        double change = dayFill == day.length ? value - day[dayNext] : Double.NaN;
        day[dayNext] = (float) value;
        dayNext = (dayNext + 1) % day.length;
        dayFill = Math.min(dayFill + 1, day.length);
        return change;
    }

    private void learnDaily(double change) {
        if (!Double.isNaN(change)) {
            daily.learn(change);
        }
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
        int dayBytes = day == null ? 0 : 16 + 4 * day.length;
        return 16 + 2 * SurpriseBaselines.stateBytes() + (16 + 8 * STEPS_FOR_INTERVAL) + dayBytes + 10 * 8;
    }
}
