package dev.firebreak.engine.telemetry;

/**
 * How much history a {@link MetricStore} keeps.
 *
 * @param fullResolutionSeconds samples kept at 1 s resolution (default one hour)
 * @param bucketSeconds         width of one downsampled bucket (default 5 minutes)
 * @param downsampledBuckets    buckets kept in the downsampled tier (default 24 h worth)
 */
public record StoreRetention(int fullResolutionSeconds, int bucketSeconds, int downsampledBuckets) {

    public static final StoreRetention DEFAULT = new StoreRetention(3600, 300, 288);

    public StoreRetention {
        if (fullResolutionSeconds < 60) {
            throw new IllegalArgumentException("fullResolutionSeconds must be >= 60, was " + fullResolutionSeconds);
        }
        if (bucketSeconds < 2 || bucketSeconds > fullResolutionSeconds) {
            throw new IllegalArgumentException("bucketSeconds must be in [2, fullResolutionSeconds], was " + bucketSeconds);
        }
        if (downsampledBuckets < 1) {
            throw new IllegalArgumentException("downsampledBuckets must be >= 1, was " + downsampledBuckets);
        }
    }
}
