package dev.firebreak.engine.detect.internal;

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
    private int held;
    private long count;
    private double fatigue;
    private boolean above;
    private final boolean xAvgVar = Double.parseDouble(System.getProperty("nab.x.avgvar", "0")) != 0;
    private double peak;
    private final double xPf = Double.parseDouble(System.getProperty("nab.x.pf", "0"));
    private final double xPh = Double.parseDouble(System.getProperty("nab.x.ph", "2000"));
    private final double xFk = Double.parseDouble(System.getProperty("nab.x.fk", "0"));
    private final double xFh = Double.parseDouble(System.getProperty("nab.x.fh", "2000"));
    private final double xFlevel = Double.parseDouble(System.getProperty("nab.x.flevel", "1"));
    private double last;
    private final double xYoung = Double.parseDouble(System.getProperty("nab.x.young", "0"));
    private final int xMaxHold = (int) Double.parseDouble(System.getProperty("nab.x.maxhold", "0"));

    AlarmLikelihood(double likelihoodAlpha, double historyAlpha, double alarm, int holdOffSamples, double rearm) {
        this.likelihoodAlpha = likelihoodAlpha;
        this.historyAlpha = historyAlpha;
        this.alarm = alarm;
        this.holdOffSamples = holdOffSamples;
        this.rearm = rearm;
        this.surpriseVariance = Double.parseDouble(System.getProperty("nab.x.v0", "1"));
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
        double fatigueBefore = fatigue;
        if (xFk > 0) {
            fatigue *= Math.pow(0.5, 1 / xFh);
            boolean nowAbove = likelihood >= xFlevel * alarm;
            if (nowAbove && !above) {
                fatigue += 1;
            }
            above = nowAbove;
        }
        if (holdOff > 0) {
            // The last held sample waits for the likelihood to settle: baselines still catching up with a
            // level shift would otherwise raise a second alarm for the same incident.
            held++;
            if (holdOff > 1 || rearm == 0 || likelihood < rearm || (xMaxHold > 0 && held >= xMaxHold)) {
                holdOff--;
            }
            return 0;
        }
        if (likelihood >= alarm) {
            holdOff = holdOffSamples;
            held = 0;
            if (xFk > 0) {
                return 0.5 + (score - 0.5) / (1 + xFk * fatigueBefore);
            }
        }
        return score;
    }

    /** The likelihood of the last scored surprise, in digits. */
    double lastLikelihood() {
        return last;
    }

    /** -log10 of the chance that recent surprise is this far above the series' usual surprise. */
    private double likelihood(double surprise) {
        double z;
        surpriseRecent += likelihoodAlpha * (surprise - surpriseRecent);
        z = (surpriseRecent - surpriseMean) / (Math.sqrt(surpriseVariance) + MIN_SURPRISE_SPREAD);
        if (xPf > 0) {
            double before = peak;
            peak = Math.max(peak * Math.pow(0.5, 1 / xPh), surpriseRecent);
            if (surpriseRecent < xPf * before) {
                z = Math.min(z, 0);
            }
        }
        double delta = (xAvgVar ? surpriseRecent : surprise) - surpriseMean;
        count++;
        double a = xYoung > 0 ? Math.max(historyAlpha, 1.0 / (count + xYoung)) : historyAlpha;
        surpriseMean += a * delta;
        surpriseVariance = (1 - a) * (surpriseVariance + a * delta * delta);
        return z > 0 ? Tails.surprise(z) : 0;
    }

    static int stateBytes() {
        return 16 + 5 * 8 + 3 * 8 + 2 * 4;
    }
}
