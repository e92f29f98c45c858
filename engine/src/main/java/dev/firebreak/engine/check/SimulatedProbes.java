package dev.firebreak.engine.check;

import dev.firebreak.engine.check.internal.SimulatedProbe;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Probes and default checks that read simulated component state, for the console's embedded simulator. */
public final class SimulatedProbes {

    /** Default resource limits of the shallow resource check: CPU 90 %, memory 95 %, disk 95 %. */
    public static final Map<MetricName, Double> DEFAULT_LIMITS = Map.of(MetricName.CPU, 90.0, MetricName.MEMORY, 95.0,
            MetricName.DISK_USED, 95.0);

    private SimulatedProbes() {
    }

    /** The default checks of every component of the simulator's topology, in topology order. */
    public static List<HealthCheck> defaultChecks(ComponentSignals signals, Topology topology) {
        List<HealthCheck> checks = new ArrayList<>();
        for (int i = 0; i < topology.size(); i++) {
            checks.addAll(defaultChecks(signals, topology.component(i).id()));
        }
        return checks;
    }

    /**
     * A health endpoint the component answers itself: up, with an error rate at most {@code maxErrorPercent}. Its
     * answer does not wait for the component's dependencies, so slow calls below do not time it out.
     */
    public static Probe liveness(ComponentSignals signals, String componentId, double maxErrorPercent) {
        return SimulatedProbe.liveness(signals, componentId, maxErrorPercent);
    }

    /** Answers within the timeout and with an error rate at most {@code maxErrorPercent}. */
    public static Probe endpoint(ComponentSignals signals, String componentId, double maxErrorPercent) {
        return SimulatedProbe.endpoint(signals, componentId, maxErrorPercent);
    }

    /**
     * Every listed resource metric at or below its limit, and memory and disk use not rising steadily toward
     * theirs (reaching it within the hour at the pace of the last four minutes).
     */
    public static Probe resources(ComponentSignals signals, String componentId, Map<MetricName, Double> limits) {
        return SimulatedProbe.resources(signals, componentId, limits);
    }

    /** Every instance the component should have is serving ("1 of 3 instances down" otherwise). */
    public static Probe instances(ComponentSignals signals, String componentId) {
        return SimulatedProbe.instances(signals, componentId);
    }

    /** The id of a component's simulated instances check: its instances serving against those wanted. */
    public static String instancesCheckId(String componentId) {
        return componentId + "/instances";
    }

    /**
     * The console's default checks for a simulated component: a shallow health endpoint (up, errors <= 5 %),
     * instances and resources, and a deep endpoint check, a real request through the dependencies, that is strict
     * about errors (<= 1 %) and times out at the deep tier's limit. The shallow check does not time a request: a
     * component at the top of a deep call chain takes over a second per request normally (the generated topologies'
     * entry services do), and a one-second shallow timeout on that would report it degraded from the first second.
     */
    public static List<HealthCheck> defaultChecks(ComponentSignals signals, String componentId) {
        List<HealthCheck> checks = new ArrayList<>();
        checks.add(new HealthCheck(componentId + "/endpoint", componentId, CheckTier.SHALLOW,
                liveness(signals, componentId, 5)));
        checks.add(new HealthCheck(instancesCheckId(componentId), componentId, CheckTier.SHALLOW,
                instances(signals, componentId)));
        checks.add(new HealthCheck(componentId + "/resources", componentId, CheckTier.SHALLOW,
                resources(signals, componentId, DEFAULT_LIMITS)));
        checks.add(new HealthCheck(componentId + "/deep-endpoint", componentId, CheckTier.DEEP,
                endpoint(signals, componentId, 1)));
        return checks;
    }
}
