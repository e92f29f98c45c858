package dev.firebreak.engine.notify;

import static dev.firebreak.engine.notify.Fixtures.fieldNames;
import static dev.firebreak.engine.notify.Fixtures.json;
import static dev.firebreak.engine.notify.Fixtures.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.engine.time.SimulationClock;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Opsgenie Alert API requests, field by field against the documented create, note, acknowledge and close calls. */
class OpsgeniePayloadTests {

    private static final String API_KEY = "eb243592-faa2-4ba2-a551-1afdf565c889";

    private final MockWebServer server = new MockWebServer();
    private final SimulationClock clock = new SimulationClock(Fixtures.NOW);
    private final RecordingListener listener = new RecordingListener();
    private NotificationDispatcher dispatcher;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
        OpsgenieTarget target = new OpsgenieTarget(server.url("/").toString(),
                Secret.of("secret:opsgenie.api-key", API_KEY), "Firebreak");
        dispatcher = Fixtures.direct(ChannelConfig.of("opsgenie", target), listener, clock, new ManualScheduler(clock));
    }

    @AfterEach
    void stop() throws IOException {
        dispatcher.close();
        server.shutdown();
    }

    private RecordedRequest send(Notification notification) throws InterruptedException {
        server.enqueue(new MockResponse().setResponseCode(202)
                .setBody("{\"result\":\"Request will be processed\",\"took\":0.302,\"requestId\":\"43a29c5c\"}"));
        dispatcher.submit(notification);
        return server.takeRequest(5, TimeUnit.SECONDS);
    }

    @Test
    void triggerCreatesAnAlertWithTheGenieKeyHeader() throws Exception {
        RecordedRequest request = send(trigger());

        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/v2/alerts");
        assertThat(request.getHeader("Authorization")).isEqualTo("GenieKey " + API_KEY);
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(listener.only().status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(listener.only().httpStatus()).hasValue(202);
    }

    @Test
    void createCarriesEveryFieldWithItsTypeAndLimit() throws Exception {
        JsonNode alert = json(send(trigger()));

        assertThat(fieldNames(alert)).containsExactlyInAnyOrder("message", "alias", "description", "priority",
                "entity", "source", "tags", "details");
        assertThat(alert.get("message").asText()).isEqualTo("[P1] API gateway down").hasSizeLessThanOrEqualTo(130);
        assertThat(alert.get("alias").asText()).isEqualTo("firebreak/INC-2025-11-10-001").hasSizeLessThanOrEqualTo(512);
        assertThat(alert.get("description").asText()).startsWith("All users unable").hasSizeLessThanOrEqualTo(15_000);
        assertThat(alert.get("priority").asText()).isIn("P1", "P2", "P3", "P4", "P5").isEqualTo("P2");
        assertThat(alert.get("entity").asText()).isEqualTo("api-gateway, postgres-primary").hasSizeLessThanOrEqualTo(512);
        assertThat(alert.get("source").asText()).isEqualTo("Firebreak").hasSizeLessThanOrEqualTo(100);
        JsonNode tags = alert.get("tags");
        assertThat(tags.isArray()).isTrue();
        assertThat(tags.size()).isLessThanOrEqualTo(20);
        List<String> tagTexts = new ArrayList<>();
        tags.forEach(tag -> {
            assertThat(tag.isTextual()).isTrue();
            assertThat(tag.asText()).hasSizeLessThanOrEqualTo(50);
            tagTexts.add(tag.asText());
        });
        assertThat(tagTexts).containsExactly("firebreak", "infrastructure", "api-gateway", "postgres-primary");
        JsonNode details = alert.get("details");
        assertThat(details.isObject()).isTrue();
        details.properties().forEach(entry -> assertThat(entry.getValue().isTextual()).as(entry.getKey()).isTrue());
        assertThat(Fixtures.MAPPER.convertValue(details, new TypeReference<Map<String, String>>() { })).containsEntry("incidentId", "INC-2025-11-10-001")
                .containsEntry("incidentPriority", "P1").containsEntry("incidentType", "infrastructure")
                .containsEntry("components", "api-gateway, postgres-primary")
                .containsEntry("detectedAt", "2025-11-10T14:23:00Z")
                .containsEntry("link", "https://firebreak.example/incidents/INC-2025-11-10-001");
        assertThat(details.toString().length()).isLessThanOrEqualTo(8000);
    }

    @Test
    void priorityP0ToP4BecomesP1ToP5() throws Exception {
        List<String> priorities = new ArrayList<>();
        for (Priority priority : Priority.values()) {
            priorities.add(json(send(trigger(priority))).get("priority").asText());
        }

        assertThat(priorities).containsExactly("P1", "P2", "P3", "P4", "P5");
    }

    @Test
    void updateAddsANoteByAlias() throws Exception {
        RecordedRequest request = send(trigger().next(NotificationKind.UPDATE, Fixtures.NOW, "Pool reset; validating"));

        assertThat(request.getRequestUrl().encodedPath()).isEqualTo("/v2/alerts/firebreak%2FINC-2025-11-10-001/notes");
        assertThat(request.getRequestUrl().queryParameter("identifierType")).isEqualTo("alias");
        assertThat(request.getHeader("Authorization")).isEqualTo("GenieKey " + API_KEY);
        JsonNode body = json(request);
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("source", "note");
        assertThat(body.get("note").asText()).isEqualTo("Pool reset; validating").hasSizeLessThanOrEqualTo(25_000);
    }

    @Test
    void anUpdateWithoutTextStillHasTheMandatoryNote() throws Exception {
        JsonNode body = json(send(trigger().next(NotificationKind.UPDATE, Fixtures.NOW, "")));

        assertThat(body.get("note").asText()).isEqualTo("[P1] API gateway down");
    }

    @Test
    void acknowledgeAndResolveActOnTheAlertByAlias() throws Exception {
        RecordedRequest acknowledge = send(trigger().next(NotificationKind.ACKNOWLEDGE, Fixtures.NOW, "on it"));
        RecordedRequest close = send(trigger().next(NotificationKind.RESOLVE, Fixtures.NOW, ""));

        assertThat(acknowledge.getRequestUrl().pathSegments())
                .containsExactly("v2", "alerts", "firebreak/INC-2025-11-10-001", "acknowledge");
        assertThat(acknowledge.getRequestUrl().queryParameter("identifierType")).isEqualTo("alias");
        assertThat(fieldNames(json(acknowledge))).containsExactlyInAnyOrder("source", "note");
        assertThat(close.getRequestUrl().pathSegments())
                .containsExactly("v2", "alerts", "firebreak/INC-2025-11-10-001", "close");
        assertThat(close.getRequestUrl().queryParameter("identifierType")).isEqualTo("alias");
        assertThat(fieldNames(json(close))).containsExactly("source");
    }

    @Test
    void createAliasAndLaterActionsUseOneDedupKey() throws Exception {
        Notification trigger = trigger();

        String alias = json(send(trigger)).get("alias").asText();
        String noted = send(trigger.next(NotificationKind.UPDATE, Fixtures.NOW, "x")).getRequestUrl().pathSegments().get(2);
        String acked = send(trigger.next(NotificationKind.ACKNOWLEDGE, Fixtures.NOW, "x")).getRequestUrl().pathSegments().get(2);
        String closed = send(trigger.next(NotificationKind.RESOLVE, Fixtures.NOW, "x")).getRequestUrl().pathSegments().get(2);

        assertThat(List.of(alias, noted, acked, closed)).containsOnly(trigger.dedupKey());
    }

    @Test
    void longMessageIsCutTo130Characters() throws Exception {
        Notification verbose = new Notification("INC-9", "firebreak/INC-9", NotificationKind.TRIGGER, Priority.P2,
                "m".repeat(300), "", List.of(), "data", Fixtures.DETECTED, Fixtures.NOW, Optional.empty());

        JsonNode alert = json(send(verbose));

        assertThat(alert.get("message").asText()).hasSize(130).endsWith("\u2026");
        assertThat(alert.get("description").asText()).isEqualTo("m".repeat(300));
        assertThat(fieldNames(alert)).doesNotContain("entity");
    }
}
