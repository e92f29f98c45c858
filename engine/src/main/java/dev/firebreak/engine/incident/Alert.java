package dev.firebreak.engine.incident;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One signal that something may be wrong, whatever its source. Alerts with the same {@code fingerprint} are the
 * same alert firing again: while it is active a repeat only counts, and an alert that ended and fires again
 * extends or reopens the incident it belonged to instead of opening another.
 *
 * @param source      where it came from
 * @param fingerprint identity for deduplication, e.g. {@code health:orders} or {@code predict:cart:memory}
 * @param componentId the component it is about (must be in the topology)
 * @param metric      the metric it is about, empty when it is about the whole component
 * @param level       how loud it is
 * @param summary     one line a person can read
 * @param labels      extra key/values (alert labels from external sources)
 * @param startsAt    when it started firing (engine time)
 * @param endsAt      when it stopped, if it did: an ended alert closes its fingerprint
 */
public record Alert(AlertSource source, String fingerprint, String componentId, Optional<String> metric, AlertLevel level,
        String summary, Map<String, String> labels, Instant startsAt, Optional<Instant> endsAt) {

    public Alert {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        if (fingerprint.isBlank()) {
            throw new IllegalArgumentException("an alert needs a fingerprint");
        }
        labels = Map.copyOf(new TreeMap<>(Objects.requireNonNull(labels, "labels")));
    }

    /** A firing alert with no metric and no labels. */
    public static Alert firing(AlertSource source, String fingerprint, String componentId, AlertLevel level,
            String summary, Instant at) {
        return new Alert(source, fingerprint, componentId, Optional.empty(), level, summary, Map.of(), at, Optional.empty());
    }

    /** The same alert, ended at {@code at}. */
    public Alert endedAt(Instant at) {
        return new Alert(source, fingerprint, componentId, metric, level, summary, labels, startsAt, Optional.of(at));
    }

    public boolean isEnded() {
        return endsAt.isPresent();
    }
}
