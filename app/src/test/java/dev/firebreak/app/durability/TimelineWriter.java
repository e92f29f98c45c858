package dev.firebreak.app.durability;

import dev.firebreak.engine.assess.ComponentHealth;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.health.ComponentHealthChanged;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.incident.AlertIntake;
import dev.firebreak.engine.incident.Incident;
import dev.firebreak.engine.incident.IncidentConfig;
import dev.firebreak.engine.incident.IncidentService;
import dev.firebreak.engine.incident.IncidentStore;
import dev.firebreak.engine.store.Database;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyLoader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A process that writes timeline notes as fast as it can into the console's database and prints the number of each
 * entry once the write returned, i.e. once the console would show it; the test kills it with SIGKILL mid-stream.
 */
public final class TimelineWriter {

    private TimelineWriter() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        SimulationClock clock = new SimulationClock(Instant.parse("2026-11-02T00:00:00Z"));
        Database database = Database.openFile(Path.of(args[0]));
        EventBus bus = new EventBus();
        Topology shop = TopologyLoader.loadResource("topologies/shop.yaml");
        IncidentService incidents = new IncidentService(shop, IncidentConfig.defaults(), IncidentStore.in(database), bus, clock);
        ComponentHealth.attach(shop, bus);
        AlertIntake.attach(bus, incidents);
        bus.publish(new ComponentHealthChanged(clock.instant(), "catalog", HealthState.HEALTHY, HealthState.DEGRADED, "kill test"));
        bus.publish(new MetricsTicked(clock.instant(), clock.instant().getEpochSecond()));
        long id = incidents.incidents().getFirst().id();
        for (int n = 1; ; n++) {
            Incident incident = incidents.addNote(id, "alice", "note " + n);
            out.println("shown " + incident.timelineHead().seq());
        }
    }
}
