package dev.firebreak.bench.accuracy;

import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.sim.SimulatedConditionChanged;
import dev.firebreak.engine.sim.SimulationConfig;
import dev.firebreak.engine.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A fault-free stretch of simulated time (default configuration: noise, bursts and routine deployments,
 * but no faults): every detection at or above the minimum severity is a false alarm.
 *
 * <p>No injected fault does not mean a healthy system: a traffic burst can saturate it, and a database's
 * data keeps growing until its disk is full (on the shop, after about two weeks on some seeds). So each
 * alarm is also checked against the simulator's own judgement of its component at that second
 * ({@code SimulatedConditionChanged}), and those raised while the simulator itself judged the component
 * not healthy are counted apart, and so are those raised while it judged any component not healthy (a
 * failed database degrades its callers, some of them by less than the simulator's own thresholds).
 * {@link #falseAlarms} still counts every alarm.
 *
 * @param days                days simulated
 * @param components          components in the topology
 * @param falseAlarms         detections at or above the minimum severity, after the warm-up
 * @param falseAlarmsPerComponent the same, per component id
 * @param notHealthyShare   share of component-time after the warm-up with detected health other than HEALTHY
 *                          (NaN when the detection drives no health)
 * @param alarms            the false alarms themselves (time, component, what the detection said), so they can be read
 * @param whileSimulatorUnhealthy how many of the alarms were raised while the simulator judged their
 *                          component other than HEALTHY
 * @param whileSystemUnhealthy how many of the alarms were raised while the simulator judged any component
 *                          other than HEALTHY (these include the previous ones)
 * @param perWeek           alarms in each simulated week after the warm-up (the last one may be partial)
 * @param perWeekOnUnhealthyComponent of each week's alarms, those on a component the simulator itself judged
 *                          not healthy then: detections of a real (load-caused) degradation, not false alarms
 * @param perWeekWhileSystemUnhealthy of each week's alarms, those raised while the simulator judged any
 *                          component not healthy (these include the previous ones); the rest came while it
 *                          judged every component healthy
 */
public record FaultFreeRun(double days, int components, int falseAlarms, Map<String, Integer> falseAlarmsPerComponent,
        double notHealthyShare, List<DetectionRecord> alarms, int whileSimulatorUnhealthy, int whileSystemUnhealthy,
        List<Integer> perWeek, List<Integer> perWeekOnUnhealthyComponent, List<Integer> perWeekWhileSystemUnhealthy) {

    private static final long WEEK_SECONDS = 7 * 86_400;

    public FaultFreeRun {
        falseAlarmsPerComponent = Map.copyOf(falseAlarmsPerComponent);
        alarms = List.copyOf(alarms);
        perWeek = List.copyOf(perWeek);
        perWeekOnUnhealthyComponent = List.copyOf(perWeekOnUnhealthyComponent);
        perWeekWhileSystemUnhealthy = List.copyOf(perWeekWhileSystemUnhealthy);
    }

    /** Alarms per 100 component-days, leaving out those raised while the simulator judged the component unhealthy. */
    public double perHundredComponentDaysWhileSimulatorHealthy() {
        return 100 * (falseAlarms - whileSimulatorUnhealthy) / (days * components);
    }

    /** Alarms per 100 component-days, leaving out those raised while the simulator judged any component unhealthy. */
    public double perHundredComponentDaysWhileSystemHealthy() {
        return 100 * (falseAlarms - whileSystemUnhealthy) / (days * components);
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
        Instant counting = config.start().plus(warmUp);
        int whileUnhealthy = 0;
        int whileSystemUnhealthy = 0;
        List<Integer> perWeek = new ArrayList<>();
        List<Integer> perWeekOnUnhealthy = new ArrayList<>();
        List<Integer> perWeekSystemUnhealthy = new ArrayList<>();
        for (long w = 0; w * WEEK_SECONDS < duration.toSeconds(); w++) {
            perWeek.add(0);
            perWeekOnUnhealthy.add(0);
            perWeekSystemUnhealthy.add(0);
        }
        for (DetectionRecord alarm : alarms) {
            boolean componentUnhealthy = simulatedCondition(simulation.conditionChanges, alarm.componentId(), alarm.at())
                    != HealthState.HEALTHY;
            boolean systemUnhealthy = anyUnhealthy(simulation.conditionChanges, alarm.at());
            whileUnhealthy += componentUnhealthy ? 1 : 0;
            whileSystemUnhealthy += systemUnhealthy ? 1 : 0;
            int week = (int) (Duration.between(counting, alarm.at()).toSeconds() / WEEK_SECONDS);
            perWeek.set(week, perWeek.get(week) + 1);
            perWeekOnUnhealthy.set(week, perWeekOnUnhealthy.get(week) + (componentUnhealthy ? 1 : 0));
            perWeekSystemUnhealthy.set(week, perWeekSystemUnhealthy.get(week) + (systemUnhealthy ? 1 : 0));
        }
        return new FaultFreeRun(duration.toSeconds() / 86_400.0, topology.size(), alarms.size(), perComponent, notHealthy,
                alarms, whileUnhealthy, whileSystemUnhealthy, perWeek, perWeekOnUnhealthy, perWeekSystemUnhealthy);
    }

    /** Whether the simulator judged any component other than HEALTHY at a second. */
    static boolean anyUnhealthy(List<SimulatedConditionChanged> changes, Instant at) {
        Map<String, HealthState> state = new HashMap<>();
        for (SimulatedConditionChanged change : changes) {
            if (change.at().isAfter(at)) {
                break;
            }
            state.put(change.componentId(), change.to());
        }
        return state.values().stream().anyMatch(s -> s != HealthState.HEALTHY);
    }

    /** The simulator's judgement of a component at a second: its last change at or before it (HEALTHY if none). */
    static HealthState simulatedCondition(List<SimulatedConditionChanged> changes, String componentId, Instant at) {
        HealthState state = HealthState.HEALTHY;
        for (SimulatedConditionChanged change : changes) {
            if (change.at().isAfter(at)) {
                break;
            }
            if (change.componentId().equals(componentId)) {
                state = change.to();
            }
        }
        return state;
    }
}
