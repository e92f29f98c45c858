package dev.firebreak.bench.accuracy;

import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.fault.FaultSpec;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.sim.GroundTruth;
import dev.firebreak.engine.sim.SimulationConfig;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs one seeded fault injection: a fresh simulation starting at a seeded hour of the week, a warm-up,
 * then the fault (default magnitude) on a seeded target suited to its type, and records when the
 * detection first fired on the fault's neighbourhood (target, peer and the components that call or are
 * called by either) while the fault acted.
 */
public final class FaultTrialRunner {

    private static final int HOURS_PER_WEEK = 7 * 24;

    private final Topology topology;
    private final TrialSettings settings;
    private final Supplier<DetectionUnderTest> detection;

    public FaultTrialRunner(Topology topology, TrialSettings settings, Supplier<DetectionUnderTest> detection) {
        this.topology = Objects.requireNonNull(topology, "topology");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.detection = Objects.requireNonNull(detection, "detection");
    }

    public FaultTrial run(FaultType type, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 31 + type.ordinal());
        Instant start = SimulationConfig.DEFAULT_START.plus(Duration.ofHours(random.nextInt(HOURS_PER_WEEK)));
        Simulation simulation = new Simulation(topology, SimulationConfig.defaults(seed).withStart(start), detection.get());
        int target = pickTarget(type, simulation, random);
        Optional<String> peer = Optional.empty();
        if (type.needsPeer()) {
            int[] callees = topology.calleesOf(target);
            peer = Optional.of(topology.component(callees[random.nextInt(callees.length)]).id());
        }
        Instant faultStart = start.plus(settings.warmUp()).plusSeconds(1);
        simulation.simulator.inject(new FaultSpec(type, topology.component(target).id(), peer, type.defaultMagnitude(),
                faultStart, settings.faultDuration()));
        simulation.run(settings.warmUp().toSeconds() + settings.faultDuration().toSeconds() + 1);

