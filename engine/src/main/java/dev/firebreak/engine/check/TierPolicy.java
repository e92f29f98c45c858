package dev.firebreak.engine.check;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a tier's checks run, how long one attempt may take and how many times a failed attempt
 * is retried before the check counts as failed.
 *
 * @param interval time between runs, positive
 * @param timeout  limit of one attempt, positive and shorter than the interval
 * @param retries  extra attempts after a failure, 0..10
 */
public record TierPolicy(Duration interval, Duration timeout, int retries) {

    public TierPolicy {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(interval) >= 0) {
            throw new IllegalArgumentException("timeout must be positive and shorter than the interval " + interval
                    + ", was " + timeout);
        }
        if (retries < 0 || retries > 10) {
            throw new IllegalArgumentException("retries must be in [0, 10], was " + retries);
        }
    }

    /**
     * The defaults per tier: shallow every 10 s, 1 s timeout, 3 retries; deep every 60 s, 5 s, 2 retries;
     * comprehensive every 15 min, 30 s, no retry (a failed flow alerts at once). The shallow timeout is
     * longer than a fast health endpoint needs because a JVM's first connection (DNS, TLS, class loading)
     * can take hundreds of milliseconds on a busy laptop, and a false failure costs a deep round.
     */
    public static TierPolicy defaults(CheckTier tier) {
        return switch (Objects.requireNonNull(tier, "tier")) {
            case SHALLOW -> new TierPolicy(Duration.ofSeconds(10), Duration.ofSeconds(1), 3);
            case DEEP -> new TierPolicy(Duration.ofSeconds(60), Duration.ofSeconds(5), 2);
            case COMPREHENSIVE -> new TierPolicy(Duration.ofMinutes(15), Duration.ofSeconds(30), 0);
        };
    }
}
