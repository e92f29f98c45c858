package dev.firebreak.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.app.assembly.ConsoleSessions;
import dev.firebreak.app.assembly.RunbookSetup;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.heal.HealingMode;
import dev.firebreak.engine.heal.Strategy;
import dev.firebreak.engine.store.Database;
import dev.firebreak.views.session.ConsoleSession;
import dev.firebreak.views.testing.Topologies;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The healing mode and strategies a person picks, and a HALT they press, are still in force when the console starts again on the same
 * data directory.
 */
class HealingSettingsPersistenceTests {

    /** One console run: a session started as the console starts one, healing mode and HALT kept in the database. */
    private static ConsoleSession startConsole(Path dataDir, Database database) {
        return ConsoleSessions.paused(DetectionConfig::ofDefaults)
                .withRunbooks(RunbookSetup.inDataDirectory(dataDir, database))
                .withHealingMode(new SettingsPreference(database.settings(), SettingsPreference.HEALING_MODE))
                .withHealingStrategies(new SettingsPreference(database.settings(), SettingsPreference.HEALING_STRATEGIES))
                .start(Topologies.shop(), 5, 1);
    }

    @Test
    void theModeTheStrategiesAndALatchedHaltSurviveARestart(@TempDir Path dataDir) {
        try (Database database = Database.openFile(dataDir); ConsoleSession first = startConsole(dataDir, database)) {
            assertThat(first.healing().mode()).isEqualTo(HealingMode.SHADOW);
            first.healing().setMode(HealingMode.APPROVAL, "alice");
            assertThat(first.healing().strategies()).containsExactlyInAnyOrder(Strategy.values());
            first.healing().setStrategies(EnumSet.of(Strategy.REACTIVE), "alice");
            first.healing().pressHalt("alice", "database migration in progress");
        }

        try (Database database = Database.openFile(dataDir); ConsoleSession second = startConsole(dataDir, database)) {
            assertThat(second.healing().mode()).isEqualTo(HealingMode.APPROVAL);
            assertThat(second.healing().strategies()).containsExactly(Strategy.REACTIVE);
            assertThat(second.healing().halt()).hasValueSatisfying(halt -> {
                assertThat(halt.person()).isEqualTo("alice");
                assertThat(halt.reason()).isEqualTo("database migration in progress");
            });
            assertThat(database.auditLog().entries(0, 50)).anySatisfy(e -> assertThat(e.action()).isEqualTo("healing.mode"))
                    .anySatisfy(e -> assertThat(e.action()).isEqualTo("healing.strategies"))
                    .anySatisfy(e -> assertThat(e.action()).isEqualTo("halt.pressed"));
        }
    }
}
