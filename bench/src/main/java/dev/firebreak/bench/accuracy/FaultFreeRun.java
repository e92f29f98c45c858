package dev.firebreak.bench.accuracy;

import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.sim.SimulationConfig;
import dev.firebreak.engine.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A fault-free stretch of simulated time (default configuration: noise, bursts and routine deployments,
 * but no faults): every detection at or above the minimum severity is a false alarm.
 *
 * @param days                days simulated
 * @param components          components in the topology
 * @param falseAlarms         detections at or above the minimum severity, after the warm-up
 * @param falseAlarmsPerComponent the same, per component id
 * @param notHealthyShare   share of component-time after the warm-up with detected health other than HEALTHY
 *                          (NaN when the detection drives no health)
 * @param alarms            the false alarms themselves (time, component, what the detection said), so they can be read
 */
public record FaultFreeRun(double days, int components, int falseAlarms, Map<String, Integer> falseAlarmsPerComponent,
        double notHealthyShare, List<DetectionRecord> alarms) {

    public FaultFreeRun {
        falseAlarmsPerComponent = Map.copyOf(falseAlarmsPerComponent);
        alarms = List.copyOf(alarms);
    }

    /** False alarms per 100 component-days. */
    public double perHundredComponentDays() {
        return 100 * falseAlarms / (days * components);
    }

    /**
     * Simulates the duration after the warm-up; detections during the warm-up are not counted, since
     * detectors are still learning then, as in the fault trials.
     */
    public static FaultFreeRun simulate(Topology topology, long seed, Duration warmUp, Duration duration,
            Severity minimumSeverity, DetectionUnderTest detection) {
        Objects.requireNonNull(minimumSeverity, "minimumSeverity");
        SimulationConfig config = SimulationConfig.defaults(seed);
        Simulation simulation = new Simulation(topology, config, detection);
        simulation.run(warmUp.toSeconds());
        int counted = simulation.detections.size();
        simulation.run(duration.toSeconds());
        Map<String, Integer> perComponent = new TreeMap<>();
        List<DetectionRecord> alarms = new ArrayList<>();
        for (DetectionRecord record : simulation.detections.subList(counted, simulation.detections.size())) {
            if (record.severity().isAtLeast(minimumSeverity)) {
                alarms.add(record);
                perComponent.merge(record.componentId(), 1, Integer::sum);
            }
        }
        double notHealthy = Double.NaN;
        if (simulation.reportsHealth) {
            Instant from = config.start().plus(warmUp);
            Instant to = from.plus(duration);
            double sum = 0;
            for (int c = 0; c < topology.size(); c++) {
                sum += FaultTrialRunner.shareOfTime(simulation.healthChanges, topology.component(c).id(), from, to,
                        state -> state != HealthState.HEALTHY);
            }
            notHealthy = sum / topology.size();
        }
        return new FaultFreeRun(duration.toSeconds() / 86_400.0, topology.size(), alarms.size(), perComponent, notHealthy,
                alarms);
    }
}
