package dev.firebreak.engine.notify.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.engine.notify.Notification;
import dev.firebreak.engine.notify.WebhookTarget;
import java.util.Locale;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Firebreak's own webhook: {@code POST} to the configured URL, any 2xx is success. Headers:
 * {@code Content-Type: application/json; charset=utf-8}, {@code X-Firebreak-Delivery} (a UUID, the same for every
 * attempt of one delivery: receivers drop repeats by it), {@code Authorization: Bearer …} when a token is
 * configured. Body, schema {@code firebreak.notification/v1}:
 *
 * <pre>{@code
 * {
 *   "schema": "firebreak.notification/v1",
 *   "deliveryId": "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
 *   "incidentId": "INC-2025-11-10-001",
 *   "dedupKey": "firebreak/INC-2025-11-10-001",      // same for trigger, updates, acknowledge, resolve
 *   "kind": "trigger",                                // trigger | update | acknowledge | resolve
 *   "priority": "P0",                                 // P0 .. P4
 *   "title": "API gateway down",
 *   "text": "All users unable to access service",     // may be ""
 *   "components": ["api-gateway"],                    // may be []
 *   "incidentType": "infrastructure",
 *   "detectedAt": "2025-11-10T14:23:00Z",             // ISO 8601, UTC
 *   "occurredAt": "2025-11-10T14:23:00Z",
 *   "link": "https://firebreak.example/incidents/1"   // left out when there is none
 * }
 * }</pre>
 */
final class WebhookProtocol implements ChannelProtocol {

    static final String SCHEMA = "firebreak.notification/v1";
    static final String DELIVERY_HEADER = "X-Firebreak-Delivery";

    private final WebhookTarget target;
    private final HttpUrl url;

    WebhookProtocol(WebhookTarget target) {
        this.target = Objects.requireNonNull(target, "target");
        // parse() rather than get(): get's message would quote the URL, which may carry a token
        this.url = HttpUrl.parse(target.url().reveal());
        if (url == null) {
            throw new IllegalArgumentException("url: " + (target.url().isSecret() ? "the value of "
                    + target.url().reference() : "'" + target.url().reveal() + "'") + " is not a URL OkHttp accepts");
        }
    }

    @Override
    public Request request(Notification notification, String deliveryId) {
        Request.Builder builder = new Request.Builder().url(url)
                .header("User-Agent", USER_AGENT)
                .header(DELIVERY_HEADER, deliveryId)
                .post(ChannelProtocol.json(payload(notification, deliveryId)));
        target.bearerToken().ifPresent(token -> builder.header("Authorization", "Bearer " + token.reveal()));
        return builder.build();
    }

    ObjectNode payload(Notification n, String deliveryId) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("deliveryId", deliveryId);
        root.put("incidentId", n.incidentId());
        root.put("dedupKey", n.dedupKey());
        root.put("kind", n.kind().name().toLowerCase(Locale.ROOT));
        root.put("priority", n.priority().name());
        root.put("title", n.title());
        root.put("text", n.text());
        ArrayNode components = root.putArray("components");
        n.componentIds().forEach(components::add);
        root.put("incidentType", n.incidentType());
        root.put("detectedAt", n.detectedAt().toString());
        root.put("occurredAt", n.occurredAt().toString());
        n.link().ifPresent(uri -> root.put("link", uri.toString()));
        return root;
    }
}
