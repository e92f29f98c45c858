package dev.firebreak.engine.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A fault to inject: what, where, how strong, when and for how long.
 *
 * @param type      the kind of fault
 * @param target    component id the fault is applied to
 * @param peer      the other end for faults between two components (partition, dependency failure)
 * @param magnitude strength, in the unit {@link FaultType#magnitudeMeaning()} names, within its range
 * @param start     when the fault begins (engine time)
 * @param duration  how long it lasts; positive
 */
public record FaultSpec(FaultType type, String target, Optional<String> peer, double magnitude, Instant start,
        Duration duration) {

    public FaultSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        if (type.needsPeer() && peer.isEmpty()) {
            throw new IllegalArgumentException(type.label() + " needs a peer component (target->peer)");
        }
        if (peer.isPresent() && peer.get().equals(target)) {
            throw new IllegalArgumentException("a fault's peer must differ from its target: " + target);
        }
        if (Double.isNaN(magnitude) || magnitude < type.minMagnitude() || magnitude > type.maxMagnitude()) {
            throw new IllegalArgumentException(type.label() + " magnitude (" + type.magnitudeMeaning() + ") must be in ["
                    + type.minMagnitude() + ", " + type.maxMagnitude() + "], was " + magnitude);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive, was " + duration);
        }
    }

    public Instant end() {
        return start.plus(duration);
    }

    public boolean isActiveAt(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end());
    }
}
