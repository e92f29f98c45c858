package dev.firebreak.engine.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.assess.ComponentHealth;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.health.ComponentHealthChanged;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.incident.AlertIntake;
import dev.firebreak.engine.incident.IncidentConfig;
import dev.firebreak.engine.incident.IncidentService;
import dev.firebreak.engine.incident.IncidentStore;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * People's commands arrive on the FX thread while the simulator's thread ticks escalation and feeds alerts. The
 * incident service used to publish its changes while holding its lock, and escalation calls back into it under its
 * own: a command and a tick could each hold one lock and wait for the other for ever.
 */
class CommandsDuringTicksTests {

    private static final int ROUNDS = 3_000;

    @Test
    void commandsFromAnotherThreadWhileEscalationTicksNeverDeadlock() throws Exception {
        Topology shop = TopologyLoader.loadResource("topologies/shop.yaml");
        SimulationClock clock = new SimulationClock(Instant.parse("2026-11-02T00:00:00Z"));
        EventBus bus = new EventBus();
        IncidentService incidents = new IncidentService(shop, IncidentConfig.defaults(), IncidentStore.inMemory(), bus, clock);
        ComponentHealth.attach(shop, bus);
        AlertIntake.attach(bus, incidents);
        EscalationService.attach(shop, EscalationConfigLoader.loadResource("escalation/policies.yaml"), incidents, bus);
        bus.publish(new ComponentHealthChanged(clock.instant(), "postgres-primary", HealthState.HEALTHY, HealthState.FAILED, "t"));
        bus.publish(new MetricsTicked(clock.instant(), clock.instant().getEpochSecond()));
        long id = incidents.incidents().getFirst().id();

        CountDownLatch go = new CountDownLatch(1);
        Thread simulator = Thread.ofPlatform().daemon().name("simulator").start(() -> {
            await(go);
            for (int i = 0; i < ROUNDS; i++) {
                String component = i % 2 == 0 ? "orders" : "payments";
                HealthState to = i % 2 == 0 ? HealthState.CRITICAL : HealthState.DEGRADED;
                bus.publish(new ComponentHealthChanged(clock.instant(), component, HealthState.HEALTHY, to, "t"));
                bus.publish(new MetricsTicked(clock.instant(), clock.instant().getEpochSecond()));
            }
        });
        Thread person = Thread.ofPlatform().daemon().name("person").start(() -> {
            await(go);
            for (int i = 0; i < ROUNDS; i++) {
                incidents.addNote(id, "alice", "note " + i);
            }
        });
        go.countDown();
        simulator.join(Duration.ofSeconds(60));
        person.join(Duration.ofSeconds(60));

        assertThat(simulator.isAlive()).as("simulator thread still running (deadlocked?)").isFalse();
        assertThat(person.isAlive()).as("person's thread still running (deadlocked?)").isFalse();
        assertThat(incidents.timeline(id)).filteredOn(e -> e.text().startsWith("note ")).hasSize(ROUNDS);
        assertThat(incidents.verify(id).intact()).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
