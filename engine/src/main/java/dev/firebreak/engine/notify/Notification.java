package dev.firebreak.engine.notify;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing to tell the outside world about an incident. The caller renders {@code text} from its template;
 * each channel shapes title, text and fields into its vendor's payload (and shortens them to the vendor's
 * limits).
 *
 * @param incidentId   the incident's id, e.g. {@code INC-2025-11-10-001}; not blank, at most 128 characters
 * @param dedupKey     stable for the incident and shared by its trigger, updates, acknowledgement and resolution:
 *                     PagerDuty's {@code dedup_key}, Opsgenie's {@code alias}; 1..255 characters, no control
 *                     characters
 * @param kind         what happened
 * @param priority     the incident's priority now
 * @param title        one line, e.g. "Checkout latency above SLO"; not blank
 * @param text         the rendered body (may be empty)
 * @param componentIds the affected components, most implicated first; may be empty
 * @param incidentType e.g. "infrastructure", "application"; not blank
 * @param detectedAt   when the incident was detected
 * @param occurredAt   when this event happened (the acknowledgement, the update); not before {@code detectedAt}
 * @param link         where to look, e.g. the incident in a runbook or dashboard; absolute http(s) if present
 */
public record Notification(String incidentId, String dedupKey, NotificationKind kind, Priority priority, String title,
        String text, List<String> componentIds, String incidentType, Instant detectedAt, Instant occurredAt,
        Optional<URI> link) {

    /** PagerDuty's limit on {@code dedup_key}, the tightest of the vendors. */
    public static final int MAX_DEDUP_KEY_LENGTH = 255;
    public static final int MAX_INCIDENT_ID_LENGTH = 128;

    public Notification {
        requireText(incidentId, "incidentId");
        if (incidentId.length() > MAX_INCIDENT_ID_LENGTH) {
            throw new IllegalArgumentException("incidentId must be 1 to " + MAX_INCIDENT_ID_LENGTH + " characters, was "
                    + incidentId.length());
        }
        requireText(dedupKey, "dedupKey");
        if (dedupKey.length() > MAX_DEDUP_KEY_LENGTH) {
            throw new IllegalArgumentException("dedupKey must be 1 to " + MAX_DEDUP_KEY_LENGTH + " characters, was "
                    + dedupKey.length());
        }
        if (dedupKey.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("dedupKey must not contain control characters");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(priority, "priority");
        requireText(title, "title");
        Objects.requireNonNull(text, "text");
        componentIds = List.copyOf(Objects.requireNonNull(componentIds, "componentIds"));
        for (String component : componentIds) {
            requireText(component, "each of componentIds");
        }
        requireText(incidentType, "incidentType");
        Objects.requireNonNull(detectedAt, "detectedAt");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (occurredAt.isBefore(detectedAt)) {
            throw new IllegalArgumentException("occurredAt (" + occurredAt + ") must not be before detectedAt ("
                    + detectedAt + ")");
        }
        Objects.requireNonNull(link, "link");
        link.ifPresent(Notification::requireHttpLink);
    }

    /** A copy for another kind of event at {@code at}, with a new body: the dedup key stays. */
    public Notification next(NotificationKind nextKind, Instant at, String nextText) {
        return new Notification(incidentId, dedupKey, nextKind, priority, title, nextText, componentIds, incidentType,
                detectedAt, at, link);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requireHttpLink(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("link must be an absolute http or https URL, was " + uri);
        }
    }
}
