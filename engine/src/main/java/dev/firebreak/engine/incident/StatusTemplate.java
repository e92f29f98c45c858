package dev.firebreak.engine.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The playbook's three stakeholder messages (initial notification, status update, resolution), filled in from an
 * incident and its timeline for the commander to edit and send.
 */
public enum StatusTemplate {
    INITIAL, UPDATE, RESOLUTION;

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    /** Timeline kinds that describe what people and automation did, for "current actions" and "resolution". */
    private static final List<TimelineKind> ACTIONS = List.of(TimelineKind.NOTE, TimelineKind.ACTION, TimelineKind.RUNBOOK,
            TimelineKind.DIAGNOSIS);

    /** Which message is owed next: the initial one until one was sent, the resolution once resolved. */
    public static StatusTemplate dueFor(Incident incident) {
        if (!incident.state().isOpen()) {
            return RESOLUTION;
        }
        return incident.lastStatusUpdate().isPresent() ? UPDATE : INITIAL;
    }

    /** The message, filled in. */
    public String render(Incident incident, List<TimelineEntry> timeline, Instant now, Optional<Instant> nextUpdate) {
        StringBuilder text = new StringBuilder();
        String severity = incident.severity().label();
        switch (this) {
            case INITIAL -> {
                text.append("INCIDENT DETECTED: ").append(incident.key()).append(" ").append(incident.title()).append("\n\n");
                text.append("Severity: ").append(severity).append('\n');
                text.append("Service: ").append(String.join(", ", incident.components())).append('\n');
                text.append("Impact: ").append(incident.severity().impact()).append('\n');
                text.append("Detected: ").append(DATE_TIME.format(incident.openedAt())).append('\n');
                text.append("Status: ").append(state(incident)).append("\n\n");
                roles(text, incident);
                text.append('\n');
                nextUpdate.ifPresent(at -> text.append("Next update by ").append(TIME.format(at)).append(".\n"));
            }
            case UPDATE -> {
                text.append("INCIDENT UPDATE - ").append(TIME.format(now)).append(": ").append(incident.key()).append(' ')
                        .append(incident.title()).append("\n\n");
                text.append("Severity: ").append(severity).append('\n');
                text.append("Status: ").append(state(incident)).append('\n');
                text.append("Duration: ").append(minutes(Duration.between(incident.openedAt(), now))).append("\n\n");
                text.append("Root Cause: ").append(rootCause(timeline)).append('\n');
                text.append("Current Actions:\n");
                recent(text, timeline, 3);
                nextUpdate.ifPresent(at -> text.append("\nNext Update: ").append(TIME.format(at)).append('\n'));
            }
            case RESOLUTION -> {
                Instant resolved = incident.resolvedAt().orElse(now);
                text.append("INCIDENT RESOLVED - ").append(TIME.format(resolved)).append(": ").append(incident.key())
                        .append(' ').append(incident.title()).append("\n\n");
                text.append("Severity: ").append(severity).append('\n');
                text.append("Duration: ").append(minutes(Duration.between(incident.openedAt(), resolved))).append("\n\n");
                text.append("Root Cause: ").append(rootCause(timeline)).append("\n\n");
                text.append("Resolution:\n");
                recent(text, timeline, 5);
                text.append("\nImpact:\n  - ").append(incident.severity().impact()).append("\n  - ")
                        .append(incident.components().size()).append(" component(s): ")
                        .append(String.join(", ", incident.components())).append('\n');
                text.append("\nPost-Mortem: to be scheduled\n");
            }
        }
        return text.toString();
    }

    private static String state(Incident incident) {
        String name = incident.state().name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static void roles(StringBuilder text, Incident incident) {
        text.append("Incident Commander: ").append(incident.commander().orElse("unassigned")).append('\n');
        text.append("Tech Lead: ").append(incident.roles().getOrDefault(Role.TECHNICAL_LEAD, "unassigned")).append('\n');
    }

    private static String rootCause(List<TimelineEntry> timeline) {
        return timeline.reversed().stream().filter(e -> e.kind() == TimelineKind.DIAGNOSIS).findFirst()
                .map(TimelineEntry::text).orElse("under investigation");
    }

    private static void recent(StringBuilder text, List<TimelineEntry> timeline, int count) {
        List<TimelineEntry> actions = timeline.stream().filter(e -> ACTIONS.contains(e.kind())).toList();
        if (actions.isEmpty()) {
            text.append("  - investigating\n");
            return;
        }
        actions.subList(Math.max(0, actions.size() - count), actions.size())
                .forEach(e -> text.append("  - ").append(e.text()).append(" (").append(e.actor()).append(")\n"));
    }

    private static String minutes(Duration duration) {
        return Math.max(0, duration.toMinutes()) + " minutes";
    }
}
