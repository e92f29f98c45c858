package dev.firebreak.engine.notify.internal;

import dev.firebreak.engine.notify.RateLimitConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A token bucket on the injected clock: full at the start, holding at most {@code permits} tokens, refilled
 * evenly at {@code permits} per {@code per}. Thread-safe.
 */
public final class TokenBucket {

    private final RateLimitConfig config;
    private final Clock clock;
    private final double tokensPerMilli;
    private double tokens;
    private long lastRefill;

    public TokenBucket(RateLimitConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokensPerMilli = (double) config.permits() / config.per().toMillis();
        this.tokens = config.permits();
        this.lastRefill = clock.millis();
    }

    /** Takes a token if one is there. */
    public synchronized boolean tryAcquire() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** How long until the next token, zero if one is there now. */
    public synchronized Duration untilNextPermit() {
        refill();
        return tokens >= 1 ? Duration.ZERO : Duration.ofMillis((long) Math.ceil((1 - tokens) / tokensPerMilli));
    }

    public RateLimitConfig config() {
        return config;
    }

    private void refill() {
        long now = clock.millis();
        if (now > lastRefill) {
            tokens = Math.min(config.permits(), tokens + (now - lastRefill) * tokensPerMilli);
            lastRefill = now;
        }
    }
}
