package dev.firebreak.engine.incident;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An incident as it stands: an immutable snapshot, made again on every change.
 *
 * @param id                 incident number, from 1
 * @param title              what hurts, in one line
 * @param severity           in force: the override if a person set one, else the computed one
 * @param computedSeverity   from impact, recomputed as the incident grows
 * @param severityOverride   why a person overrode the severity, if one did
 * @param type               in force (overridden or inferred)
 * @param state              lifecycle state
 * @param openedAt           when its first alert arrived (engine time)
 * @param acknowledgedBy     who acknowledged it
 * @param acknowledgedAt     when
 * @param resolvedAt         when it was last resolved
 * @param components         affected component ids, in the order they joined
 * @param alertCount         alerts joined, repeats included
 * @param roles              who holds which role
 * @param lastActivity       the newest alert or change
 * @param lastStatusUpdate   when the last status update was sent, if any
 * @param timelineHead       the newest timeline entry's number and hash
 */
public record Incident(long id, String title, IncidentSeverity severity, IncidentSeverity computedSeverity,
        Optional<String> severityOverride, IncidentType type, IncidentState state, Instant openedAt,
        Optional<String> acknowledgedBy, Optional<Instant> acknowledgedAt, Optional<Instant> resolvedAt,
        List<String> components, long alertCount, Map<Role, String> roles, Instant lastActivity,
        Optional<Instant> lastStatusUpdate, TimelineChain.Head timelineHead) {

    public Incident {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(computedSeverity, "computedSeverity");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(openedAt, "openedAt");
        components = List.copyOf(components);
        EnumMap<Role, String> copy = new EnumMap<>(Role.class);
        copy.putAll(roles);
        roles = java.util.Collections.unmodifiableMap(copy);
    }

    /** "INC-0042". */
    public String key() {
        return key(id);
    }

    public static String key(long id) {
        return String.format(java.util.Locale.ROOT, "INC-%04d", id);
    }

    public boolean isAcknowledged() {
        return acknowledgedBy.isPresent();
    }

    public Optional<String> commander() {
        return Optional.ofNullable(roles.get(Role.COMMANDER));
    }
}
