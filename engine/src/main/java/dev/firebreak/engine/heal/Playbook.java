package dev.firebreak.engine.heal;

import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.runbook.Runbook;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A healing playbook: a runbook (its steps are the pre-checks, actions and per-step rollbacks, run by the runbook engine)
 * plus what healing needs to choose it and judge it.
 *
 * @param runbook      the steps; its {@code preconditions} are the pre-checks, checked when the run starts
 * @param category     the seed's category (restart, scale, circuit-break, failover, rollback, cleanup...)
 * @param triggers     which diagnosed causes it answers: what any of them answers (at least one)
 * @param confidence   the confidence the cause needs; empty for the configured default
 * @param scope        what its actions touch (the blast radius is computed from it)
 * @param mode         a stricter mode than the environment's for this playbook; empty to follow the environment
 * @param verification how success is judged after the run
 * @param priority     among several matching playbooks the highest wins (then the id)
 * @param lasting      its change stays until a person undoes it (an open breaker, a reroute, a failover), so once
 *                     verified it is not made again for the same incident
 */
public record Playbook(Runbook runbook, String category, List<Trigger> triggers, Optional<Double> confidence,
        ActionScope scope, Optional<HealingMode> mode, Verification verification, int priority, boolean lasting) {

    public Playbook {
        Objects.requireNonNull(runbook, "runbook");
        Objects.requireNonNull(category, "category");
        triggers = List.copyOf(triggers);
        if (triggers.isEmpty()) {
            throw new IllegalArgumentException("a playbook needs at least one trigger");
        }
        Objects.requireNonNull(confidence, "confidence");
        confidence.ifPresent(value -> {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("confidence must be in [0, 1], was " + value);
            }
        });
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(verification, "verification");
    }

    public String id() {
        return runbook.id();
    }

    /** Whether a step of it has a rollback: what undoing a verified run of it by hand runs. */
    public boolean undoable() {
        return hasRollback(runbook);
    }

    static boolean hasRollback(Runbook runbook) {
        return runbook.steps().stream().anyMatch(step -> step.rollback().isPresent());
    }

    /** Whether a trigger answers the cause: the fault-kind prefix the first such trigger matched, or empty. */
    public Optional<String> answers(String diagnosedKind, String componentKind, Strategy strategy, HealthState now) {
        return triggers.stream().flatMap(t -> t.matches(diagnosedKind, componentKind, strategy, now).stream()).findFirst();
    }

    /** The strategies any of its triggers answers. */
    public Set<Strategy> strategies() {
        Set<Strategy> all = EnumSet.noneOf(Strategy.class);
        triggers.forEach(t -> all.addAll(t.strategies()));
        return all;
    }

    /** The component kinds any of its triggers answers; empty when one of them answers every kind. */
    public Set<String> componentKinds() {
        Set<String> all = new LinkedHashSet<>();
        for (Trigger trigger : triggers) {
            if (trigger.componentKinds().isEmpty()) {
                return Set.of();
            }
            all.addAll(trigger.componentKinds());
        }
        return all;
    }

    /**
     * Which causes a playbook answers.
     *
     * @param faultKinds     prefixes of the diagnosed kind ("resource exhaustion: memory", "bad deployment"), any case;
     *                       {@code any} matches every kind (for a trigger that rests on the component's health)
     * @param componentKinds kinds of the blamed component (service, database...); empty for any
     * @param strategies     what may set it off (reactive by default)
     * @param health         the blamed component's health must be at least this bad (its checks and metrics fused), if
     *                       given: a database that is down is failed over however the diagnosis words its kind
     */
    public record Trigger(List<String> faultKinds, List<String> componentKinds, Set<Strategy> strategies,
            Optional<HealthState> health) {
        public static final String ANY = "any";

        public Trigger {
            faultKinds = faultKinds.stream().map(kind -> kind.strip().toLowerCase(Locale.ROOT)).toList();
            if (faultKinds.isEmpty()) {
                throw new IllegalArgumentException("a trigger needs at least one fault kind");
            }
            componentKinds = componentKinds.stream().map(kind -> kind.strip().toLowerCase(Locale.ROOT)).toList();
            strategies = Set.copyOf(strategies);
            if (strategies.isEmpty()) {
                throw new IllegalArgumentException("a trigger needs at least one strategy");
            }
            Objects.requireNonNull(health, "health");
            if (faultKinds.contains(ANY) && health.isEmpty()) {
                throw new IllegalArgumentException("a trigger on any fault kind needs a health condition");
            }
        }

        /** Its fault kinds, with the health they need when it names one ("any, when critical"). */
        public String describe() {
            return String.join(", ", faultKinds) + health.map(h -> ", when " + h.name().toLowerCase(Locale.ROOT)).orElse("");
        }

        /** The fault-kind prefix the diagnosed kind matched, or empty. */
        public Optional<String> matches(String diagnosedKind, String componentKind, Strategy strategy, HealthState now) {
            if (!strategies.contains(strategy) || health.isPresent() && health.get().isWorseThan(now)) {
                return Optional.empty();
            }
            String component = componentKind.toLowerCase(Locale.ROOT).replace('_', '-');
            if (!componentKinds.isEmpty() && !componentKinds.contains(component)) {
                return Optional.empty();
            }
            String kind = diagnosedKind.toLowerCase(Locale.ROOT);
            return faultKinds.stream().filter(prefix -> prefix.equals(ANY) || kind.startsWith(prefix)).findFirst();
        }
    }

    /**
     * How the result is judged (self-healing-system.md 8): the symptom's metrics back inside their bands and the health
     * checks passing, continuously for {@code hold}, with no new anomaly on the neighbours; judged at the latest after
     * {@code timeout}. A state worse than before the action for {@code worseFor} fails it at once, once the action's own
     * disruption has had {@code settle} to pass (a restarted instance is away for a while; that is not the action
     * making things worse). {@code addsCapacity}: the playbook gives the component more room rather than taking away
     * what loads it (a noisy neighbour still takes CPU after a scale-out), so its CPU, memory and disk count as back once
     * under the saturation line, however far above their level before the incident; errors and latency are held to
     * that level as for any playbook.
     */
    public record Verification(Duration hold, Duration timeout, Duration worseFor, Duration settle, boolean neighbours,
            boolean checks, boolean addsCapacity) {
        public static final Verification DEFAULT = new Verification(Duration.ofSeconds(30), Duration.ofMinutes(5),
                Duration.ofSeconds(30), Duration.ofSeconds(60), true, true, false);

        /** A playbook that removes the fault's cause: every resource is held to its level before the incident. */
        public Verification(Duration hold, Duration timeout, Duration worseFor, Duration settle, boolean neighbours,
                boolean checks) {
            this(hold, timeout, worseFor, settle, neighbours, checks, false);
        }

        public Verification {
            Objects.requireNonNull(hold, "hold");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(worseFor, "worseFor");
            if (hold.isNegative() || hold.isZero()) {
                throw new IllegalArgumentException("hold must be positive, was " + hold);
            }
            if (timeout.compareTo(hold) < 0) {
                throw new IllegalArgumentException("timeout (" + timeout + ") must be at least the hold (" + hold + ")");
            }
            if (worseFor.isNegative() || worseFor.isZero()) {
                throw new IllegalArgumentException("worseFor must be positive, was " + worseFor);
            }
            Objects.requireNonNull(settle, "settle");
            if (settle.isNegative() || settle.compareTo(timeout) >= 0) {
                throw new IllegalArgumentException("settle must be between 0 and the timeout (" + timeout + "), was " + settle);
            }
        }
    }
}
