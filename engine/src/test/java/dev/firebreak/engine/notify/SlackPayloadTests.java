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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Slack incoming-webhook message, field by field against Block Kit's documented schema and limits. */
class SlackPayloadTests {

    private static final String WEBHOOK_PATH = "/services/T0FIRE123/B0BREAK45/q8Zr3SecretWebhookToken";

    private final MockWebServer server = new MockWebServer();
    private final SimulationClock clock = new SimulationClock(Fixtures.NOW);
    private final RecordingListener listener = new RecordingListener();
    private NotificationDispatcher dispatcher;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
        Secret url = Secret.of("env:SLACK_WEBHOOK_URL", server.url(WEBHOOK_PATH).toString());
        dispatcher = Fixtures.direct(ChannelConfig.of("incidents-slack", new SlackTarget(url)), listener, clock,
                new ManualScheduler(clock));
    }

    @AfterEach
    void stop() throws IOException {
        dispatcher.close();
        server.shutdown();
    }

    private RecordedRequest send(Notification notification) throws InterruptedException {
        server.enqueue(new MockResponse().setResponseCode(200).setBody("ok"));
        dispatcher.submit(notification);
        return server.takeRequest(5, TimeUnit.SECONDS);
    }

    @Test
    void triggerPostsJsonToTheWebhookUrl() throws Exception {
        RecordedRequest request = send(trigger());

        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo(WEBHOOK_PATH);
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(request.getHeader("Authorization")).isNull();
        assertThat(listener.only().status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(listener.only().httpStatus()).hasValue(200);
    }

    @Test
    void triggerIsAHeaderASectionWithFieldsAndAContext() throws Exception {
        JsonNode body = json(send(trigger()));

        assertThat(fieldNames(body)).containsExactlyInAnyOrder("text", "blocks");
        assertThat(body.get("text").isTextual()).isTrue();
        assertThat(body.get("text").asText()).contains("[P1] API gateway down").contains("Triggered")
                .contains("INC-2025-11-10-001");
        JsonNode blocks = body.get("blocks");
        assertThat(blocks.isArray()).isTrue();
        assertThat(blocks).hasSize(3);
        assertThat(blocks.get(0).get("type").asText()).isEqualTo("header");
        assertThat(blocks.get(1).get("type").asText()).isEqualTo("section");
        assertThat(blocks.get(2).get("type").asText()).isEqualTo("context");
    }

    @Test
    void headerIsPlainTextWithPriorityAndTitle() throws Exception {
        JsonNode header = json(send(trigger())).get("blocks").get(0);

        assertThat(fieldNames(header)).containsExactlyInAnyOrder("type", "text");
        JsonNode text = header.get("text");
        assertThat(fieldNames(text)).containsExactlyInAnyOrder("type", "text", "emoji");
        assertThat(text.get("type").asText()).isEqualTo("plain_text");
        assertThat(text.get("text").asText()).isEqualTo("\uD83D\uDEA8 [P1] API gateway down");
        assertThat(text.get("emoji").isBoolean()).isTrue();
    }

    @Test
    void sectionCarriesTheEscapedBodyAndSeverityStateComponentsAndTypeFields() throws Exception {
        Notification withMarkup = new Notification("INC-7", "firebreak/INC-7", NotificationKind.TRIGGER, Priority.P0,
                "Checkout <down>", "p95 > 2s & rising <@here>", List.of("checkout", "postgres"), "application",
                Fixtures.DETECTED, Fixtures.NOW, Optional.empty());

        JsonNode section = json(send(withMarkup)).get("blocks").get(1);

        assertThat(fieldNames(section)).containsExactlyInAnyOrder("type", "text", "fields");
        assertThat(section.get("text").get("type").asText()).isEqualTo("mrkdwn");
        assertThat(section.get("text").get("text").asText()).isEqualTo("p95 &gt; 2s &amp; rising &lt;@here&gt;");
        JsonNode fields = section.get("fields");
        assertThat(fields.isArray()).isTrue();
        assertThat(fields.size()).isBetween(1, 10);
        List<String> texts = new ArrayList<>();
        for (JsonNode field : fields) {
            assertThat(fieldNames(field)).containsExactlyInAnyOrder("type", "text");
            assertThat(field.get("type").asText()).isEqualTo("mrkdwn");
            assertThat(field.get("text").asText().length()).isLessThanOrEqualTo(2000);
            texts.add(field.get("text").asText());
        }
        assertThat(texts).containsExactly("*Severity*\nP0", "*State*\nTriggered", "*Components*\ncheckout, postgres",
                "*Type*\napplication");
    }

    @Test
    void contextNamesTheIncidentDetectionTimeAndLink() throws Exception {
        JsonNode context = json(send(trigger())).get("blocks").get(2);

        assertThat(fieldNames(context)).containsExactlyInAnyOrder("type", "elements");
        JsonNode elements = context.get("elements");
        assertThat(elements.isArray()).isTrue();
        assertThat(elements.size()).isBetween(1, 10);
        JsonNode element = elements.get(0);
        assertThat(element.get("type").asText()).isEqualTo("mrkdwn");
        assertThat(element.get("text").asText()).isEqualTo("Incident *INC-2025-11-10-001* \u00b7 detected "
                + "2025-11-10 14:23:00 UTC \u00b7 <https://firebreak.example/incidents/INC-2025-11-10-001|Open incident>");
    }

    @Test
    void resolveShowsTheResolvedStateAndWhen() throws Exception {
        Notification resolve = trigger().next(NotificationKind.RESOLVE, Instant.parse("2025-11-10T14:52:00Z"),
                "Connection pool reset; traffic back to normal.");

        JsonNode blocks = json(send(resolve)).get("blocks");

        assertThat(blocks.get(0).get("text").get("text").asText()).startsWith("\u2705 ");
        assertThat(blocks.get(1).get("fields").get(1).get("text").asText()).isEqualTo("*State*\nResolved");
        assertThat(blocks.get(2).get("elements").get(0).get("text").asText())
                .contains("resolved 2025-11-10 14:52:00 UTC");
    }

    @Test
    void longTextsAreCutToBlockKitLimits() throws Exception {
        Notification verbose = new Notification("INC-8", "firebreak/INC-8", NotificationKind.UPDATE, Priority.P2,
                "t".repeat(400), "b".repeat(5000), List.of("c".repeat(2500)), "data", Fixtures.DETECTED, Fixtures.NOW,
                Optional.empty());

        JsonNode blocks = json(send(verbose)).get("blocks");

        assertThat(blocks.get(0).get("text").get("text").asText()).hasSize(150).endsWith("\u2026");
        assertThat(blocks.get(1).get("text").get("text").asText()).hasSize(3000);
        assertThat(blocks.get(1).get("fields").get(2).get("text").asText()).hasSize(2000);
    }

    @Test
    void emptyBodyLeavesTheSectionTextOut() throws Exception {
        Notification bare = trigger().next(NotificationKind.ACKNOWLEDGE, Fixtures.NOW, "");

        JsonNode section = json(send(bare)).get("blocks").get(1);

        assertThat(fieldNames(section)).containsExactlyInAnyOrder("type", "fields");
    }
}
