package dev.firebreak.engine.detect.series;

/**
 * Rolling mean ± k·σ over the last {@code window} samples.
 *
 * @param window samples in the window, 10..1000 (the detector learns until the window is full)
 * @param k      how many standard deviations from the mean count as anomalous, 0.5..10
 */
public record RollingZScoreConfig(int window, double k) {

    public static final int DEFAULT_WINDOW = 100;
    public static final double DEFAULT_K = 3.0;

    public RollingZScoreConfig {
        if (window < 10 || window > 1000) {
            throw new IllegalArgumentException("rolling window must be between 10 and 1000 samples, was " + window);
        }
        if (!(k >= 0.5 && k <= 10)) {
            throw new IllegalArgumentException("rolling k must be between 0.5 and 10, was " + k);
        }
    }

    public static RollingZScoreConfig ofDefaults() {
        return new RollingZScoreConfig(DEFAULT_WINDOW, DEFAULT_K);
    }
}
