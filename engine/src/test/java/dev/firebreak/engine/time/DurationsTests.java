package dev.firebreak.engine.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTests {

    @Test
    void parsesSingleAndCombinedUnits() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse(" 1.5d ")).isEqualTo(Duration.ofHours(36));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "m5", "5x", "-5m", "0s", "5m garbage"})
    void rejectsTextThatIsNotAPositiveDuration(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void formatIsTheInverseOfParse() {
        for (String text : new String[] {"1h30m", "1m30s", "250ms", "2d", "1d1h1m1s1ms"}) {
            assertThat(Durations.format(Durations.parse(text))).isEqualTo(text);
        }
    }
}