        GroundTruth.FaultRecord truth = simulation.simulator.groundTruth().faults().getFirst();
        Instant from = truth.started();
        Instant to = truth.ended().orElse(simulation.simulator.clock().instant());
        Set<Integer> neighbourhood = neighbourhood(target, peer);
        Set<String> near = new LinkedHashSet<>();
        neighbourhood.forEach(c -> near.add(topology.component(c).id()));
        OptionalLong timeToDetect = OptionalLong.empty();
        OptionalLong timeToSee = OptionalLong.empty();
        Severity highest = Severity.NONE;
        int far = 0;
        for (DetectionRecord record : simulation.detections) {
            if (record.at().isBefore(from) || record.at().isAfter(to)) {
                continue;
            }
            if (near.contains(record.componentId()) && record.severity().isAtLeast(Severity.LOW)) {
                if (timeToSee.isEmpty()) {
                    timeToSee = OptionalLong.of(Duration.between(from, record.at()).toSeconds());
                }
                if (record.severity().ordinal() > highest.ordinal()) {
                    highest = record.severity();
                }
            }
            if (!record.severity().isAtLeast(settings.minimumSeverity())) {
                continue;
            }
            if (near.contains(record.componentId())) {
                if (timeToDetect.isEmpty()) {
                    timeToDetect = OptionalLong.of(Duration.between(from, record.at()).toSeconds());
                }
            } else {
                far++;
            }
        }
        boolean moved = GoldenSignals.moved(simulation.simulator, simulation.store, neighbourhood,
                from.getEpochSecond() - settings.baseline().toSeconds(), from.getEpochSecond(), to.getEpochSecond());
        String targetId = topology.component(target).id();
        double notHealthy = Double.NaN;
        double unhealthy = Double.NaN;
        Optional<HealthState> worst = Optional.empty();
        OptionalLong timeToDegraded = OptionalLong.empty();
        if (simulation.reportsHealth) {
            timeToDegraded = firstAtLeast(simulation.healthChanges, targetId, from, to, HealthState.DEGRADED);
            notHealthy = shareOfTime(simulation.healthChanges, targetId, from, to, state -> state != HealthState.HEALTHY);
            unhealthy = shareOfTime(simulation.healthChanges, targetId, from, to,
                    state -> state != HealthState.HEALTHY && state != HealthState.RECOVERING);
            worst = Optional.of(worstOf(simulation.healthChanges, targetId, from, to));
        }
        return new FaultTrial(type, seed, targetId, peer, timeToDetect, far, moved, notHealthy, unhealthy, timeToSee,
                highest, worst, timeToDegraded);
    }

    /** Seconds from {@code from} until the component's health was at least {@code bad} (0 if it entered so). */
    static OptionalLong firstAtLeast(List<HealthRecord> changes, String componentId, Instant from, Instant to,
            HealthState bad) {
        HealthState state = HealthState.HEALTHY;
        for (HealthRecord change : changes) {
            if (!change.componentId().equals(componentId)) {
                continue;
            }
            if (change.at().isAfter(to)) {
                break;
            }
            if (!change.at().isAfter(from)) {
                state = change.to();
                continue;
            }
            if (state.severity() >= bad.severity()) {
                return OptionalLong.of(0);
            }
            if (change.to().severity() >= bad.severity()) {
                return OptionalLong.of(Duration.between(from, change.at()).toSeconds());
            }
            state = change.to();
        }
        return state.severity() >= bad.severity() ? OptionalLong.of(0) : OptionalLong.empty();
    }

    /** The worst health a component had in [from, to], from its changes in time order (HEALTHY before the first). */
    static HealthState worstOf(List<HealthRecord> changes, String componentId, Instant from, Instant to) {
        HealthState worst = HealthState.HEALTHY;
        for (HealthRecord change : changes) {
            if (!change.componentId().equals(componentId)) {
                continue;
            }
            if (change.at().isAfter(to)) {
                break;
            }
            if (!change.at().isAfter(from)) {
                worst = change.to(); // the state it entered the fault with
            } else if (change.to().isWorseThan(worst)) {
                worst = change.to();
            }
        }
        return worst;
    }

    /**
     * Share of [from, to) during which the component's health (HEALTHY before its first change) was in a
     * state the predicate accepts, from its changes in time order.
     */
    static double shareOfTime(List<HealthRecord> changes, String componentId, Instant from, Instant to,
            Predicate<HealthState> counts) {
        long total = Duration.between(from, to).toMillis();
        if (total <= 0) {
            return Double.NaN;
        }
        HealthState state = HealthState.HEALTHY;
        Instant since = from;
        long counted = 0;
        for (HealthRecord change : changes) {
            if (!change.componentId().equals(componentId)) {
                continue;
            }
            if (!change.at().isAfter(from)) {
                state = change.to();
                continue;
            }
            if (!change.at().isBefore(to)) {
                break;
            }
            if (counts.test(state)) {
                counted += Duration.between(since, change.at()).toMillis();
            }
            state = change.to();
            since = change.at();
        }
        if (counts.test(state)) {
            counted += Duration.between(since, to).toMillis();
        }
        return (double) counted / total;
    }

    private int pickTarget(FaultType type, Simulation simulation, SplittableRandom random) {
        List<Integer> candidates = new ArrayList<>();
        for (int c = 0; c < topology.size(); c++) {
            boolean suitable = switch (type) {
                case NETWORK_PARTITION, DEPENDENCY_FAILURE -> topology.calleesOf(c).length > 0;
                case DISK_FILL -> simulation.simulator.seriesHandle(c, MetricName.DISK_USED) >= 0;
                default -> true;
            };
            if (suitable) {
                candidates.add(c);
            }
        }
        return candidates.get(random.nextInt(candidates.size()));
    }

    /** Target, peer, and every component that calls or is called by either. */
    Set<Integer> neighbourhood(int target, Optional<String> peer) {
        Set<Integer> result = new LinkedHashSet<>();
        addWithNeighbours(result, target);
        peer.ifPresent(p -> addWithNeighbours(result, topology.indexOf(p)));
        return result;
    }

    private void addWithNeighbours(Set<Integer> result, int component) {
        result.add(component);
        for (int c : topology.calleesOf(component)) {
            result.add(c);
        }
        for (int c : topology.callersOf(component)) {
            result.add(c);
        }
    }
}
