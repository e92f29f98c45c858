package dev.firebreak.engine.detect.ml;

/**
 * When the shipped ML detectors count as evidence (ADR 0012). A model flags its own training window's
 * {@code thresholdPercentile} by construction, so its raw "fired" would page on ordinary noise; a vector
 * only counts when its score is well beyond that extreme, for several vectors in a row. Until then the ML
 * family abstains (no opinion) instead of scoring "normal", so it never dilutes the other families.
 *
 * @param margin       how far beyond the model's threshold a vector must lie, in units of
 *                     (threshold - median of the training scores); 0 means at the threshold
 *                     (default {@value #DEFAULT_MARGIN})
 * @param persistTicks consecutive vectors beyond the margin before the ML output counts
 *                     (default {@value #DEFAULT_PERSIST_TICKS})
 */
public record MlConfirmationConfig(double margin, int persistTicks) {

    public static final double DEFAULT_MARGIN = 1.0;
    public static final int DEFAULT_PERSIST_TICKS = 5;

    /** @throws IllegalArgumentException naming the setting out of range */
    public MlConfirmationConfig {
        if (!(margin >= 0 && margin <= 20)) {
            throw new IllegalArgumentException("margin must be between 0 and 20, was " + margin);
        }
        if (persistTicks < 1 || persistTicks > 600) {
            throw new IllegalArgumentException("persistTicks must be between 1 and 600, was " + persistTicks);
        }
    }

    public static MlConfirmationConfig ofDefaults() {
        return new MlConfirmationConfig(DEFAULT_MARGIN, DEFAULT_PERSIST_TICKS);
    }

    /**
     * The detector score a vector must exceed: the calibrated score is 0.5 at the threshold and
     * 1 - 0.5 * 2^(-u) at u thresholds' worth beyond it.
     */
    public double scoreBar() {
        return 1 - 0.5 * Math.pow(2, -margin);
    }
}
