package dev.firebreak.engine.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Who is on call for a team: members take turns of {@code shift} from {@code start}; an override (holiday cover)
 * puts someone else on call for a while and wins over the turn.
 *
 * @param name      referred to by policy levels
 * @param members   in turn order
 * @param start     when the first member's first shift began
 * @param shift     e.g. a week
 * @param overrides cover arrangements
 */
public record OnCallRotation(String name, List<String> members, Instant start, Duration shift, List<Override> overrides) {

    /** {@code person} is on call instead of the rotation from {@code from} until {@code until}. */
    public record Override(String person, Instant from, Instant until) {
        public Override {
            Objects.requireNonNull(person, "person");
            if (!until.isAfter(from)) {
                throw new IllegalArgumentException("an override must end after it starts: " + from + " to " + until);
            }
        }
    }

    public OnCallRotation {
        Objects.requireNonNull(name, "name");
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("rotation '" + name + "' has no members");
        }
        Objects.requireNonNull(start, "start");
        if (shift.isNegative() || shift.isZero()) {
            throw new IllegalArgumentException("rotation '" + name + "': shift must be positive, was " + shift);
        }
        overrides = List.copyOf(overrides);
    }

    /** Who is on call at {@code at}. */
    public String onCall(Instant at) {
        for (Override o : overrides) {
            if (!at.isBefore(o.from()) && at.isBefore(o.until())) {
                return o.person();
            }
        }
        long shifts = Math.floorDiv(Duration.between(start, at).toMillis(), shift.toMillis());
        return members.get((int) Math.floorMod(shifts, (long) members.size()));
    }
}
