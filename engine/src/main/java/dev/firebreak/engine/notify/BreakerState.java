package dev.firebreak.engine.notify;

/**
 * The circuit breaker of one channel. CLOSED lets deliveries through; OPEN skips them until the cool-down
 * has passed; HALF_OPEN lets one trial delivery through, whose result closes or reopens the breaker.
 */
public enum BreakerState {
    CLOSED, OPEN, HALF_OPEN
}
