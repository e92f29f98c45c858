package dev.firebreak.engine.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** notifications.yaml: the documented example, defaults, and errors that name file, line and field. */
class NotificationConfigLoaderTests {

    private static final String EXAMPLE = """
            channels:
              - name: incidents-slack
                type: slack
                webhookUrl: env:FIREBREAK_SLACK_WEBHOOK_URL
                priorities: [P0, P1, P2, P3]
                kinds: [trigger, update, acknowledge, resolve]
                timeouts: {connect: 2s, read: 5s, call: 10s}
                retry: {maxAttempts: 5, initialBackoff: 500ms, multiplier: 3, maxBackoff: 1m, jitter: 0.1}
                rateLimit: {permits: 20, per: 1m}
                breaker: {failureThreshold: 4, coolDown: 2m}
                queueCapacity: 50
              - name: oncall
                type: pagerduty
                routingKey: secret:pagerduty.routing-key
                source: shop-prod
                group: shop
                priorities: [P0, P1]
              - name: opsgenie
                type: opsgenie
                apiKey: secret:opsgenie.api-key
                baseUrl: https://api.eu.opsgenie.com
              - name: audit
                type: webhook
                url: https://hooks.example.internal/firebreak
                bearerToken: env:AUDIT_HOOK_TOKEN
            """;

    @TempDir
    Path dir;

