package dev.firebreak.engine.detect.series;

/**
 * EWMA of the value with an EWMA of its absolute deviation; a sample is anomalous when it is more
 * than {@code threshold} typical deviations away from the smoothed value.
 *
 * @param alpha          smoothing factor, 0.01..0.5 (the seed recommends 0.1-0.3)
 * @param threshold      multiple of the typical deviation that counts as anomalous, 1..10
 * @param warmupSamples  samples to learn from before scoring, 2..10000
 */
public record EwmaConfig(double alpha, double threshold, int warmupSamples) {

    public static final double DEFAULT_ALPHA = 0.2;
    public static final double DEFAULT_THRESHOLD = 4.0;
    public static final int DEFAULT_WARMUP_SAMPLES = 30;

    public EwmaConfig {
        if (!(alpha >= 0.01 && alpha <= 0.5)) {
            throw new IllegalArgumentException("ewma alpha must be between 0.01 and 0.5, was " + alpha);
        }
        if (!(threshold >= 1 && threshold <= 10)) {
            throw new IllegalArgumentException("ewma threshold must be between 1 and 10 deviations, was " + threshold);
        }
        if (warmupSamples < 2 || warmupSamples > 10_000) {
            throw new IllegalArgumentException("ewma warmupSamples must be between 2 and 10000, was " + warmupSamples);
        }
    }

    public static EwmaConfig ofDefaults() {
        return new EwmaConfig(DEFAULT_ALPHA, DEFAULT_THRESHOLD, DEFAULT_WARMUP_SAMPLES);
    }
}
