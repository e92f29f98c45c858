package dev.firebreak.engine.notify.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one HTTP request came back with.
 *
 * @param kind       how to treat it
 * @param status     the HTTP status, empty when no answer came
 * @param reason     in plain words, not yet masked; empty when accepted
 * @param retryAfter the vendor's {@code Retry-After}, if it sent a readable one
 */
record AttemptResult(Kind kind, OptionalInt status, String reason, Optional<Duration> retryAfter) {

    enum Kind {
        /** 2xx. */
        ACCEPTED(false, false),
        /** Any other answer but 429 and 5xx: the request is at fault; retrying would not help. */
        REFUSED(false, false),
        /** 429: the vendor is pacing us; the endpoint is up. */
        THROTTLED(true, false),
        /** 5xx. */
        SERVER_ERROR(true, true),
        /** Connection refused or reset, timeout: no answer at all. */
        NO_ANSWER(true, true);

        final boolean retryable;
        /** Whether it counts against the circuit breaker. */
        final boolean endpointFailure;

        Kind(boolean retryable, boolean endpointFailure) {
            this.retryable = retryable;
            this.endpointFailure = endpointFailure;
        }
    }

    AttemptResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }
}
