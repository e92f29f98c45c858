package dev.firebreak.engine.notify;

import java.time.Duration;

/**
 * A token bucket per channel: it holds at most {@code permits} tokens and refills {@code permits} per
 * {@code per}, evenly. A delivery takes one token before its first request (retries take none); with none left it
 * ends as {@link DeliveryStatus#DROPPED_RATE_LIMITED}. Slack allows about one message per second per webhook.
 *
 * @param permits bucket size and refill per period, 1..10000
 * @param per     refill period, 1s..1d
 */
public record RateLimitConfig(int permits, Duration per) {

    public static final int DEFAULT_PERMITS = 30;
    public static final Duration DEFAULT_PER = Duration.ofMinutes(1);

    public RateLimitConfig {
        Checks.between(permits, "rateLimit.permits", 1, 10_000);
        Checks.between(per, "rateLimit.per", Duration.ofSeconds(1), Duration.ofDays(1));
    }

    public static RateLimitConfig ofDefaults() {
        return new RateLimitConfig(DEFAULT_PERMITS, DEFAULT_PER);
    }
}
