package dev.firebreak.engine.detect.series.internal;

/**
 * Turns a stream of surprises (decimal digits of improbability) into an alarm likelihood relative to the
 * series' own usual surprise, and holds repeated alarms back while one incident lasts. Shared by the
 * detectors that first measure surprise and then ask "is this more surprising than this series usually is?"
 * (Numenta's "anomaly likelihood" idea).
 */
final class AlarmLikelihood {

    private static final double MIN_SURPRISE_SPREAD = 1e-3;

    private final double likelihoodAlpha;
    private final double historyAlpha;
    private final double alarm;
    private final int holdOffSamples;
    private final double rearm;
    private double surpriseRecent;
    private double surpriseMean;
    private double surpriseVariance = 1;
    private int holdOff;
    private double last;

    AlarmLikelihood(double likelihoodAlpha, double historyAlpha, double alarm, int holdOffSamples, double rearm) {
        this.likelihoodAlpha = likelihoodAlpha;
        this.historyAlpha = historyAlpha;
        this.alarm = alarm;
        this.holdOffSamples = holdOffSamples;
        this.rearm = rearm;
    }

    /**
     * Learns one surprise and returns the score: {@code likelihood / (likelihood + alarm)}, monotone, 0.5 exactly
     * at the alarm level and never saturating to 1, so a threshold chosen later can still tell a large surprise
     * from an enormous one; 0 while held off after an alarm.
     */
    double score(double surprise) {
        return scoreLikelihood(learnLikelihood(surprise));
    }

    /** Learns one surprise and returns its likelihood in digits, without touching the hold-off. */
    double learnLikelihood(double surprise) {
        double likelihood = likelihood(surprise);
        last = likelihood;
        return likelihood;
    }

    /** The score of a likelihood (this one's or a larger one joined from elsewhere), applying the hold-off. */
    double scoreLikelihood(double likelihood) {
        last = likelihood;
        double score = likelihood / (likelihood + alarm);
        if (holdOff > 0) {
            // The last held sample waits for the likelihood to settle: baselines still catching up with a
            // level shift would otherwise raise a second alarm for the same incident.
            if (holdOff > 1 || rearm == 0 || likelihood < rearm) {
                holdOff--;
            }
            return 0;
        }
        if (likelihood >= alarm) {
            holdOff = holdOffSamples;
        }
        return score;
    }

    /** The likelihood of the last scored surprise, in digits. */
    double lastLikelihood() {
        return last;
    }

    /** -log10 of the chance that recent surprise is this far above the series' usual surprise. */
    private double likelihood(double surprise) {
        surpriseRecent += likelihoodAlpha * (surprise - surpriseRecent);
        double z = (surpriseRecent - surpriseMean) / (Math.sqrt(surpriseVariance) + MIN_SURPRISE_SPREAD);
        double delta = surprise - surpriseMean;
        double a = historyAlpha;
        surpriseMean += a * delta;
        surpriseVariance = (1 - a) * (surpriseVariance + a * delta * delta);
        return z > 0 ? Tails.surprise(z) : 0;
    }

    static int stateBytes() {
        return 16 + 5 * 8 + 3 * 8 + 2 * 4;
    }
}
