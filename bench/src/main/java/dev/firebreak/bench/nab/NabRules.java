package dev.firebreak.bench.nab;

/**
 * The scoring rules of NAB v1.1 as ../shared/benchmarks/README.md states them: probationary length,
 * the scaled sigmoid and the value of one detected row inside or after a window.
 */
public final class NabRules {

    /** Share of each file that is probationary, and the cap on its length in rows. */
    static final double PROBATIONARY_FRACTION = 0.15;
    static final int PROBATIONARY_CAP = 750;

    private NabRules() {
    }

    /** {@code min(floor(0.15 n), 750)}: the leading rows of a file that are never scored. */
    public static int probationaryLength(int rows) {
        return (int) Math.min(Math.floor(PROBATIONARY_FRACTION * rows), PROBATIONARY_CAP);
    }

    /** {@code 2/(1+e^(5x)) - 1}, and exactly -1 beyond three window widths. */
    public static double scaledSigmoid(double x) {
        if (x > 3) {
            return -1;
        }
        return 2 / (1 + Math.exp(5 * x)) - 1;
    }

    /**
     * Unweighted value of a detection at row {@code i} of a window ending at row {@code end} that is
     * {@code width} rows wide: 1 at the window's first row, falling towards 0 at its last.
     */
    public static double insideWindow(int i, int end, int width) {
        return scaledSigmoid(-(double) (end - i + 1) / width) / scaledSigmoid(-1);
    }

    /**
     * Unweighted (negative) value of a detection at row {@code i} after the nearest earlier window,
     * which ended at row {@code end} and was {@code width} rows wide: near misses cost less.
     */
    public static double afterWindow(int i, int end, int width) {
        return scaledSigmoid((double) (i - end) / (width - 1));
    }

    /** Unweighted value of a detection before any window: the full false-positive cost. */
    public static double beforeAnyWindow() {
        return -1;
    }
}
