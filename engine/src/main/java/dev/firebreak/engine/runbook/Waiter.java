package dev.firebreak.engine.runbook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Waits between retries and between a validation's polls, in the engine's time (simulated or real). */
@FunctionalInterface
public interface Waiter {

    void await(Duration duration) throws InterruptedException;

    /** Waits until {@code clock} has moved on by the duration, checking every {@code poll} of real time. */
    static Waiter following(Clock clock, Duration poll) {
        return duration -> {
            Instant until = clock.instant().plus(duration);
            while (clock.instant().isBefore(until)) {
                Thread.sleep(poll.toMillis());
            }
        };
    }
}
