package dev.firebreak.engine.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SimulationClockTests {

    private static final Instant START = Instant.parse("2026-11-02T00:00:00Z");

    @Test
    void timeMovesOnlyWhenAdvanced() {
        SimulationClock clock = new SimulationClock(START);

        clock.advance(Duration.ofSeconds(3));

        assertThat(clock.instant()).isEqualTo(START.plusSeconds(3));
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(3));
    }

    @Test
    void zonedViewFollowsTheSameTime() {
        SimulationClock clock = new SimulationClock(START);
        var paris = clock.withZone(ZoneId.of("Europe/Paris"));

        clock.advance(Duration.ofMinutes(1));

        assertThat(paris.instant()).isEqualTo(START.plusSeconds(60));
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void refusesToGoBackwards() {
        SimulationClock clock = new SimulationClock(START);

        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).hasMessageContaining("positive");
        assertThat(clock.instant()).isEqualTo(START);
    }
}
