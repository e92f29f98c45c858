package dev.firebreak.app.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.assess.ComponentHealth;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.health.ComponentHealthChanged;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.incident.AlertIntake;
import dev.firebreak.engine.incident.IncidentConfig;
import dev.firebreak.engine.incident.IncidentService;
import dev.firebreak.engine.incident.IncidentStore;
import dev.firebreak.engine.incident.TimelineEntry;
import dev.firebreak.engine.incident.TimelineKind;
import dev.firebreak.engine.notify.IncidentNotifications;
import dev.firebreak.engine.notify.NotificationConfigLoader;
import dev.firebreak.engine.notify.SecretResolver;
import dev.firebreak.engine.store.Database;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyLoader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A webhook whose URL carries a secret token, referenced from the environment: the notifications reach it, their
 * outcomes are on the timeline, and neither the database file nor any timeline text holds the token, whether the
 * delivery worked or failed.
 */
class SecretsStayOutOfTheDatabaseTests {

    private static final String TOKEN = "T0KEN-5ecret-9f3a7c";

    @Test
    void webhookTokenNeverReachesTheDatabaseFile(@TempDir Path dataDir) throws Exception {
        try (MockWebServer hook = new MockWebServer()) {
            hook.enqueue(new MockResponse().setResponseCode(200));
            hook.enqueue(new MockResponse().setResponseCode(500).setBody("echo " + TOKEN));
            hook.enqueue(new MockResponse().setResponseCode(500));
            hook.enqueue(new MockResponse().setResponseCode(500));
            hook.enqueue(new MockResponse().setResponseCode(500));
            hook.start();
            String url = hook.url("/hooks/" + TOKEN).toString();
            String yaml = "channels:\n  - name: hook\n    type: webhook\n    url: env:HOOK_URL\n"
                    + "    retry: {maxAttempts: 2, initialBackoff: 10ms, maxBackoff: 20ms}\n";
            SecretResolver secrets = SecretResolver.environmentOnly(Map.of("HOOK_URL", url)::get);
            SimulationClock clock = new SimulationClock(Instant.parse("2026-11-02T00:00:00Z"));
            long id;
            try (Database database = Database.openFile(dataDir)) {
                EventBus bus = new EventBus();
                Topology shop = TopologyLoader.loadResource("topologies/shop.yaml");
                IncidentService incidents = new IncidentService(shop, IncidentConfig.defaults(), IncidentStore.in(database),
                        bus, clock);
                ComponentHealth.attach(shop, bus);
                AlertIntake.attach(bus, incidents);
                try (IncidentNotifications notifications = IncidentNotifications.attach(bus, incidents,
                        NotificationConfigLoader.parse("notifications.yaml", new StringReader(yaml), secrets))) {
                    bus.publish(new ComponentHealthChanged(clock.instant(), "catalog", HealthState.HEALTHY,
                            HealthState.DEGRADED, "latency"));
                    bus.publish(new MetricsTicked(clock.instant(), clock.instant().getEpochSecond()));
                    id = incidents.incidents().getFirst().id();
                    incidents.acknowledge(id, "alice");
                    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> incidents.timeline(id).stream()
                            .filter(e -> e.kind() == TimelineKind.NOTIFICATION).count() >= 2);
                }
                List<TimelineEntry> timeline = incidents.timeline(id);
                assertThat(timeline).filteredOn(e -> e.kind() == TimelineKind.NOTIFICATION).extracting(TimelineEntry::text)
                        .anySatisfy(text -> assertThat(text).contains("delivered"))
                        .anySatisfy(text -> assertThat(text).contains("failed"));
                assertThat(timeline).allSatisfy(e -> assertThat(e.text()).doesNotContain(TOKEN));
                assertThat(hook.takeRequest(5, TimeUnit.SECONDS).getPath()).contains(TOKEN);
            }
            byte[] file = Files.readAllBytes(dataDir.resolve("firebreak.mv.db"));
            assertThat(new String(file, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN);
        }
    }
}
