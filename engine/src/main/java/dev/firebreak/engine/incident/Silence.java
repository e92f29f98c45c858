package dev.firebreak.engine.incident;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Suppresses matching alerts between two instants: a maintenance window planned ahead, or a silence set during an
 * incident. A suppressed alert opens nothing and is counted, and the incident it would have joined says so.
 *
 * @param id          assigned by the service
 * @param componentId only alerts on this component; empty for every component
 * @param fingerprintPrefix only alerts whose fingerprint starts with this; empty for every alert
 * @param startsAt    from
 * @param endsAt      until (exclusive)
 * @param reason      why, shown wherever it suppresses something
 * @param createdBy   who set it
 */
public record Silence(long id, Optional<String> componentId, Optional<String> fingerprintPrefix, Instant startsAt,
        Instant endsAt, String reason, String createdBy) {

    public Silence {
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(fingerprintPrefix, "fingerprintPrefix");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(createdBy, "createdBy");
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("a silence must end after it starts, was " + startsAt + " to " + endsAt);
        }
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a silence needs a reason");
        }
    }

    public boolean matches(Alert alert, Instant at) {
        return !at.isBefore(startsAt) && at.isBefore(endsAt)
                && componentId.map(alert.componentId()::equals).orElse(true)
                && fingerprintPrefix.map(alert.fingerprint()::startsWith).orElse(true);
    }
}
