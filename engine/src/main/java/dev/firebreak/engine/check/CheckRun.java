package dev.firebreak.engine.check;

import java.time.Instant;
import java.util.Objects;

/**
 * One run of a health check, retries included.
 *
 * @param at       when it ended, on the scheduler's clock
 * @param result   the last attempt's result
 * @param attempts attempts made, 1..1 + the tier's retries
 */
public record CheckRun(Instant at, ProbeResult result, int attempts) {
    public CheckRun {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(result, "result");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1, was " + attempts);
        }
    }
}
