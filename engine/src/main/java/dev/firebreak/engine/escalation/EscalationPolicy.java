package dev.firebreak.engine.escalation;

import dev.firebreak.engine.topology.Component;
import dev.firebreak.engine.topology.ComponentKind;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A chain of levels for the incidents it applies to.
 *
 * @param name    shown on the timeline
 * @param kinds   component kinds it applies to (empty: any component)
 * @param levels  in order, delays not decreasing
 * @param repeat  how many times the whole chain runs again after its last level while the incident stays open
 * @param repeatAfter pause between the last level and the next round
 */
public record EscalationPolicy(String name, Set<ComponentKind> kinds, List<EscalationLevel> levels, int repeat,
        Duration repeatAfter) {

    public EscalationPolicy {
        Objects.requireNonNull(name, "name");
        kinds = Set.copyOf(kinds);
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("policy '" + name + "' has no levels");
        }
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).level() != i + 1) {
                throw new IllegalArgumentException("policy '" + name + "': levels must be numbered 1, 2, 3... in order; level "
                        + levels.get(i).level() + " is at position " + (i + 1));
            }
            if (i > 0 && levels.get(i).delay().compareTo(levels.get(i - 1).delay()) < 0) {
                throw new IllegalArgumentException("policy '" + name + "': level " + (i + 1) + " comes before level " + i);
            }
        }
        if (repeat < 0 || repeat > 10) {
            throw new IllegalArgumentException("policy '" + name + "': repeat must be between 0 and 10, was " + repeat);
        }
        Objects.requireNonNull(repeatAfter, "repeatAfter");
    }

    /** Whether this policy covers an incident touching {@code components}. */
    public boolean appliesTo(List<Component> components) {
        return kinds.isEmpty() || components.stream().anyMatch(c -> kinds.contains(c.kind()));
    }

    /** How long one round takes, to its last level. */
    public Duration roundLength() {
        return levels.getLast().delay();
    }
}
