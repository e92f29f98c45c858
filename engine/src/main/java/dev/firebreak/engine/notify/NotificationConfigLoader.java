package dev.firebreak.engine.notify;

import dev.firebreak.engine.notify.internal.YamlNotificationConfigParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the notification channels from {@code notifications.yaml}:
 *
 * <pre>{@code
 * channels:
 *   - name: incidents-slack
 *     type: slack                     # slack | pagerduty | opsgenie | webhook
 *     webhookUrl: env:FIREBREAK_SLACK_WEBHOOK_URL
 *     priorities: [P0, P1, P2, P3]    # default: all
 *     kinds: [trigger, update, acknowledge, resolve]   # default: all (pagerduty: all but update)
 *     timeouts: {connect: 2s, read: 5s, call: 10s}
 *     retry: {maxAttempts: 4, initialBackoff: 1s, multiplier: 2, maxBackoff: 2m, jitter: 0.2}
 *     rateLimit: {permits: 20, per: 1m}
 *     breaker: {failureThreshold: 5, coolDown: 1m}
 *     queueCapacity: 100
 *   - name: oncall
 *     type: pagerduty
 *     routingKey: secret:pagerduty.routing-key
 *     source: shop-prod               # default firebreak
 *     group: shop                     # optional
 *   - name: opsgenie
 *     type: opsgenie
 *     apiKey: secret:opsgenie.api-key
 *     baseUrl: https://api.eu.opsgenie.com   # default https://api.opsgenie.com
 *   - name: audit
 *     type: webhook
 *     url: https://hooks.example.internal/firebreak
 *     bearerToken: env:AUDIT_HOOK_TOKEN      # optional
 * }</pre>
 *
 * Credentials are references resolved through the given {@link SecretResolver}; a value written in their place
 * is refused. Errors name the file, line and field.
 */
public final class NotificationConfigLoader {

    /** The usual file name, in the data directory. */
    public static final String FILE_NAME = "notifications.yaml";

    private NotificationConfigLoader() {
    }

    public static NotificationConfig load(Path file, SecretResolver secrets) throws NotificationConfigException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.getFileName().toString(), reader, secrets);
        } catch (IOException e) {
            throw new NotificationConfigException(file.toString(), 0, "", "cannot read the file: " + e.getMessage());
        }
    }

    public static NotificationConfig parse(String sourceName, Reader reader, SecretResolver secrets)
            throws NotificationConfigException {
        return YamlNotificationConfigParser.parse(sourceName, reader, secrets);
    }
}
