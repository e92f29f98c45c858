package dev.firebreak.engine.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.engine.lifecycle.IllegalTransitionException;
import dev.firebreak.engine.notify.BreakerConfig;
import dev.firebreak.engine.notify.BreakerState;
import dev.firebreak.engine.time.SimulationClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CircuitBreakerTests {

    private final SimulationClock clock = new SimulationClock(Instant.parse("2025-11-10T14:24:00Z"));
    private final List<String> moves = new ArrayList<>();
    private final CircuitBreaker breaker = new CircuitBreaker(new BreakerConfig(3, Duration.ofSeconds(30)), clock,
            (from, to) -> moves.add(from + "->" + to));

    @Test
    void tableAllowsOnlyTheBreakerCycle() {
        assertThat(CircuitBreaker.TRANSITIONS.from(BreakerState.CLOSED)).containsExactly(BreakerState.OPEN);
        assertThat(CircuitBreaker.TRANSITIONS.from(BreakerState.OPEN)).containsExactly(BreakerState.HALF_OPEN);
        assertThat(CircuitBreaker.TRANSITIONS.from(BreakerState.HALF_OPEN))
                .containsExactly(BreakerState.CLOSED, BreakerState.OPEN);
        assertThatThrownBy(() -> CircuitBreaker.TRANSITIONS.check(BreakerState.CLOSED, BreakerState.HALF_OPEN))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("BreakerState: illegal transition from CLOSED to HALF_OPEN; from CLOSED only OPEN allowed");
    }

    @Test
    void opensAtTheThresholdOfConsecutiveFailures() {
        breaker.onFailure();
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);

        breaker.onFailure();

        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        assertThat(breaker.tryAcquire().allowed()).isFalse();
        assertThat(breaker.tryAcquire().openUntil()).isEqualTo(clock.instant().plusSeconds(30));
    }

    @Test
    void successInBetweenResetsTheCount() {
        breaker.onFailure();
        breaker.onFailure();
        breaker.onSuccess();
        breaker.onFailure();
        breaker.onFailure();

        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(breaker.consecutiveFailures()).isEqualTo(2);
    }

    @Test
    void halfOpensOnceTheCoolDownHasPassedAndTheTrialDecides() {
        breaker.onFailure();
        breaker.onFailure();
        breaker.onFailure();

        clock.advance(Duration.ofSeconds(29));
        assertThat(breaker.tryAcquire().allowed()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(breaker.tryAcquire().allowed()).isTrue();
        assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        clock.advance(Duration.ofSeconds(30));
        assertThat(breaker.tryAcquire().allowed()).isTrue();
        breaker.onSuccess();

        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(moves).containsExactly("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->OPEN", "OPEN->HALF_OPEN",
                "HALF_OPEN->CLOSED");
    }
}
