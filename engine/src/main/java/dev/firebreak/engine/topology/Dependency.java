package dev.firebreak.engine.topology;

import java.time.Duration;
import java.util.Objects;

/**
 * The caller sends requests to the callee.
 *
 * @param callerId        who calls
 * @param calleeId        who is called
 * @param callsPerRequest callee requests per caller request (fan-out), positive
 * @param timeout         how long the caller waits before giving up
 * @param required        if false the caller degrades gracefully when the callee fails instead of failing
 */
public record Dependency(String callerId, String calleeId, double callsPerRequest, Duration timeout, boolean required) {
    public Dependency {
        Objects.requireNonNull(callerId, "callerId");
        Objects.requireNonNull(calleeId, "calleeId");
        if (callerId.equals(calleeId)) {
            throw new IllegalArgumentException("a component cannot depend on itself: " + callerId);
        }
        if (!(callsPerRequest > 0) || Double.isInfinite(callsPerRequest)) {
            throw new IllegalArgumentException("callsPerRequest must be a positive number, was " + callsPerRequest);
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }
}
