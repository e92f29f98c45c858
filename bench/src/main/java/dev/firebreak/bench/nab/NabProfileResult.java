package dev.firebreak.bench.nab;

/**
 * A detector's NAB result under one profile.
 *
 * @param threshold        the chosen threshold; {@code +Infinity} when detecting nothing scores best
 * @param raw              the raw total at that threshold
 * @param nullScore        what the detector that never fires scores: {@code -A_FN * windows}
 * @param perfect          what a detector firing exactly at each window's first row scores: {@code A_TP * windows}
 * @param detectedWindows  windows with at least one detection (true positives)
 * @param missedWindows    windows without one (false negatives)
 * @param falsePositives   detected rows outside every window
 */
public record NabProfileResult(NabProfile profile, double threshold, double raw, double nullScore, double perfect,
        int detectedWindows, int missedWindows, int falsePositives) {

    /** {@code 100 * (raw - null) / (perfect - null)}: 0 for the null detector, 100 for a perfect one. */
    public double normalised() {
        return 100 * (raw - nullScore) / (perfect - nullScore);
    }

    public boolean detectsNothing() {
        return Double.isInfinite(threshold);
    }
}
