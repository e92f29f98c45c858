package dev.firebreak.engine.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.notify.RateLimitConfig;
import dev.firebreak.engine.time.SimulationClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketTests {

    private final SimulationClock clock = new SimulationClock(Instant.parse("2025-11-10T14:24:00Z"));

    @Test
    void bucketStartsFullAndRefusesWhenEmpty() {
        TokenBucket bucket = new TokenBucket(new RateLimitConfig(3, Duration.ofMinutes(1)), clock);

        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isFalse();
        assertThat(bucket.untilNextPermit()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void refillIsEvenAndCappedAtTheBucketSize() {
        TokenBucket bucket = new TokenBucket(new RateLimitConfig(2, Duration.ofSeconds(10)), clock);
        bucket.tryAcquire();
        bucket.tryAcquire();

        clock.advance(Duration.ofSeconds(5));
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isFalse();
        clock.advance(Duration.ofHours(1));

        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isFalse();
    }
}
