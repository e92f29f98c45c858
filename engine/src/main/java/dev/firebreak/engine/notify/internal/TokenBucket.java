package dev.firebreak.engine.notify.internal;

import dev.firebreak.engine.notify.RateLimitConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A token bucket on the injected clock: full at the start, holding at most {@code permits} tokens, refilled
 * evenly at {@code permits} per {@code per}. Counted exactly in whole numbers (a token is {@code per} in
 * milliseconds' worth of credit, each millisecond adds {@code permits} credit), so that 10 per minute means a
 * token every 6 s on the dot. Thread-safe.
 */
public final class TokenBucket {

    private final RateLimitConfig config;
    private final Clock clock;
    private final long tokenCost;
    private final long capacity;
    private long credit;
    private long lastRefill;

    public TokenBucket(RateLimitConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokenCost = config.per().toMillis();
        this.capacity = tokenCost * config.permits();
        this.credit = capacity;
        this.lastRefill = clock.millis();
    }

    /** Takes a token if one is there. */
    public synchronized boolean tryAcquire() {
        refill();
        if (credit >= tokenCost) {
            credit -= tokenCost;
            return true;
        }
        return false;
    }

    /** How long until the next token, zero if one is there now. */
    public synchronized Duration untilNextPermit() {
        refill();
        long missing = tokenCost - credit;
        return missing <= 0 ? Duration.ZERO : Duration.ofMillis(Math.ceilDiv(missing, config.permits()));
    }

    public RateLimitConfig config() {
        return config;
    }

    private void refill() {
        long now = clock.millis();
        if (now > lastRefill) {
            // one whole period refills the bucket from empty; capping there keeps the product in range
            long earned = Math.min(now - lastRefill, tokenCost) * config.permits();
            credit = Math.min(capacity, credit + earned);
            lastRefill = now;
        }
    }
}
