package dev.firebreak.engine.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StoreRetentionTests {

    @Test
    void defaultKeepsOneHourAtFullResolutionAndOneDayDownsampled() {
        StoreRetention retention = StoreRetention.DEFAULT;

        assertThat(retention.fullResolutionSeconds()).isEqualTo(3600);
        assertThat(retention.bucketSeconds() * retention.downsampledBuckets()).isEqualTo(24 * 3600);
    }

    @Test
    void rejectsFullResolutionShorterThanAMinute() {
        assertThatThrownBy(() -> new StoreRetention(59, 10, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fullResolutionSeconds")
                .hasMessageContaining("59");
    }

    @Test
    void rejectsBucketsShorterThanTwoSeconds() {
        assertThatThrownBy(() -> new StoreRetention(60, 1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bucketSeconds");
    }

    @Test
    void rejectsBucketsWiderThanFullResolution() {
        assertThatThrownBy(() -> new StoreRetention(60, 61, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bucketSeconds")
                .hasMessageContaining("61");
    }

    @Test
    void rejectsZeroDownsampledBuckets() {
        assertThatThrownBy(() -> new StoreRetention(60, 10, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("downsampledBuckets");
    }
}
