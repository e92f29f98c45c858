package dev.firebreak.engine.notify.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.engine.notify.Notification;
import dev.firebreak.engine.notify.OpsgenieTarget;
import dev.firebreak.engine.notify.Priority;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Opsgenie Alert API v2, {@code Authorization: GenieKey …}, every request answered 202 and processed
 * asynchronously by Opsgenie. TRIGGER creates an alert ({@code POST /v2/alerts}) whose alias is the dedup key;
 * UPDATE adds a note ({@code POST /v2/alerts/{alias}/notes?identifierType=alias}); ACKNOWLEDGE and RESOLVE
 * acknowledge and close it ({@code …/acknowledge}, {@code …/close}, by alias), with the body as the note.
 * Limits: message 130, alias 512, description 15000, entity 512, 20 tags of 50, note 25000 characters.
 * Priority: P0 to P4 become Opsgenie's P1 to P5.
 */
final class OpsgenieProtocol implements ChannelProtocol {

    static final int MESSAGE_MAX = 130;
    static final int DESCRIPTION_MAX = 15_000;
    static final int ENTITY_MAX = 512;
    static final int TAG_MAX = 50;
    static final int TAGS_MAX = 20;
    static final int NOTE_MAX = 25_000;
    static final int DETAIL_MAX = 1_000;

    private final OpsgenieTarget target;
    private final HttpUrl alerts;

    OpsgenieProtocol(OpsgenieTarget target) {
        this.target = Objects.requireNonNull(target, "target");
        this.alerts = HttpUrl.get(target.baseUrl()).newBuilder().addPathSegments("v2/alerts").build();
    }

    @Override
    public Request request(Notification notification, String deliveryId) {
        HttpUrl url = switch (notification.kind()) {
            case TRIGGER -> alerts;
            case UPDATE -> byAlias(notification, "notes");
            case ACKNOWLEDGE -> byAlias(notification, "acknowledge");
            case RESOLVE -> byAlias(notification, "close");
        };
        ObjectNode body = switch (notification.kind()) {
            case TRIGGER -> create(notification);
            case UPDATE -> action(notification, true);
            case ACKNOWLEDGE, RESOLVE -> action(notification, false);
        };
        return new Request.Builder().url(url)
                .header("Authorization", "GenieKey " + target.apiKey().reveal())
                .header("User-Agent", USER_AGENT)
                .post(ChannelProtocol.json(body))
                .build();
    }

    private HttpUrl byAlias(Notification notification, String action) {
        return alerts.newBuilder().addPathSegment(notification.dedupKey()).addPathSegment(action)
                .addQueryParameter("identifierType", "alias").build();
    }

    ObjectNode create(Notification n) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("message", Texts.truncate(Texts.summary(n), MESSAGE_MAX));
        root.put("alias", n.dedupKey());
        root.put("description", Texts.truncate(n.text().isBlank() ? n.title() : n.text(), DESCRIPTION_MAX));
        root.put("priority", priority(n.priority()));
        if (!n.componentIds().isEmpty()) {
            root.put("entity", Texts.truncate(String.join(", ", n.componentIds()), ENTITY_MAX));
        }
        root.put("source", target.source());
        Set<String> tags = new LinkedHashSet<>();
        tags.add("firebreak");
        tags.add(Texts.truncate(n.incidentType(), TAG_MAX));
        for (String component : n.componentIds()) {
            if (tags.size() == TAGS_MAX) {
                break;
            }
            tags.add(Texts.truncate(component, TAG_MAX));
        }
        ArrayNode tagArray = root.putArray("tags");
        tags.forEach(tagArray::add);
        ObjectNode details = root.putObject("details");
        details.put("incidentId", n.incidentId());
        details.put("incidentPriority", n.priority().name());
        details.put("incidentType", Texts.truncate(n.incidentType(), DETAIL_MAX));
        details.put("components", Texts.truncate(String.join(", ", n.componentIds()), DETAIL_MAX));
        details.put("detectedAt", n.detectedAt().toString());
        n.link().ifPresent(uri -> details.put("link", Texts.truncate(uri.toString(), DETAIL_MAX)));
        return root;
    }

    /** Note, acknowledge and close bodies: source and the text as the note (an update's note is mandatory). */
    ObjectNode action(Notification n, boolean noteRequired) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("source", target.source());
        String note = n.text().isBlank() ? (noteRequired ? Texts.summary(n) : "") : n.text();
        if (!note.isEmpty()) {
            root.put("note", Texts.truncate(note, NOTE_MAX));
        }
        return root;
    }

    static String priority(Priority priority) {
        return "P" + (priority.ordinal() + 1);
    }
}
