package dev.firebreak.engine.notify;

import static dev.firebreak.engine.notify.Fixtures.fieldNames;
import static dev.firebreak.engine.notify.Fixtures.json;
import static dev.firebreak.engine.notify.Fixtures.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.engine.time.SimulationClock;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generic webhook against Firebreak's own schema, firebreak.notification/v1. */
class WebhookPayloadTests {

    private static final String TOKEN = "hook-token-5f1d2c3b4a";

    private final MockWebServer server = new MockWebServer();
    private final SimulationClock clock = new SimulationClock(Fixtures.NOW);
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final RecordingListener listener = new RecordingListener();
    private NotificationDispatcher dispatcher;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
        WebhookTarget target = new WebhookTarget(Secret.plain(server.url("/hooks/firebreak").toString()),
                Optional.of(Secret.of("env:AUDIT_HOOK_TOKEN", TOKEN)));
        dispatcher = Fixtures.direct(ChannelConfig.of("audit", target).withRetry(Fixtures.exactRetries(3)), listener,
                clock, scheduler);
    }

    @AfterEach
    void stop() throws IOException {
        dispatcher.close();
        server.shutdown();
    }

    @Test
    void bodyFollowsTheDocumentedSchema() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(204));

        dispatcher.submit(trigger());
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);

        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/hooks/firebreak");
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        JsonNode body = json(request);
        assertThat(fieldNames(body)).containsExactly("schema", "deliveryId", "incidentId", "dedupKey", "kind",
                "priority", "title", "text", "components", "incidentType", "detectedAt", "occurredAt", "link");
        assertThat(body.get("schema").asText()).isEqualTo("firebreak.notification/v1");
        assertThat(UUID.fromString(body.get("deliveryId").asText())).isNotNull();
        assertThat(body.get("deliveryId").asText()).isEqualTo(request.getHeader("X-Firebreak-Delivery"));
        assertThat(body.get("incidentId").asText()).isEqualTo("INC-2025-11-10-001");
        assertThat(body.get("dedupKey").asText()).isEqualTo("firebreak/INC-2025-11-10-001");
        assertThat(body.get("kind").asText()).isIn("trigger", "update", "acknowledge", "resolve").isEqualTo("trigger");
        assertThat(body.get("priority").asText()).isIn("P0", "P1", "P2", "P3", "P4").isEqualTo("P1");
        assertThat(body.get("title").asText()).isEqualTo("API gateway down");
        assertThat(body.get("text").isTextual()).isTrue();
        assertThat(body.get("components").isArray()).isTrue();
        assertThat(body.get("components").get(0).asText()).isEqualTo("api-gateway");
        assertThat(body.get("incidentType").asText()).isEqualTo("infrastructure");
        assertThat(Instant.parse(body.get("detectedAt").asText())).isEqualTo(Fixtures.DETECTED);
        assertThat(Instant.parse(body.get("occurredAt").asText())).isEqualTo(Fixtures.NOW);
        assertThat(body.get("link").asText()).isEqualTo("https://firebreak.example/incidents/INC-2025-11-10-001");
        assertThat(listener.only().status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void retriesCarryTheSameDeliveryIdSoReceiversCanDropRepeats() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(502));
        server.enqueue(new MockResponse().setResponseCode(200));

        dispatcher.submit(trigger());
        scheduler.advance(Duration.ofSeconds(1));

        String first = server.takeRequest(5, TimeUnit.SECONDS).getHeader("X-Firebreak-Delivery");
        String second = server.takeRequest(5, TimeUnit.SECONDS).getHeader("X-Firebreak-Delivery");
        assertThat(second).isEqualTo(first);
        assertThat(listener.only().status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(listener.only().attempts()).isEqualTo(2);
    }

    @Test
    void noLinkLeavesTheFieldOut() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(200));
        Notification unlinked = new Notification("INC-3", "k-3", NotificationKind.RESOLVE, Priority.P4, "t", "",
                List.of(), "external", Fixtures.DETECTED, Fixtures.NOW, Optional.empty());

        dispatcher.submit(unlinked);

        assertThat(fieldNames(json(server.takeRequest(5, TimeUnit.SECONDS)))).doesNotContain("link");
    }
}
