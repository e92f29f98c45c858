package dev.firebreak.engine.incident.internal;

import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.incident.IncidentSeverity;
import dev.firebreak.engine.topology.Component;
import dev.firebreak.engine.topology.Dependency;
import dev.firebreak.engine.topology.SteadyLoad;
import dev.firebreak.engine.topology.Topology;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Map;

/**
 * Severity from user impact, per the playbook's matrix. Users are the traffic entering at the entry points
 * (components nobody calls), each weighted by its share of the steady entry load. What users feel is measured
 * where they are: the health of the entry points. What they may soon feel is the share of entry traffic whose
 * required calls reach an affected component.
 *
 * <ul>
 *   <li>P0: entry points carrying (nearly) all traffic are critical or failed: a complete outage;</li>
 *   <li>P1: more than half of the entry traffic is degraded or worse at its entry point, or a stateful component
 *       (database, queue, store) is critical or failed: data may be lost;</li>
 *   <li>P2: at least a tenth of entry traffic is degraded, or on the required path of at least half of the traffic
 *       a component is critical or failed, or a core (tier 0-1) component is degraded: users do not feel it yet
 *       (retries, caches and replicas are holding), but the path they all take is broken;</li>
 *   <li>P3: an unhealthy component on the path of any traffic;</li>
 *   <li>P4: nothing unhealthy (a prediction, a low anomaly, a check that users do not feel).</li>
 * </ul>
 */
public final class ImpactAssessor {

    private static final double ALL = 0.99;

    private final Topology topology;
    private final int[] entries;
    private final double[] entryShare;
    /** For each entry point, the components its required calls reach (itself included). */
    private final BitSet[] requiredReach;

    public ImpactAssessor(Topology topology) {
        this.topology = topology;
        this.entries = topology.entryPoints();
        this.entryShare = new double[entries.length];
        this.requiredReach = new BitSet[entries.length];
        SteadyLoad load = SteadyLoad.of(topology, 1000);
        double total = Arrays.stream(entries).mapToDouble(load::requestsPerSecond).sum();
        for (int e = 0; e < entries.length; e++) {
            entryShare[e] = total > 0 ? load.requestsPerSecond(entries[e]) / total : 1.0 / entries.length;
            requiredReach[e] = reach(entries[e]);
        }
    }

    private BitSet reach(int entry) {
        BitSet seen = new BitSet(topology.size());
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        seen.set(entry);
        queue.add(entry);
        while (!queue.isEmpty()) {
            int current = queue.poll();
            for (Dependency dependency : topology.dependenciesOf(current)) {
                int callee = topology.indexOf(dependency.calleeId());
                if (dependency.required() && !seen.get(callee)) {
                    seen.set(callee);
                    queue.add(callee);
                }
            }
        }
        return seen;
    }

    /** What the impact is, with the numbers behind it. */
    public record Impact(IncidentSeverity severity, double userShare, double pathShare, String reason) {
    }

    /** @param states the health of each affected component (components not in the map are taken as healthy) */
    public Impact assess(Map<String, HealthState> states) {
        double degradedUsers = 0;
        double failingUsers = 0;
        double onPath = 0;
        double onPathOfCoreFailure = 0;
        for (int e = 0; e < entries.length; e++) {
            HealthState entryState = states.getOrDefault(topology.component(entries[e]).id(), HealthState.HEALTHY);
            if (entryState.severity() >= HealthState.DEGRADED.severity()) {
                degradedUsers += entryShare[e];
            }
            if (entryState.severity() >= HealthState.CRITICAL.severity()) {
                failingUsers += entryShare[e];
            }
            boolean reaches = false;
            boolean reachesCoreFailure = false;
            for (Map.Entry<String, HealthState> affected : states.entrySet()) {
                int index = topology.indexOf(affected.getKey());
                if (index < 0 || affected.getValue() == HealthState.HEALTHY || !requiredReach[e].get(index)) {
                    continue;
                }
                reaches = true;
                if (affected.getValue().severity() >= HealthState.CRITICAL.severity() || topology.component(index).tier() <= 1) {
                    reachesCoreFailure = true;
                }
            }
            onPath += reaches ? entryShare[e] : 0;
            onPathOfCoreFailure += reachesCoreFailure ? entryShare[e] : 0;
        }
        String stateful = statefulFailure(states);
        String shares = String.format(java.util.Locale.ROOT, "%.0f %% of entry traffic degraded, %.0f %% failing, %.0f %% on the path",
                100 * degradedUsers, 100 * failingUsers, 100 * onPath);
        if (failingUsers >= ALL) {
            return new Impact(IncidentSeverity.P0, degradedUsers, onPath, "complete outage: " + shares);
        }
        if (degradedUsers > 0.5) {
            return new Impact(IncidentSeverity.P1, degradedUsers, onPath, "major degradation: " + shares);
        }
        if (stateful != null) {
            return new Impact(IncidentSeverity.P1, degradedUsers, onPath, "data at risk: " + stateful + " is down; " + shares);
        }
        if (degradedUsers >= 0.1 || onPathOfCoreFailure >= 0.5) {
            return new Impact(IncidentSeverity.P2, degradedUsers, onPath, "minor degradation: " + shares);
        }
        if (onPath > 0 || degradedUsers > 0) {
            return new Impact(IncidentSeverity.P3, degradedUsers, onPath, "low impact: " + shares);
        }
        return new Impact(IncidentSeverity.P4, degradedUsers, onPath, "no user impact: " + shares);
    }

    private String statefulFailure(Map<String, HealthState> states) {
        for (Map.Entry<String, HealthState> affected : states.entrySet()) {
            Component component = topology.find(affected.getKey()).orElse(null);
            if (component != null && component.kind().isStateful() && component.replicaOf().isEmpty()
                    && affected.getValue().severity() >= HealthState.CRITICAL.severity()) {
                return component.id();
            }
        }
        return null;
    }
}
