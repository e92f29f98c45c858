package dev.firebreak.engine.detect.series;

/**
 * Tukey fences on a sliding window: anomalous below Q1 - fence·IQR or above Q3 + fence·IQR.
 *
 * @param window samples in the window, 10..1000 (the detector learns until the window is full)
 * @param fence  multiple of the IQR beyond the quartiles, 0.5..10 (the seed's 1.5)
 */
public record IqrConfig(int window, double fence) {

    public static final int DEFAULT_WINDOW = 100;
    public static final double DEFAULT_FENCE = 1.5;

    public IqrConfig {
        if (window < 10 || window > 1000) {
            throw new IllegalArgumentException("iqr window must be between 10 and 1000 samples, was " + window);
        }
        if (!(fence >= 0.5 && fence <= 10)) {
            throw new IllegalArgumentException("iqr fence must be between 0.5 and 10, was " + fence);
        }
    }

    public static IqrConfig ofDefaults() {
        return new IqrConfig(DEFAULT_WINDOW, DEFAULT_FENCE);
    }
}
