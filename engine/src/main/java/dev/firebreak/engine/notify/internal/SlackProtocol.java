package dev.firebreak.engine.notify.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.engine.notify.Notification;
import dev.firebreak.engine.notify.NotificationKind;
import dev.firebreak.engine.notify.SlackTarget;
import java.util.Locale;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * A Slack incoming-webhook message in Block Kit: a header (kind emoji, priority, title), a section with the body
 * and the fields Severity, State, Components and Type, and a context line with the incident id, detection time and
 * link. The top-level {@code text} is the fallback Slack shows in notifications. User text in mrkdwn is escaped
 * ({@code & < >}) and every text is cut to Block Kit's limits (header 150, section text 3000, field 2000).
 * Slack answers 200 {@code ok}.
 */
final class SlackProtocol implements ChannelProtocol {

    static final int HEADER_MAX = 150;
    static final int SECTION_TEXT_MAX = 3000;
    static final int FIELD_MAX = 2000;
    static final int CONTEXT_MAX = 3000;
    static final int FALLBACK_MAX = 3000;

    private final HttpUrl url;

    SlackProtocol(SlackTarget target) {
        Objects.requireNonNull(target, "target");
        // parse() rather than get(): get's message would quote the URL, which is the credential
        this.url = HttpUrl.parse(target.webhookUrl().reveal());
        if (url == null) {
            throw new IllegalArgumentException("webhookUrl: the value of " + target.webhookUrl().reference()
                    + " is not a URL OkHttp accepts");
        }
    }

    @Override
    public Request request(Notification notification, String deliveryId) {
        return new Request.Builder().url(url)
                .header("User-Agent", USER_AGENT)
                .post(ChannelProtocol.json(payload(notification)))
                .build();
    }

    ObjectNode payload(Notification n) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("text", Texts.truncate(emoji(n.kind()) + " " + Texts.summary(n) + " \u2014 " + state(n.kind())
                + " (" + n.incidentId() + ")", FALLBACK_MAX));
        ArrayNode blocks = root.putArray("blocks");

        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text")
                .put("text", Texts.truncate(emoji(n.kind()) + " " + Texts.summary(n), HEADER_MAX))
                .put("emoji", true);

        ObjectNode section = blocks.addObject().put("type", "section");
        if (!n.text().isBlank()) {
            section.putObject("text").put("type", "mrkdwn")
                    .put("text", Texts.truncate(escape(n.text()), SECTION_TEXT_MAX));
        }
        ArrayNode fields = section.putArray("fields");
        field(fields, "Severity", n.priority().name());
        field(fields, "State", state(n.kind()));
        field(fields, "Components", n.componentIds().isEmpty() ? "none" : String.join(", ", n.componentIds()));
        field(fields, "Type", n.incidentType());

        ObjectNode context = blocks.addObject().put("type", "context");
        String line = "Incident *" + escape(n.incidentId()) + "* \u00b7 detected " + Texts.display(n.detectedAt())
                + (n.kind() == NotificationKind.TRIGGER ? "" : " \u00b7 " + state(n.kind()).toLowerCase(Locale.ROOT)
                        + " " + Texts.display(n.occurredAt()))
                + n.link().map(uri -> " \u00b7 <" + uri + "|Open incident>").orElse("");
        context.putArray("elements").addObject().put("type", "mrkdwn").put("text", Texts.truncate(line, CONTEXT_MAX));
        return root;
    }

    private static void field(ArrayNode fields, String label, String value) {
        fields.addObject().put("type", "mrkdwn").put("text", Texts.truncate("*" + label + "*\n" + escape(value), FIELD_MAX));
    }

    static String state(NotificationKind kind) {
        return switch (kind) {
            case TRIGGER -> "Triggered";
            case UPDATE -> "Update";
            case ACKNOWLEDGE -> "Acknowledged";
            case RESOLVE -> "Resolved";
        };
    }

    /** The playbook's markers: siren, chart, eyes, check mark. */
    static String emoji(NotificationKind kind) {
        return switch (kind) {
            case TRIGGER -> "\uD83D\uDEA8";
            case UPDATE -> "\uD83D\uDCCA";
            case ACKNOWLEDGE -> "\uD83D\uDC40";
            case RESOLVE -> "\u2705";
        };
    }

    /** Slack's mrkdwn control characters. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
