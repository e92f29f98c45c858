package dev.firebreak.engine.notify.internal;

import dev.firebreak.engine.lifecycle.StateMachine;
import dev.firebreak.engine.lifecycle.Transitions;
import dev.firebreak.engine.notify.BreakerConfig;
import dev.firebreak.engine.notify.BreakerState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The circuit breaker of one channel, on the injected clock. CLOSED counts consecutive failed requests and
 * opens at the threshold; OPEN refuses until the cool-down has passed, then the next request moves it to
 * HALF_OPEN as a trial; the trial's success closes it, its failure reopens it for another cool-down. The move
 * out of OPEN happens when someone asks ({@link #tryAcquire()}, {@link #state()}), not on a timer. Thread-safe.
 */
public final class CircuitBreaker {

    /** Every legal move; anything else is a bug and throws. */
    public static final Transitions<BreakerState> TRANSITIONS = Transitions.of(BreakerState.class)
            .allow(BreakerState.CLOSED, BreakerState.OPEN)
            .allow(BreakerState.OPEN, BreakerState.HALF_OPEN)
            .allow(BreakerState.HALF_OPEN, BreakerState.CLOSED, BreakerState.OPEN)
            .build();

    /** Whether a request may go out now, and if not, until when the breaker stays open. */
    public record Permit(boolean allowed, Instant openUntil) {
    }

    private final BreakerConfig config;
    private final Clock clock;
    private final StateMachine<BreakerState> machine;
    private int consecutiveFailures;
    private Instant openedAt = Instant.EPOCH;

    public CircuitBreaker(BreakerConfig config, Clock clock, StateMachine.Listener<BreakerState> listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.machine = new StateMachine<>(TRANSITIONS, BreakerState.CLOSED, listener);
    }

    /** Asks to send one request; in HALF_OPEN the request is the trial. */
    public synchronized Permit tryAcquire() {
        BreakerState state = state();
        return new Permit(state != BreakerState.OPEN, openedAt.plus(config.coolDown()));
    }

    /** The endpoint answered with something other than a 5xx. */
    public synchronized void onSuccess() {
        consecutiveFailures = 0;
        if (machine.state() == BreakerState.HALF_OPEN) {
            machine.moveTo(BreakerState.CLOSED);
        }
    }

    /** No answer (connection refused, timeout) or a 5xx. */
    public synchronized void onFailure() {
        consecutiveFailures++;
        BreakerState state = machine.state();
        if (state == BreakerState.HALF_OPEN
                || (state == BreakerState.CLOSED && consecutiveFailures >= config.failureThreshold())) {
            openedAt = clock.instant();
            machine.moveTo(BreakerState.OPEN);
        }
    }

    /** The state now: an open breaker whose cool-down has passed is half-open. */
    public synchronized BreakerState state() {
        if (machine.state() == BreakerState.OPEN
                && !clock.instant().isBefore(openedAt.plus(config.coolDown()))) {
            machine.moveTo(BreakerState.HALF_OPEN);
        }
        return machine.state();
    }

    public synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    public Duration coolDown() {
        return config.coolDown();
    }

    public BreakerConfig config() {
        return config;
    }
}
