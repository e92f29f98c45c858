package dev.firebreak.engine.notify;

import java.time.Duration;

/**
 * Retries of one delivery after a connection error, a timeout, a 5xx or a 429 (never after another 4xx). The
 * n-th retry waits {@code initialBackoff * multiplier^(n-1)}, capped at {@code maxBackoff}, then spread by
 * &plusmn;{@code jitter} (a fraction) so that channels recovering together do not retry in step. A
 * {@code Retry-After} from the vendor replaces the computed wait; one longer than {@code maxBackoff} ends the
 * delivery as failed rather than holding the channel's queue that long.
 *
 * @param maxAttempts    requests per delivery including the first, 1..10 (1: no retries)
 * @param initialBackoff wait before the first retry, 10ms..10m
 * @param multiplier     growth of the wait per retry, 1..10
 * @param maxBackoff     longest wait, from {@code initialBackoff} to 1h
 * @param jitter         spread of each wait as a fraction of it, 0..1
 */
public record RetryConfig(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
        double jitter) {

    public static final int DEFAULT_MAX_ATTEMPTS = 4;
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);
    public static final double DEFAULT_MULTIPLIER = 2.0;
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(2);
    public static final double DEFAULT_JITTER = 0.2;

    public RetryConfig {
        Checks.between(maxAttempts, "retry.maxAttempts", 1, 10);
        Checks.between(initialBackoff, "retry.initialBackoff", Duration.ofMillis(10), Duration.ofMinutes(10));
        Checks.between(multiplier, "retry.multiplier", 1, 10);
        Checks.between(maxBackoff, "retry.maxBackoff", initialBackoff, Duration.ofHours(1));
        Checks.between(jitter, "retry.jitter", 0, 1);
    }

    public static RetryConfig ofDefaults() {
        return new RetryConfig(DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_BACKOFF, DEFAULT_MULTIPLIER, DEFAULT_MAX_BACKOFF,
                DEFAULT_JITTER);
    }

    /** One attempt, no retries. */
    public static RetryConfig none() {
        return new RetryConfig(1, DEFAULT_INITIAL_BACKOFF, DEFAULT_MULTIPLIER, DEFAULT_MAX_BACKOFF, DEFAULT_JITTER);
    }
}
