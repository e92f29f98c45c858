package dev.firebreak.engine.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HealthStateTests {

    @Test
    void everyStateIsFoundBackFromItsSeverity() {
        for (HealthState state : HealthState.values()) {
            assertThat(HealthState.ofSeverity(state.severity())).isEqualTo(state);
        }
    }

    @Test
    void severityOutsideTheScaleIsRefusedNamingIt() {
        assertThatThrownBy(() -> HealthState.ofSeverity(5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was 5");
    }
}
