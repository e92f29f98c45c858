package dev.firebreak.bench.heal;

import dev.firebreak.app.assembly.RunbookSetup;
import dev.firebreak.engine.action.RemediationAction;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.heal.HealingMode;
import dev.firebreak.engine.heal.Playbook;
import dev.firebreak.engine.runbook.RunbookStep;
import dev.firebreak.engine.runbook.StepAction;
import dev.firebreak.engine.topology.Component;
import dev.firebreak.engine.topology.Dependency;
import dev.firebreak.engine.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a trial has a fitting playbook at all, asked of the simulator rather than of healing: each action the shipped
 * playbooks can take, issued by hand on the fault's own target (and peer) {@link #REMEDY_AFTER} into the fault, with
 * healing off, on a component of a kind a playbook taking that action answers. A trial is healable when one of them
 * brings the target back at least 30 s sooner than doing nothing, the same bar a healed trial must clear (ADR 0048).
 * Healing's own diagnosis plays no part, so a trial root cause gets wrong still counts against healing; an action a
 * playbook's pre-check would refuse (a breaker on a call its caller needs) is not tried.
 */
final class HealableTrials {

    /** About when healing first acts on a fast fault (detected, incident, diagnosed): not sooner than it could. */
    static final Duration REMEDY_AFTER = Duration.ofSeconds(30);

    /** Each simulator action of the shipped playbooks, and the component kinds they take it on ("*": any). */
    private static final Map<String, Set<String>> KINDS_BY_ACTION = kindsByAction(
            RunbookSetup.inMemory().playbooks().all());

    private HealableTrials() {
    }

    /** The first hand-issued action that heals this trial, described; empty when none of them does. */
    static Optional<String> healedBy(Topology topology, FaultType type, long seed, HealingTrials.Run doingNothing) {
        long bar = doingNothing.recovery().orElse(HealingTrials.FAULT.plus(HealingTrials.AFTER).toSeconds())
                - HealingTrials.STABLE.toSeconds();
        for (RemediationAction remedy : remedies(topology, doingNothing.target(), doingNothing.peer())) {
            HealingTrials.Run tried = HealingTrials.run(topology, type, seed, HealingMode.OFF, Optional.empty(),
                    Optional.of(remedy), bar + HealingTrials.STABLE.toSeconds());
            if (tried.recovery().isPresent() && tried.recovery().getAsLong() <= bar) {
                return Optional.of(remedy.describe());
            }
        }
        return Optional.empty();
    }

    /**
     * Every action of the playbooks' library on the target and on its peer, with the parameters healing would fill, on a
     * component of a kind some playbook taking that action answers.
     */
    static List<RemediationAction> remedies(Topology topology, String target, Optional<String> peer) {
        return candidates(topology, target, peer).stream().filter(action -> {
            Set<String> kinds = KINDS_BY_ACTION.getOrDefault(StepAction.Simulator.actionName(action), Set.of());
            // the blamed component is a breaker's callee, whose caller it is opened on
            String blamed = action instanceof RemediationAction.CircuitBreaker breaker ? breaker.callee() : action.target();
            String kind = topology.component(topology.indexOf(blamed)).kind().name().toLowerCase(Locale.ROOT)
                    .replace('_', '-');
            return kinds.contains("*") || kinds.contains(kind);
        }).toList();
    }

    private static List<RemediationAction> candidates(Topology topology, String target, Optional<String> peer) {
        List<RemediationAction> all = new ArrayList<>();
        List<String> components = peer.map(p -> List.of(target, p)).orElse(List.of(target));
        for (String id : components) {
            int index = topology.indexOf(id);
            Component component = topology.component(index);
            all.add(new RemediationAction.RestartInstance(id));
            all.add(new RemediationAction.Scale(id, Math.min(1000, component.replicas() * 2)));
            all.add(new RemediationAction.Rollback(id));
            all.add(new RemediationAction.CleanDisk(id));
            all.add(new RemediationAction.ResetConnectionPool(id));
            all.add(new RemediationAction.ShedLoad(id, 0.2));
            all.add(new RemediationAction.Cache(id, true));
            all.add(new RemediationAction.Failover(id));
            alternative(topology, component).ifPresent(other -> all.add(new RemediationAction.Reroute(id, other, 0.5)));
            for (int caller : topology.callersOf(index)) {
                for (Dependency call : topology.dependenciesOf(caller)) {
                    if (call.calleeId().equals(id) && !call.required()) {
                        all.add(new RemediationAction.CircuitBreaker(topology.component(caller).id(), id, true));
                    }
                }
            }
        }
        return all;
    }

    private static Map<String, Set<String>> kindsByAction(List<Playbook> playbooks) {
        Map<String, Set<String>> kinds = new HashMap<>();
        for (Playbook playbook : playbooks) {
            for (RunbookStep step : playbook.runbook().steps()) {
                if (step.action() instanceof StepAction.Simulator simulator) {
                    Set<String> taken = kinds.computeIfAbsent(simulator.action(), a -> new HashSet<>());
                    if (playbook.componentKinds().isEmpty()) {
                        taken.add("*");
                    }
                    taken.addAll(playbook.componentKinds());
                }
            }
        }
        return kinds;
    }

    /** Where rerouting sends traffic: the component's replica, else another of its kind in its tier. */
    private static Optional<String> alternative(Topology topology, Component component) {
        Optional<String> replica = topology.components().stream()
                .filter(other -> other.replicaOf().equals(Optional.of(component.id()))).map(Component::id).findFirst();
        return replica.isPresent() ? replica : topology.components().stream().filter(other -> !other.id().equals(
                component.id()) && other.kind() == component.kind() && other.tier() == component.tier())
                .map(Component::id).findFirst();
    }
}
