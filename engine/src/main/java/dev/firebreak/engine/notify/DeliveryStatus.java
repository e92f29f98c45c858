package dev.firebreak.engine.notify;

/** How one delivery of a notification to one channel ended. Every routed delivery ends in exactly one. */
public enum DeliveryStatus {
    /** The vendor accepted it (2xx). */
    DELIVERED,
    /** Refused (4xx other than 429), or still failing after the last retry; the reason says which. */
    FAILED,
    /** The channel's queue was full when it was submitted. */
    DROPPED_QUEUE_FULL,
    /** The channel's rate limit had no permit left. */
    DROPPED_RATE_LIMITED,
    /** The channel's circuit breaker was open. */
    SKIPPED_BREAKER_OPEN,
    /** The dispatcher was closed before the delivery ended. */
    DROPPED_SHUTDOWN
}
