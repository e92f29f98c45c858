package dev.firebreak.engine.heal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * How healing decides (self-healing-system.md 6-7). The defaults are starting points a team tunes, not measured optima.
 *
 * @param defaultMode          the mode of an environment {@code modes} does not name
 * @param modes                mode per environment
 * @param confidenceThreshold  the adjusted confidence a cause needs unless the playbook sets its own
 * @param allowedRadius        the largest blast radius healing acts on by itself
 * @param breakerFailures      this many failed heals within {@code breakerWindow} open the healing breaker
 * @param breakerWindow        see above; the breaker closes again once the failures age out of it
 * @param actionsPerHour       actions started in any hour, at most
 * @param cooldown             time after an action on a component before another may start on it
 * @param maxParallel          actions running (executing or verifying) at once, at most
 * @param freezes              change freezes
 * @param recurrence           a healed cause that comes back on the same component within this counts as a failed heal
 * @param strategies           what may set healing off
 * @param predictiveLead       a predicted failure needs at least this much lead time to act on
 * @param adaptiveBound        how far a playbook's record may move a cause's confidence, up or down
 */
public record HealingConfig(HealingMode defaultMode, Map<String, HealingMode> modes, double confidenceThreshold,
        BlastRadius allowedRadius, int breakerFailures, Duration breakerWindow, int actionsPerHour, Duration cooldown,
        int maxParallel, List<ChangeFreeze> freezes, Duration recurrence, Set<Strategy> strategies,
        Duration predictiveLead, double adaptiveBound) {

    public HealingConfig {
        Objects.requireNonNull(defaultMode, "defaultMode");
        modes = Map.copyOf(new TreeMap<>(modes));
        if (!(confidenceThreshold >= 0 && confidenceThreshold <= 1)) {
            throw new IllegalArgumentException("confidence threshold must be in [0, 1], was " + confidenceThreshold);
        }
        Objects.requireNonNull(allowedRadius, "allowedRadius");
        if (breakerFailures < 1) {
            throw new IllegalArgumentException("breaker failures must be at least 1, was " + breakerFailures);
        }
        positive(breakerWindow, "breaker window");
        if (actionsPerHour < 1) {
            throw new IllegalArgumentException("actions per hour must be at least 1, was " + actionsPerHour);
        }
        Objects.requireNonNull(cooldown, "cooldown");
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown cannot be negative, was " + cooldown);
        }
        if (maxParallel < 1) {
            throw new IllegalArgumentException("parallel actions must be at least 1, was " + maxParallel);
        }
        freezes = List.copyOf(freezes);
        positive(recurrence, "recurrence window");
        strategies = strategies.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(strategies));
        positive(predictiveLead, "predictive lead time");
        if (!(adaptiveBound >= 0 && adaptiveBound <= 0.5)) {
            throw new IllegalArgumentException("adaptive bound must be in [0, 0.5], was " + adaptiveBound);
        }
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }

    /** Shadow by default (a team builds trust before switching it on); every strategy on. */
    public static HealingConfig defaults() {
        return new HealingConfig(HealingMode.SHADOW, Map.of(), 0.8, BlastRadius.SEVERAL_SERVICES, 3, Duration.ofHours(1),
                20, Duration.ofMinutes(10), 3, List.of(), Duration.ofMinutes(30), EnumSet.allOf(Strategy.class),
                Duration.ofMinutes(10), 0.15);
    }

    public HealingMode modeFor(String environment) {
        return modes.getOrDefault(environment, defaultMode);
    }

    public Optional<ChangeFreeze> freezeAt(Instant at) {
        return freezes.stream().filter(freeze -> freeze.covers(at)).findFirst();
    }

    public HealingConfig withMode(String environment, HealingMode mode) {
        Map<String, HealingMode> next = new TreeMap<>(modes);
        next.put(environment, mode);
        return new HealingConfig(defaultMode, next, confidenceThreshold, allowedRadius, breakerFailures, breakerWindow,
                actionsPerHour, cooldown, maxParallel, freezes, recurrence, strategies, predictiveLead, adaptiveBound);
    }

    public HealingConfig withDefaultMode(HealingMode mode) {
        return new HealingConfig(mode, modes, confidenceThreshold, allowedRadius, breakerFailures, breakerWindow,
                actionsPerHour, cooldown, maxParallel, freezes, recurrence, strategies, predictiveLead, adaptiveBound);
    }

    public HealingConfig withAllowedRadius(BlastRadius radius) {
        return new HealingConfig(defaultMode, modes, confidenceThreshold, radius, breakerFailures, breakerWindow,
                actionsPerHour, cooldown, maxParallel, freezes, recurrence, strategies, predictiveLead, adaptiveBound);
    }

    public HealingConfig withFreeze(ChangeFreeze freeze) {
        List<ChangeFreeze> next = new java.util.ArrayList<>(freezes);
        next.add(freeze);
        return new HealingConfig(defaultMode, modes, confidenceThreshold, allowedRadius, breakerFailures, breakerWindow,
                actionsPerHour, cooldown, maxParallel, next, recurrence, strategies, predictiveLead, adaptiveBound);
    }

    public HealingConfig withBreaker(int failures, Duration window) {
        return new HealingConfig(defaultMode, modes, confidenceThreshold, allowedRadius, failures, window, actionsPerHour,
                cooldown, maxParallel, freezes, recurrence, strategies, predictiveLead, adaptiveBound);
    }

    public HealingConfig withCooldown(Duration value) {
        return new HealingConfig(defaultMode, modes, confidenceThreshold, allowedRadius, breakerFailures, breakerWindow,
                actionsPerHour, value, maxParallel, freezes, recurrence, strategies, predictiveLead, adaptiveBound);
    }

    public HealingConfig withStrategies(Set<Strategy> value) {
        return new HealingConfig(defaultMode, modes, confidenceThreshold, allowedRadius, breakerFailures, breakerWindow,
                actionsPerHour, cooldown, maxParallel, freezes, recurrence, value, predictiveLead, adaptiveBound);
    }
}
