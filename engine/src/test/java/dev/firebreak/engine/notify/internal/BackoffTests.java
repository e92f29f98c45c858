package dev.firebreak.engine.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.notify.RetryConfig;
import dev.firebreak.engine.time.SimulationClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTests {

    private static final RandomGenerator MIDDLE = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public double nextDouble() {
            return 0.5;
        }
    };

    @Test
    void delayGrowsExponentiallyUpToTheCap() {
        RetryConfig config = new RetryConfig(10, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10), 0.3);

        assertThat(Backoff.delay(config, 1, MIDDLE)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Backoff.delay(config, 2, MIDDLE)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Backoff.delay(config, 3, MIDDLE)).isEqualTo(Duration.ofSeconds(4));
        assertThat(Backoff.delay(config, 4, MIDDLE)).isEqualTo(Duration.ofSeconds(8));
        assertThat(Backoff.delay(config, 5, MIDDLE)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Backoff.delay(config, 9, MIDDLE)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void jitterSpreadsEachDelayWithinItsFractionAndNeverBeyondTheCap() {
        RetryConfig config = new RetryConfig(10, Duration.ofSeconds(4), 2.0, Duration.ofSeconds(10), 0.25);
        Random random = new Random(11);

        for (int i = 0; i < 1000; i++) {
            assertThat(Backoff.delay(config, 1, random)).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(5));
            assertThat(Backoff.delay(config, 3, random)).isBetween(Duration.ofMillis(7500), Duration.ofSeconds(10));
        }
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        SimulationClock clock = new SimulationClock(Instant.parse("2025-11-10T14:24:00Z"));

        assertThat(Backoff.retryAfter("120", clock)).hasValue(Duration.ofMinutes(2));
        assertThat(Backoff.retryAfter("Mon, 10 Nov 2025 14:24:30 GMT", clock)).hasValue(Duration.ofSeconds(30));
        assertThat(Backoff.retryAfter("Mon, 10 Nov 2025 14:00:00 GMT", clock)).hasValue(Duration.ZERO);
        assertThat(Backoff.retryAfter("soon", clock)).isEmpty();
        assertThat(Backoff.retryAfter(null, clock)).isEmpty();
    }
}