    private SecretResolver resolver() throws IOException {
        Path secrets = dir.resolve("secrets.properties");
        Files.writeString(secrets, "pagerduty.routing-key=pd-key\nopsgenie.api-key=og-key\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        return SecretResolver.of(secrets, Map.of("FIREBREAK_SLACK_WEBHOOK_URL",
                "https://hooks.slack.com/services/T0/B0/abcdef", "AUDIT_HOOK_TOKEN", "tok")::get);
    }

    private NotificationConfig parse(String yaml) throws Exception {
        return NotificationConfigLoader.parse("notifications.yaml", new StringReader(yaml), resolver());
    }

    private static final String PAGERDUTY = """
            channels:
              - name: oncall
                type: pagerduty
                routingKey: secret:pagerduty.routing-key
            """;

    @Test
    void documentedExampleLoadsEveryField() throws Exception {
        NotificationConfig config = parse(EXAMPLE);

        assertThat(config.channels()).extracting(ChannelConfig::name)
                .containsExactly("incidents-slack", "oncall", "opsgenie", "audit");
        ChannelConfig slack = config.channel("incidents-slack").orElseThrow();
        assertThat(slack.target()).isEqualTo(new SlackTarget(Secret.of("env:FIREBREAK_SLACK_WEBHOOK_URL",
                "https://hooks.slack.com/services/T0/B0/abcdef")));
        assertThat(slack.priorities()).containsExactly(Priority.P0, Priority.P1, Priority.P2, Priority.P3);
        assertThat(slack.kinds()).containsExactlyInAnyOrder(NotificationKind.values());
        assertThat(slack.timeouts()).isEqualTo(new TimeoutConfig(Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(10)));
        assertThat(slack.retry()).isEqualTo(new RetryConfig(5, Duration.ofMillis(500), 3, Duration.ofMinutes(1), 0.1));
        assertThat(slack.rateLimit()).isEqualTo(new RateLimitConfig(20, Duration.ofMinutes(1)));
        assertThat(slack.breaker()).isEqualTo(new BreakerConfig(4, Duration.ofMinutes(2)));
        assertThat(slack.queueCapacity()).isEqualTo(50);
        assertThat(config.channel("oncall").orElseThrow().target()).isEqualTo(new PagerDutyTarget(
                PagerDutyTarget.DEFAULT_BASE_URL, Secret.of("secret:pagerduty.routing-key", "pd-key"), "shop-prod",
                Optional.of("shop")));
        assertThat(config.channel("opsgenie").orElseThrow().target()).isEqualTo(new OpsgenieTarget(
                "https://api.eu.opsgenie.com", Secret.of("secret:opsgenie.api-key", "og-key"), "Firebreak"));
        assertThat(config.channel("audit").orElseThrow().target()).isEqualTo(new WebhookTarget(
                Secret.plain("https://hooks.example.internal/firebreak"), Optional.of(Secret.of("env:AUDIT_HOOK_TOKEN", "tok"))));
    }

    @Test
    void omittedFieldsTakeTheDefaultsAndPagerDutyLeavesUpdatesOut() throws Exception {
        ChannelConfig channel = parse(PAGERDUTY).channels().getFirst();

        assertThat(channel).isEqualTo(ChannelConfig.of("oncall", PagerDutyTarget.of(
                Secret.of("secret:pagerduty.routing-key", "pd-key"))));
        assertThat(channel.kinds()).isEqualTo(EnumSet.of(NotificationKind.TRIGGER, NotificationKind.ACKNOWLEDGE,
                NotificationKind.RESOLVE));
        assertThat(channel.priorities()).containsExactlyInAnyOrder(Priority.values());
    }

    @Test
    void emptyFileTurnsNotificationsOff() throws Exception {
        assertThat(parse("").channels()).isEmpty();
        assertThat(parse("channels: []\n").channels()).isEmpty();
    }

    @Test
    void unknownFieldIsNamedWithItsLineAndTheAllowedFields() {
        assertThatThrownBy(() -> parse(PAGERDUTY + "    webhookUrl: env:X\n"))
                .isInstanceOf(NotificationConfigException.class)
                .hasMessageStartingWith("notifications.yaml:5: channels[0].webhookUrl: unknown field 'webhookUrl'; "
                        + "allowed fields: name, type, priorities, kinds");
    }

    @Test
    void valueOutOfRangeGivesTheAllowedRange() {
        assertThatThrownBy(() -> parse(PAGERDUTY + "    retry: {maxAttempts: 0}\n"))
                .hasMessage("notifications.yaml:5: channels[0].retry: retry.maxAttempts must be between 1 and 10, was 0");
        assertThatThrownBy(() -> parse(PAGERDUTY + "    breaker:\n      coolDown: 2h\n"))
                .hasMessage("notifications.yaml:6: channels[0].breaker: breaker.coolDown must be between 1s and 1h, was 2h");
        assertThatThrownBy(() -> parse(PAGERDUTY + "    queueCapacity: 0\n"))
                .hasMessage("notifications.yaml:2: channels[0]: queueCapacity must be between 1 and 10000, was 0");
    }

    @Test
    void malformedDurationIsNamedAtItsField() {
        assertThatThrownBy(() -> parse(PAGERDUTY + "    timeouts:\n      connect: fast\n"))
                .hasMessageStartingWith("notifications.yaml:6: channels[0].timeouts.connect: 'fast' is not a duration");
    }

    @Test
    void unknownPriorityOrKindListsTheAllowedValues() {
        assertThatThrownBy(() -> parse(PAGERDUTY + "    priorities: [P0, P9]\n"))
                .hasMessage("notifications.yaml:5: channels[0].priorities: unknown value 'P9'; allowed: [P0, P1, P2, P3, P4]");
        assertThatThrownBy(() -> parse(PAGERDUTY + "    kinds: [trigger, escalate]\n"))
                .hasMessage("notifications.yaml:5: channels[0].kinds: unknown value 'escalate'; allowed: "
                        + "[trigger, update, acknowledge, resolve]");
    }

    @Test
    void channelTypeIsRequiredAndChecked() {
        assertThatThrownBy(() -> parse("channels:\n  - name: x\n"))
                .hasMessage("notifications.yaml:2: channels[0].type: is required; one of [slack, pagerduty, opsgenie, webhook]");
        assertThatThrownBy(() -> parse("channels:\n  - name: x\n    type: teams\n"))
                .hasMessage("notifications.yaml:3: channels[0].type: unknown channel type 'teams'; allowed: "
                        + "[slack, pagerduty, opsgenie, webhook]");
    }

    @Test
    void missingCredentialIsReported() {
        assertThatThrownBy(() -> parse("channels:\n  - name: x\n    type: opsgenie\n"))
                .hasMessage("notifications.yaml:2: channels[0].apiKey: is required (env:NAME or secret:NAME)");
    }

    @Test
    void missingKeyInTheSecretsFileIsNamed() {
        assertThatThrownBy(() -> parse("channels:\n  - name: x\n    type: opsgenie\n    apiKey: secret:nope\n"))
                .hasMessage("notifications.yaml:4: channels[0].apiKey: secrets file " + dir.resolve("secrets.properties")
                        + " has no key nope");
    }

    @Test
    void channelNamesMustBeUnique() {
        assertThatThrownBy(() -> parse(PAGERDUTY + PAGERDUTY.replace("channels:\n", "")))
                .hasMessage("notifications.yaml:5: channels[1].name: channel name 'oncall' is used twice");
    }

    @Test
    void invalidYamlNamesTheLine() {
        assertThatThrownBy(() -> parse("channels:\n  - name: [unclosed\n"))
                .hasMessageStartingWith("notifications.yaml:").hasMessageContaining(": not valid YAML: ");
    }

    @Test
    void loadNamesTheFile() throws Exception {
        Path file = dir.resolve(NotificationConfigLoader.FILE_NAME);
        Files.writeString(file, PAGERDUTY + "    retry: {jitter: 2}\n");

        assertThatThrownBy(() -> NotificationConfigLoader.load(file, resolver()))
                .hasMessage("notifications.yaml:5: channels[0].retry: retry.jitter must be between 0.0 and 1.0, was 2.0");
    }
}
