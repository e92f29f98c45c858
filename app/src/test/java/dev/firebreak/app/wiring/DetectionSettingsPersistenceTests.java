package dev.firebreak.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.app.assembly.ConsoleSessions;
import dev.firebreak.app.testing.SteppedSession;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.detect.config.DetectionConfigException;
import dev.firebreak.engine.detect.config.DetectionConfigWriter;
import dev.firebreak.engine.store.Database;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.views.detection.DetectionSettingsViewModel;
import dev.firebreak.views.session.ConsoleSession;
import dev.firebreak.views.testing.Topologies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detection settings applied on the settings screen survive a restart of the console on the same data directory. */
class DetectionSettingsPersistenceTests {

    private static final String ROLLING = DetectionSettingsViewModel.ROLLING;

    private static double rollingK(ConsoleSession session) {
        return session.detection().detectionConfig().forMetric(MetricName.LATENCY_P99).rolling().orElseThrow().k();
    }

    /** One console run: the settings read from the data directory, a session started as the console starts one. */
    private static ConsoleSession startConsole(Path dataDir, Database database) throws DetectionConfigException {
        SavedDetectionSettings saved = SavedDetectionSettings.load(dataDir, Optional.empty());
        return ConsoleApplication.sessions(ConsoleSessions.paused(saved::current), saved, database.auditLog(), () -> "alice")
                .start(Topologies.shop(), 5, 1);
    }

    @Test
    void appliedSettingsAreInForceAfterARestart(@TempDir Path dataDir) throws Exception {
        try (Database database = Database.openFile(dataDir); ConsoleSession first = startConsole(dataDir, database)) {
            DetectionSettingsViewModel screen = new DetectionSettingsViewModel(first.detection());
            screen.field(ROLLING, "k").textProperty().set("8");
            assertThat(screen.apply()).isTrue();
        }

        try (Database database = Database.openFile(dataDir); ConsoleSession second = startConsole(dataDir, database)) {
            DetectionSettingsViewModel screen = new DetectionSettingsViewModel(second.detection());

            assertThat(rollingK(second)).isEqualTo(8);
            assertThat(screen.field(ROLLING, "k").textProperty().get()).isEqualTo("8");
            assertThat(database.auditLog().entries(0, 10)).anySatisfy(e -> assertThat(e.action()).isEqualTo("detection.configured"));
        }
    }

    @Test
    void unchangedConsoleStartsOnTheShippedDefaultsAndWritesNothing(@TempDir Path dataDir) throws Exception {
        SavedDetectionSettings saved = SavedDetectionSettings.load(dataDir, Optional.empty());

        assertThat(saved.current()).isEqualTo(DetectionConfig.ofDefaults());
        assertThat(saved.file()).doesNotExist();
    }

    @Test
    void malformedSavedFileIsRefusedNamingFileAndLineAndIsLeftAsItWas(@TempDir Path dataDir) throws Exception {
        Path file = dataDir.resolve(SavedDetectionSettings.FILE_NAME);
        String mine = "composite:\n  mode: weighted\n  confirmTicks: many\n";
        Files.writeString(file, mine);

        assertThatThrownBy(() -> SavedDetectionSettings.load(dataDir, Optional.empty()))
                .isInstanceOf(DetectionConfigException.class)
                .hasMessageContaining(SavedDetectionSettings.FILE_NAME).hasMessageContaining("3")
                .hasMessageContaining("confirmTicks");
        assertThat(Files.readString(file)).isEqualTo(mine);
    }

    @Test
    void detectionConfigOptionIsReadInsteadOfTheSavedFileAndNeverWritten(@TempDir Path dataDir) throws Exception {
        Path mine = dataDir.resolve("mine.yaml");
        Files.writeString(mine, "metrics:\n  latency_p99:\n    rolling: {window: 300, k: 6}\n");
        Files.writeString(dataDir.resolve(SavedDetectionSettings.FILE_NAME),
                DetectionConfigWriter.toYaml(DetectionConfig.ofDefaults()));

        SavedDetectionSettings saved = SavedDetectionSettings.load(dataDir, Optional.of(mine));
        saved.save(DetectionConfig.ofDefaults());

        assertThat(SavedDetectionSettings.load(dataDir, Optional.of(mine)).current().forMetric(MetricName.LATENCY_P99)
                .rolling().orElseThrow().window()).isEqualTo(300);
        assertThat(Files.readString(mine)).contains("k: 6");
    }

    @Test
    void appliedSettingsChangeTheBandsTheChartsDrawAtTheNextTick() {
        try (SteppedSession session = SteppedSession.start(Topologies.shop(), 5, 1)) {
            DetectionSettingsViewModel viewModel = new DetectionSettingsViewModel(session.detection());
            session.advance(300);
            SeriesKey key = new SeriesKey("catalog", MetricName.LATENCY_P99);
            long now = session.clock().instant().getEpochSecond();
            var before = session.detectionHistory().trace(key, now, now);
            viewModel.field(ROLLING, "k").textProperty().set("8");

            viewModel.apply();
            session.advance(1);

            var after = session.detectionHistory().trace(key, now + 1, now + 1);
            assertThat(after.high()[0] - after.low()[0]).isGreaterThan(2 * (before.high()[0] - before.low()[0]));
        }
    }
}
