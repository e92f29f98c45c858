package dev.firebreak.engine.notify;

import static dev.firebreak.engine.notify.Fixtures.fieldNames;
import static dev.firebreak.engine.notify.Fixtures.json;
import static dev.firebreak.engine.notify.Fixtures.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.engine.time.SimulationClock;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PagerDuty Events API v2 events, field by field against the documented enqueue schema. */
class PagerDutyPayloadTests {

    private static final String ROUTING_KEY = "R0UT1NGK3Y0123456789abcdefABCDEF";
    private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");

    private final MockWebServer server = new MockWebServer();
    private final SimulationClock clock = new SimulationClock(Fixtures.NOW);
    private final RecordingListener listener = new RecordingListener();
    private NotificationDispatcher dispatcher;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
        dispatcher = dispatcher(EnumSet.of(NotificationKind.TRIGGER, NotificationKind.ACKNOWLEDGE,
                NotificationKind.RESOLVE));
    }

    private NotificationDispatcher dispatcher(Set<NotificationKind> kinds) {
        PagerDutyTarget target = new PagerDutyTarget(server.url("/").toString(),
                Secret.of("secret:pagerduty.routing-key", ROUTING_KEY), "shop-prod", Optional.of("shop"));
        return Fixtures.direct(ChannelConfig.of("oncall", target).withKinds(kinds), listener, clock,
                new ManualScheduler(clock));
    }

    @AfterEach
    void stop() throws IOException {
        dispatcher.close();
        server.shutdown();
    }

    private RecordedRequest send(Notification notification) throws InterruptedException {
        server.enqueue(new MockResponse().setResponseCode(202)
                .setBody("{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"x\"}"));
        dispatcher.submit(notification);
        return server.takeRequest(5, TimeUnit.SECONDS);
    }

    @Test
    void eventsArePostedAsJsonToEnqueue() throws Exception {
        RecordedRequest request = send(trigger());

        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/v2/enqueue");
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(listener.only().status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(listener.only().httpStatus()).hasValue(202);
    }

    @Test
    void triggerCarriesEveryDocumentedFieldWithItsType() throws Exception {
        JsonNode event = json(send(trigger()));

        assertThat(fieldNames(event)).containsExactlyInAnyOrder("routing_key", "event_action", "dedup_key",
                "payload", "client", "links");
        assertThat(event.get("routing_key").isTextual()).isTrue();
        assertThat(event.get("routing_key").asText()).isEqualTo(ROUTING_KEY);
        assertThat(event.get("event_action").asText()).isEqualTo("trigger");
        assertThat(event.get("dedup_key").asText()).isEqualTo("firebreak/INC-2025-11-10-001").hasSizeLessThanOrEqualTo(255);
        assertThat(event.get("client").asText()).isEqualTo("Firebreak");

        JsonNode payload = event.get("payload");
        assertThat(fieldNames(payload)).containsExactlyInAnyOrder("summary", "source", "severity", "timestamp",
                "component", "group", "class", "custom_details");
        assertThat(payload.get("summary").asText()).isEqualTo("[P1] API gateway down").hasSizeLessThanOrEqualTo(1024);
        assertThat(payload.get("source").asText()).isEqualTo("shop-prod");
        assertThat(payload.get("severity").asText()).isIn(SEVERITIES).isEqualTo("critical");
        assertThat(Instant.parse(payload.get("timestamp").asText())).isEqualTo(Fixtures.NOW);
        assertThat(payload.get("component").asText()).isEqualTo("api-gateway");
        assertThat(payload.get("group").asText()).isEqualTo("shop");
        assertThat(payload.get("class").asText()).isEqualTo("infrastructure");

        JsonNode details = payload.get("custom_details");
        assertThat(details.isObject()).isTrue();
        assertThat(fieldNames(details)).containsExactlyInAnyOrder("incident_id", "priority", "kind", "components",
                "detected_at", "text");
        assertThat(details.get("incident_id").asText()).isEqualTo("INC-2025-11-10-001");
        assertThat(details.get("priority").asText()).isEqualTo("P1");
        assertThat(details.get("kind").asText()).isEqualTo("trigger");
        assertThat(details.get("components").isArray()).isTrue();
        assertThat(details.get("components").get(1).asText()).isEqualTo("postgres-primary");
        assertThat(Instant.parse(details.get("detected_at").asText())).isEqualTo(Fixtures.DETECTED);
        assertThat(details.get("text").asText()).startsWith("All users unable");

        JsonNode links = event.get("links");
        assertThat(links.isArray()).isTrue();
        assertThat(fieldNames(links.get(0))).containsExactlyInAnyOrder("href", "text");
        assertThat(links.get(0).get("href").asText()).isEqualTo("https://firebreak.example/incidents/INC-2025-11-10-001");
    }

    @Test
    void severityFollowsThePriority() throws Exception {
        List<String> severities = new ArrayList<>();
        for (Priority priority : Priority.values()) {
            severities.add(json(send(trigger(priority))).get("payload").get("severity").asText());
        }

        assertThat(severities).containsExactly("critical", "critical", "error", "warning", "info");
    }

    @Test
    void triggerAcknowledgeAndResolveShareOneDedupKey() throws Exception {
        Notification trigger = trigger();

        JsonNode triggered = json(send(trigger));
        JsonNode acknowledged = json(send(trigger.next(NotificationKind.ACKNOWLEDGE, Fixtures.NOW, "on it")));
        JsonNode resolved = json(send(trigger.next(NotificationKind.RESOLVE, Fixtures.NOW, "fixed")));

        assertThat(List.of(triggered, acknowledged, resolved)).extracting(e -> e.get("dedup_key").asText())
                .containsOnly("firebreak/INC-2025-11-10-001");
        assertThat(List.of(triggered, acknowledged, resolved)).extracting(e -> e.get("event_action").asText())
                .containsExactly("trigger", "acknowledge", "resolve");
    }

    @Test
    void acknowledgeAndResolveCarryOnlyKeyActionAndDedupKey() throws Exception {
        JsonNode acknowledged = json(send(trigger().next(NotificationKind.ACKNOWLEDGE, Fixtures.NOW, "on it")));
        JsonNode resolved = json(send(trigger().next(NotificationKind.RESOLVE, Fixtures.NOW, "fixed")));

        assertThat(fieldNames(acknowledged)).containsExactlyInAnyOrder("routing_key", "event_action", "dedup_key");
        assertThat(fieldNames(resolved)).containsExactlyInAnyOrder("routing_key", "event_action", "dedup_key");
        assertThat(resolved.get("routing_key").asText()).isEqualTo(ROUTING_KEY);
    }

    @Test
    void updatesAreNotRoutedToPagerDutyByDefault() {
        Set<String> routed = dispatcher.submit(trigger().next(NotificationKind.UPDATE, Fixtures.NOW, "still down"));

        assertThat(routed).isEmpty();
        assertThat(server.getRequestCount()).isZero();
        assertThat(listener.all()).isEmpty();
        assertThat(ChannelConfig.of("pd", PagerDutyTarget.of(Secret.of("env:K", "k"))).kinds())
                .doesNotContain(NotificationKind.UPDATE);
    }

    @Test
    void anOptedInUpdateIsATriggerWithTheSameDedupKey() throws Exception {
        dispatcher.close();
        dispatcher = dispatcher(EnumSet.allOf(NotificationKind.class));

        JsonNode update = json(send(trigger(Priority.P0).next(NotificationKind.UPDATE, Fixtures.NOW, "escalated")));

        assertThat(update.get("event_action").asText()).isEqualTo("trigger");
        assertThat(update.get("dedup_key").asText()).isEqualTo("firebreak/INC-2025-11-10-001");
        assertThat(update.get("payload").get("custom_details").get("kind").asText()).isEqualTo("update");
        assertThat(update.get("payload").get("severity").asText()).isEqualTo("critical");
    }

    @Test
    void optionalFieldsAreLeftOutWhenEmpty() throws Exception {
        dispatcher.close();
        PagerDutyTarget plain = new PagerDutyTarget(server.url("/").toString(),
                Secret.of("secret:pagerduty.routing-key", ROUTING_KEY), "shop-prod", Optional.empty());
        dispatcher = Fixtures.direct(ChannelConfig.of("oncall", plain), listener, clock, new ManualScheduler(clock));
        Notification bare = new Notification("INC-9", "firebreak/INC-9", NotificationKind.TRIGGER, Priority.P3,
                "Disk 85% full", "", List.of(), "data", Fixtures.DETECTED, Fixtures.NOW, Optional.empty());

        JsonNode event = json(send(bare));

        assertThat(fieldNames(event)).containsExactlyInAnyOrder("routing_key", "event_action", "dedup_key",
                "payload", "client");
        assertThat(fieldNames(event.get("payload"))).containsExactlyInAnyOrder("summary", "source", "severity",
                "timestamp", "class", "custom_details");
    }

    @Test
    void longSummaryIsCutTo1024Characters() throws Exception {
        Notification verbose = new Notification("INC-9", "firebreak/INC-9", NotificationKind.TRIGGER, Priority.P2,
                "x".repeat(2000), "", List.of(), "data", Fixtures.DETECTED, Fixtures.NOW, Optional.empty());

        JsonNode event = json(send(verbose));

        assertThat(event.get("payload").get("summary").asText()).hasSize(1024).endsWith("\u2026");
    }
}
