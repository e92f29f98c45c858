package dev.firebreak.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SettingsTests {

    private Database database;
    private Settings settings;

    @BeforeEach
    void open() {
        database = Database.inMemory("settings-tests", Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        settings = database.settings();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void putReplacesThePreviousValue() {
        settings.put("ui.theme", "dark");

        settings.put("ui.theme", "light");

        assertThat(settings.get("ui.theme")).contains("light");
    }

    @Test
    void getFallsBackWhenKeyWasNeverSetOrRemoved() {
        settings.put("ui.theme", "dark");

        settings.remove("ui.theme");

        assertThat(settings.get("ui.theme")).isEmpty();
        assertThat(settings.get("ui.theme", "system")).isEqualTo("system");
    }

    @Test
    void putRejectsBlankKeysAndOversizedValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> settings.put(" ", "x")).withMessageContaining("setting keys");
        assertThatIllegalArgumentException().isThrownBy(() -> settings.put("big", "x".repeat(4_001)))
                .withMessageContaining("'big' has 4001");
    }
}
