package dev.firebreak.engine.detect.series;

/**
 * Expected range per hour-of-week slot (hour of day x day of week, UTC), learned as streaming
 * quantiles of the samples that fell into the same slot in earlier weeks.
 *
 * @param lowQuantile       lower edge of the expected range, 0.01..0.25 (the seed's 5th percentile)
 * @param highQuantile      upper edge, 0.75..0.99 (the seed's 95th percentile)
 * @param tolerance         how far beyond the band, as a fraction of its width, a sample may go before the
 *                          detector fires, 0..5; without it 10 % of normal samples would fire by definition
 * @param minSamplesPerSlot samples a slot must have seen before it scores, 1..100000
 */
public record SeasonalBandConfig(double lowQuantile, double highQuantile, double tolerance, int minSamplesPerSlot) {

    public static final double DEFAULT_LOW_QUANTILE = 0.05;
    public static final double DEFAULT_HIGH_QUANTILE = 0.95;
    public static final double DEFAULT_TOLERANCE = 0.5;
    public static final int DEFAULT_MIN_SAMPLES_PER_SLOT = 30;

    public SeasonalBandConfig {
        if (!(lowQuantile >= 0.01 && lowQuantile <= 0.25)) {
            throw new IllegalArgumentException("seasonal lowQuantile must be between 0.01 and 0.25, was " + lowQuantile);
        }
        if (!(highQuantile >= 0.75 && highQuantile <= 0.99)) {
            throw new IllegalArgumentException("seasonal highQuantile must be between 0.75 and 0.99, was " + highQuantile);
        }
        if (!(tolerance >= 0 && tolerance <= 5)) {
            throw new IllegalArgumentException("seasonal tolerance must be between 0 and 5 band widths, was " + tolerance);
        }
        if (minSamplesPerSlot < 1 || minSamplesPerSlot > 100_000) {
            throw new IllegalArgumentException("seasonal minSamplesPerSlot must be between 1 and 100000, was "
                    + minSamplesPerSlot);
        }
    }

    public static SeasonalBandConfig ofDefaults() {
        return new SeasonalBandConfig(DEFAULT_LOW_QUANTILE, DEFAULT_HIGH_QUANTILE, DEFAULT_TOLERANCE,
                DEFAULT_MIN_SAMPLES_PER_SLOT);
    }
}
