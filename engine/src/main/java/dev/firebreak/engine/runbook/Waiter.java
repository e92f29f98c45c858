package dev.firebreak.engine.runbook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits between retries and between a validation's polls, in the engine's time (simulated or real). */
@FunctionalInterface
public interface Waiter {

    void await(Duration duration) throws InterruptedException;

    /** Waits, but returns early once {@code stop} holds (an abort or a HALT must not wait out a long delay). */
    default void awaitUnless(Duration duration, BooleanSupplier stop) throws InterruptedException {
        await(duration);
    }

    /**
     * Waits until {@code clock} has moved on by the duration, checking every {@code poll} of real time; a paused
     * simulator holds the wait (its time stands still) until it plays again or the wait is stopped.
     */
    static Waiter following(Clock clock, Duration poll) {
        return new Waiter() {
            @Override
            public void await(Duration duration) throws InterruptedException {
                awaitUnless(duration, () -> false);
            }

            @Override
            public void awaitUnless(Duration duration, BooleanSupplier stop) throws InterruptedException {
                Instant until = clock.instant().plus(duration);
                while (clock.instant().isBefore(until) && !stop.getAsBoolean()) {
                    Thread.sleep(poll.toMillis());
                }
            }
        };
    }
}
