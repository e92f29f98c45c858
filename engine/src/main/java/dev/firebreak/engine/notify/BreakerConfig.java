package dev.firebreak.engine.notify;

import java.time.Duration;

/**
 * The circuit breaker of one channel. A request fails, for the breaker, when no HTTP answer came (connection
 * refused, timeout) or the answer was a 5xx; any other answer, 4xx included, shows the endpoint is up and resets
 * the count. After {@code failureThreshold} failures in a row the breaker opens; once {@code coolDown} has passed
 * the next delivery is a trial that closes it again or reopens it.
 *
 * @param failureThreshold consecutive failed requests that open the breaker, 1..100
 * @param coolDown         how long it stays open before a trial, 1s..1h
 */
public record BreakerConfig(int failureThreshold, Duration coolDown) {

    public static final int DEFAULT_FAILURE_THRESHOLD = 5;
    public static final Duration DEFAULT_COOL_DOWN = Duration.ofMinutes(1);

    public BreakerConfig {
        Checks.between(failureThreshold, "breaker.failureThreshold", 1, 100);
        Checks.between(coolDown, "breaker.coolDown", Duration.ofSeconds(1), Duration.ofHours(1));
    }

    public static BreakerConfig ofDefaults() {
        return new BreakerConfig(DEFAULT_FAILURE_THRESHOLD, DEFAULT_COOL_DOWN);
    }
}
