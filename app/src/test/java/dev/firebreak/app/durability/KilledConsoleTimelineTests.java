package dev.firebreak.app.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.incident.IncidentConfig;
import dev.firebreak.engine.incident.IncidentService;
import dev.firebreak.engine.incident.IncidentStore;
import dev.firebreak.engine.incident.TimelineEntry;
import dev.firebreak.engine.store.Database;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.TopologyLoader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A console process killed with SIGKILL while writing its timeline loses no entry it had shown. */
class KilledConsoleTimelineTests {

    @Test
    void everyEntryShownBeforeKillNineIsStillThereAndTheChainVerifies(@TempDir Path dataDir) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                TimelineWriter.class.getName(), dataDir.toString()).redirectErrorStream(false).start();
        long lastShown = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("shown ")) {
                    lastShown = Long.parseLong(line.substring(6));
                    if (lastShown >= 200) {
                        writer.destroyForcibly(); // SIGKILL on Linux and macOS: no shutdown hook, no close
                        break;
                    }
                }
            }
        }
        assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(writer.exitValue()).isEqualTo(137);
        assertThat(lastShown).isGreaterThanOrEqualTo(200);

        try (Database database = Database.openFile(dataDir)) {
            IncidentService reopened = new IncidentService(TopologyLoader.loadResource("topologies/shop.yaml"),
                    IncidentConfig.defaults(), IncidentStore.in(database), new EventBus(),
                    new SimulationClock(Instant.parse("2026-11-02T00:00:00Z")));
            long id = reopened.incidents().getFirst().id();
            List<TimelineEntry> timeline = reopened.timeline(id);

            assertThat(timeline.size()).isGreaterThanOrEqualTo((int) lastShown);
            assertThat(reopened.verify(id).intact()).as(reopened.verify(id).describe()).isTrue();
        }
    }
}
