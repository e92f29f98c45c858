package dev.firebreak.engine.notify.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.engine.notify.Notification;
import dev.firebreak.engine.notify.NotificationKind;
import dev.firebreak.engine.notify.PagerDutyTarget;
import dev.firebreak.engine.notify.Priority;
import java.util.Locale;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * PagerDuty Events API v2: {@code POST /v2/enqueue}, answered 202. A trigger carries the whole PD-CEF payload
 * (summary cut to 1024 characters, source, severity, timestamp, component, group, class, custom_details) and a
 * link; acknowledge and resolve carry only {@code routing_key}, {@code event_action} and the same
 * {@code dedup_key}, as the API documents them. An UPDATE reaches this protocol only when the channel opted in,
 * and goes as a trigger with the same dedup key. Severity: P0 and P1 critical, P2 error, P3 warning, P4 info.
 */
final class PagerDutyProtocol implements ChannelProtocol {

    static final int SUMMARY_MAX = 1024;

    private final PagerDutyTarget target;
    private final HttpUrl enqueue;

    PagerDutyProtocol(PagerDutyTarget target) {
        this.target = Objects.requireNonNull(target, "target");
        this.enqueue = HttpUrl.get(target.baseUrl()).newBuilder().addPathSegments("v2/enqueue").build();
    }

    @Override
    public Request request(Notification notification, String deliveryId) {
        return new Request.Builder().url(enqueue)
                .header("User-Agent", USER_AGENT)
                .post(ChannelProtocol.json(payload(notification)))
                .build();
    }

    ObjectNode payload(Notification n) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("routing_key", target.routingKey().reveal());
        root.put("event_action", action(n.kind()));
        root.put("dedup_key", n.dedupKey());
        if (n.kind() == NotificationKind.ACKNOWLEDGE || n.kind() == NotificationKind.RESOLVE) {
            return root;
        }
        ObjectNode payload = root.putObject("payload");
        payload.put("summary", Texts.truncate(Texts.summary(n), SUMMARY_MAX));
        payload.put("source", target.source());
        payload.put("severity", severity(n.priority()));
        payload.put("timestamp", n.occurredAt().toString());
        if (!n.componentIds().isEmpty()) {
            payload.put("component", n.componentIds().getFirst());
        }
        target.group().ifPresent(group -> payload.put("group", group));
        payload.put("class", n.incidentType());
        ObjectNode details = payload.putObject("custom_details");
        details.put("incident_id", n.incidentId());
        details.put("priority", n.priority().name());
        details.put("kind", n.kind().name().toLowerCase(Locale.ROOT));
        ArrayNode components = details.putArray("components");
        n.componentIds().forEach(components::add);
        details.put("detected_at", n.detectedAt().toString());
        details.put("text", n.text());
        root.put("client", "Firebreak");
        n.link().ifPresent(uri -> root.putArray("links").addObject().put("href", uri.toString())
                .put("text", "Incident " + n.incidentId()));
        return root;
    }

    static String action(NotificationKind kind) {
        return switch (kind) {
            case TRIGGER, UPDATE -> "trigger";
            case ACKNOWLEDGE -> "acknowledge";
            case RESOLVE -> "resolve";
        };
    }

    static String severity(Priority priority) {
        return switch (priority) {
            case P0, P1 -> "critical";
            case P2 -> "error";
            case P3 -> "warning";
            case P4 -> "info";
        };
    }
}
