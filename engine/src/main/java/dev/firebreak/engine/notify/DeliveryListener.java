package dev.firebreak.engine.notify;

import java.time.Instant;

/**
 * Told how each delivery ended, and when a channel's circuit breaker moves. Called on the dispatcher's own
 * outcome thread, one call at a time and never on the thread that submitted, so it need not be thread-safe;
 * it must return quickly (hand the outcome to the incident's owner thread). An exception it throws is logged
 * and does not stop later outcomes.
 */
@FunctionalInterface
public interface DeliveryListener {

    /** Exactly once for every channel {@link NotificationDispatcher#submit} routed a notification to. */
    void outcome(DeliveryOutcome outcome);

    /** A channel's breaker moved; by default ignored. */
    default void breakerMoved(String channel, BreakerState from, BreakerState to, Instant at) {
    }
}
