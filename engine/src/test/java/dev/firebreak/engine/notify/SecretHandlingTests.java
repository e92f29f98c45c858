package dev.firebreak.engine.notify;

import static dev.firebreak.engine.notify.Fixtures.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.engine.time.SimulationClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials stay out of every text Firebreak produces: outcome reasons, exception messages, toString, log
 * output. The endpoints here answer with the credentials echoed back, the worst case for a reason that quotes
 * the vendor's answer.
 */
class SecretHandlingTests {

    private static final String SLACK_TOKEN = "xQ7sLackW3bh00kT0ken9";
    private static final String ROUTING_KEY = "R0uT1nGk3y5ecretValue0123456789a";
    private static final String API_KEY = "0p5g3n1e-ap1k-3y5e-cr3t-000000000001";
    private static final String BEARER = "b3ar3rT0k3nS3cr3t";

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final SimulationClock clock = new SimulationClock(Fixtures.NOW);
    private final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getPath();
                if (path.startsWith("/services/")) {
                    return new MockResponse().setResponseCode(404).setBody("no_service " + path);
                }
                if (path.startsWith("/v2/enqueue")) {
                    return new MockResponse().setResponseCode(400).setBody(request.getBody().readUtf8());
                }
                if (path.startsWith("/v2/alerts")) {
                    return new MockResponse().setResponseCode(500).setBody("{\"message\":\"bad key\",\"auth\":\""
                            + request.getHeader("Authorization") + "\"}");
                }
                return new MockResponse().setResponseCode(403).setBody("refused " + request.getHeader("Authorization")
                        + " at " + request.getRequestUrl());
            }
        });
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private Path secretsFile(String permissions, String content) throws IOException {
        Path file = dir.resolve("secrets.properties");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    @Test
    void secretsFileReadableByOthersIsRefused() throws IOException {
        Path file = secretsFile("rw-r--r--", "pagerduty.routing-key=" + ROUTING_KEY + "\n");
        SecretResolver resolver = SecretResolver.of(file, name -> null);

        assertThatThrownBy(() -> resolver.resolve("secret:pagerduty.routing-key"))
                .isInstanceOf(SecretException.class)
                .hasMessage("secrets file " + file + " is accessible to group or others (mode 0644, rw-r--r--); "
                        + "it must be readable by its owner only: chmod 600 " + file)
                .hasMessageNotContaining(ROUTING_KEY);
    }

    @Test
    void secretsFileReadableByItsGroupIsRefused() throws IOException {
        Path file = secretsFile("rw-r-----", "k=v\n");

        assertThatThrownBy(() -> SecretResolver.of(file, name -> null).resolve("secret:k"))
                .hasMessageContaining("mode 0640");
    }

    @Test
    void ownerOnlySecretsFileIsRead() throws Exception {
        Path file = secretsFile("rw-------", "pagerduty.routing-key = " + ROUTING_KEY + "\n");

        Secret secret = SecretResolver.of(file, name -> null).resolve("secret:pagerduty.routing-key");

        assertThat(secret.reveal()).isEqualTo(ROUTING_KEY);
        assertThat(secret.reference()).isEqualTo("secret:pagerduty.routing-key");
        assertThat(secret.toString()).isEqualTo("secret:pagerduty.routing-key (***)");
    }

    @Test
    void configReferringToAnUnsafeSecretsFileFailsToLoadNamingFileLineAndField() throws IOException {
        Path file = secretsFile("rw-r--r--", "pagerduty.routing-key=" + ROUTING_KEY + "\n");
        String yaml = """
                channels:
                  - name: oncall
                    type: pagerduty
                    routingKey: secret:pagerduty.routing-key
                """;

        assertThatThrownBy(() -> NotificationConfigLoader.parse("notifications.yaml", new StringReader(yaml),
                SecretResolver.of(file, name -> null)))
                .isInstanceOf(NotificationConfigException.class)
                .hasMessageStartingWith("notifications.yaml:4: channels[0].routingKey: secrets file " + file
                        + " is accessible to group or others (mode 0644")
                .hasMessageNotContaining(ROUTING_KEY);
    }

    @Test
    void credentialWrittenInThePlainIsRefusedWithoutBeingQuoted() {
        String yaml = """
                channels:
                  - name: oncall
                    type: pagerduty
                    routingKey: %s
                """.formatted(ROUTING_KEY);

        assertThatThrownBy(() -> NotificationConfigLoader.parse("notifications.yaml", new StringReader(yaml),
                SecretResolver.environmentOnly(name -> null)))
                .hasMessageStartingWith("notifications.yaml:4: channels[0].routingKey: must be a reference, env:NAME")
                .hasMessageNotContaining(ROUTING_KEY);
    }

    @Test
    void missingVariableIsNamedNotGuessed() {
        String yaml = """
                channels:
                  - name: chat
                    type: slack
                    webhookUrl: env:FIREBREAK_SLACK_WEBHOOK_URL
                """;

        assertThatThrownBy(() -> NotificationConfigLoader.parse("notifications.yaml", new StringReader(yaml),
                SecretResolver.environmentOnly(name -> null)))
                .hasMessage("notifications.yaml:4: channels[0].webhookUrl: environment variable "
                        + "FIREBREAK_SLACK_WEBHOOK_URL is not set");
    }

    @Test
    void malformedSecretUrlIsReportedByItsReferenceOnly() {
        String notAUrl = "hooks.slack.com/services/T0/B0/" + SLACK_TOKEN;
        String yaml = """
                channels:
                  - name: chat
                    type: slack
                    webhookUrl: env:SLACK
                """;

        assertThatThrownBy(() -> NotificationConfigLoader.parse("notifications.yaml", new StringReader(yaml),
                SecretResolver.environmentOnly(Map.of("SLACK", notAUrl)::get)))
                .hasMessage("notifications.yaml:4: channels[0].webhookUrl: the value of env:SLACK is not "
                        + "an absolute http or https URL")
                .hasMessageNotContaining(SLACK_TOKEN);
    }

    @Test
    void credentialsAreNeverSentOverPlainHttpExceptToThisMachine() {
        String yaml = """
                channels:
                  - name: oncall
                    type: pagerduty
                    routingKey: env:PD
                    baseUrl: http://events.pagerduty.com
                """;

        assertThatThrownBy(() -> NotificationConfigLoader.parse("notifications.yaml", new StringReader(yaml),
                SecretResolver.environmentOnly(Map.of("PD", ROUTING_KEY)::get)))
                .hasMessage("notifications.yaml:5: channels[0].baseUrl: 'http://events.pagerduty.com' is plain http, "
                        + "which would send the credential unencrypted; use https (http is accepted for localhost only)");
        assertThatThrownBy(() -> new SlackTarget(Secret.of("env:SLACK", "http://hooks.slack.com/services/T/B/" + SLACK_TOKEN)))
                .hasMessageStartingWith("webhookUrl: the value of env:SLACK is plain http")
                .hasMessageNotContaining(SLACK_TOKEN);
        assertThatThrownBy(() -> new WebhookTarget(Secret.plain("http://hooks.example.internal/x"),
                Optional.of(Secret.of("env:T", BEARER)))).hasMessageContaining("is plain http");
        assertThat(new WebhookTarget(Secret.plain("http://hooks.example.internal/x"), Optional.empty()).url().reveal())
                .startsWith("http:");
        assertThat(new OpsgenieTarget("http://[::1]:8080", Secret.of("env:OG", API_KEY), "Firebreak").baseUrl())
                .startsWith("http:");
    }

    @Test
    void secretsNeverAppearInOutcomesToStringOrLogOutput() throws Exception {
        String deadSlack = "http://127.0.0.1:" + Ports.unused() + "/services/T0FIRE/B0BREAK/" + SLACK_TOKEN;
        NotificationConfig config = new NotificationConfig(List.of(
                ChannelConfig.of("slack-dead", new SlackTarget(Secret.of("env:SLACK_DEAD", deadSlack)))
                        .withRetry(RetryConfig.none()),
                ChannelConfig.of("slack-revoked", new SlackTarget(Secret.of("env:SLACK",
                        server.url("/services/T0FIRE/B0BREAK/" + SLACK_TOKEN).toString()))),
                ChannelConfig.of("oncall", new PagerDutyTarget(server.url("/").toString(),
                        Secret.of("secret:pd", ROUTING_KEY), "shop", Optional.empty())),
                ChannelConfig.of("opsgenie", new OpsgenieTarget(server.url("/").toString(),
                        Secret.of("secret:og", API_KEY), "Firebreak"))
                        .withRetry(Fixtures.exactRetries(3)).withBreaker(new BreakerConfig(2, Duration.ofMinutes(1))),
                ChannelConfig.of("audit", new WebhookTarget(Secret.of("env:AUDIT_URL",
                        server.url("/audit?token=" + BEARER).toString()), Optional.of(Secret.of("env:AUDIT_TOKEN", BEARER))))));
        ManualScheduler scheduler = new ManualScheduler(clock);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (NotificationDispatcher dispatcher = Fixtures.direct(config, listener, clock, scheduler)) {
            dispatcher.submit(trigger());
            scheduler.advance(Duration.ofMinutes(1));
            dispatcher.submit(trigger().next(NotificationKind.ACKNOWLEDGE, Fixtures.NOW, "on it"));
        } finally {
            System.setErr(originalErr);
        }
        String log = captured.toString(StandardCharsets.UTF_8);

        assertThat(listener.all()).hasSize(10).noneMatch(DeliveryOutcome::delivered);
        assertThat(log).contains("Notification channel opsgenie: circuit breaker CLOSED -> OPEN")
                .contains("Notification channel oncall");
        List<String> texts = new ArrayList<>();
        texts.add(log);
        texts.add(config.toString());
        listener.all().forEach(outcome -> texts.add(outcome.toString()));
        for (String text : texts) {
            for (String secret : List.of(SLACK_TOKEN, ROUTING_KEY, API_KEY, BEARER,
                    URLEncoder.encode(ROUTING_KEY, StandardCharsets.UTF_8))) {
                assertThat(text).doesNotContain(secret);
            }
        }
        assertThat(listener.all()).extracting(DeliveryOutcome::reason).allMatch(reason -> !reason.isBlank())
                .anyMatch(reason -> reason.contains("HTTP 400")).anyMatch(reason -> reason.contains("HTTP 404"))
                .anyMatch(reason -> reason.contains("HTTP 403")).anyMatch(reason -> reason.contains("no answer"));
    }
}
