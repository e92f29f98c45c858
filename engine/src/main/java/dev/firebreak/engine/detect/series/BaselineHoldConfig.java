package dev.firebreak.engine.detect.series;

/**
 * How the adaptive statistical detectors (rolling mean ± k·σ, EWMA, IQR) of one series hold their
 * baseline during an anomaly episode, so that a sustained fault stays anomalous instead of becoming the
 * new normal once their short windows fill with it (ADR 0011).
 *
 * <p>An episode starts when most of the series' adaptive detectors flag {@code openSamples} consecutive
 * samples (on the side of the band that counts, and not explained by a system-wide load move); from
 * then on they learn nothing. It ends
 * after {@code quietSamples} consecutive samples that none of them flags: learning resumes from the
 * held baseline. A level that stays away for {@code acceptAfterSeconds} is taken as a genuine, lasting
 * change (a deployment, a capacity change): the detectors start over and learn it as normal.
 *
 * @param openSamples         consecutive flagged samples that open an episode, 1..60 (a few, so that the
 *                            first seconds of a traffic burst, before the load context sees it, do not)
 * @param quietSamples        consecutive unflagged samples that end an episode, 1..3600
 * @param acceptAfterSeconds  episode length after which its level is accepted as the new normal,
 *                            60..604800 seconds (one minute to one week)
 */
public record BaselineHoldConfig(int openSamples, int quietSamples, long acceptAfterSeconds) {

    public static final int DEFAULT_OPEN_SAMPLES = 3;
    public static final int DEFAULT_QUIET_SAMPLES = 30;
    /** Half an hour: longer than a fault is left alone on a watched console, far shorter than a day. */
    public static final long DEFAULT_ACCEPT_AFTER_SECONDS = 1800;

    public BaselineHoldConfig {
        if (openSamples < 1 || openSamples > 60) {
            throw new IllegalArgumentException("hold openSamples must be between 1 and 60, was " + openSamples);
        }
        if (quietSamples < 1 || quietSamples > 3600) {
            throw new IllegalArgumentException("hold quietSamples must be between 1 and 3600, was " + quietSamples);
        }
        if (acceptAfterSeconds < 60 || acceptAfterSeconds > 604_800) {
            throw new IllegalArgumentException("hold acceptAfterSeconds must be between 60 and 604800, was "
                    + acceptAfterSeconds);
        }
    }

    public static BaselineHoldConfig ofDefaults() {
        return new BaselineHoldConfig(DEFAULT_OPEN_SAMPLES, DEFAULT_QUIET_SAMPLES, DEFAULT_ACCEPT_AFTER_SECONDS);
    }
}
