package dev.firebreak.bench.rca;

import dev.firebreak.app.assembly.EngineOptions;
import dev.firebreak.app.assembly.EngineSession;
import dev.firebreak.bench.FaultTargets;
import dev.firebreak.engine.fault.FaultSpec;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.incident.Incident;
import dev.firebreak.engine.rca.Calibration;
import dev.firebreak.engine.rca.Cause;
import dev.firebreak.engine.rca.Diagnosis;
import dev.firebreak.engine.rca.RcaConfig;
import dev.firebreak.engine.rca.RcaInput;
import dev.firebreak.engine.rca.RcaMethod;
import dev.firebreak.engine.rca.RootCauseAnalyzer;
import dev.firebreak.engine.sim.SimulationConfig;
import dev.firebreak.engine.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One seeded injection through the real composition root, and how its first incident was diagnosed: the rank of the
 * true cause (the fault's target; for a dependency failure the failing callee), by the shipped service and by each
 * method alone on the same input.
 */
final class RcaTrial {

    static final Duration WARM_UP = Duration.ofMinutes(20);
    static final Duration FAULT = Duration.ofMinutes(10);
    /** The diagnosis is scored this far into the fault: incidents open within seconds, and it keeps the runs short. */
    static final Duration OBSERVED = Duration.ofSeconds(Long.getLong("rca.observedSeconds", 300));

    /**
     * @param rank         rank of the true cause by the shipped service, 0 if not ranked; -1 if no incident opened
     * @param confidence   the service's confidence in its top cause (shipped calibration)
     * @param rawShare     the top cause's raw share of the evidence (before calibration)
     * @param rawShares    the raw shares of the first five causes, best first (fewer if fewer were ranked)
     * @param bases        what each of those causes' kind rests on (each basis is calibrated apart)
     * @param methodRanks  rank of the true cause by each method alone
     * @param topKind      the fault kind the top cause was given
     */
    record Outcome(FaultType type, long seed, String truth, int rank, double confidence, double rawShare,
            Map<RcaMethod, Integer> methodRanks, String top, String topKind, double[] rawShares, Cause.Basis[] bases) {
        boolean diagnosed() {
            return rank >= 0;
        }
    }

    /** Causes per trial whose confidence is fitted and checked. */
    static final int TOP = 5;

    private RcaTrial() {
    }

    static Outcome run(Topology topology, FaultType type, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 31 + type.ordinal());
        Instant start = SimulationConfig.DEFAULT_START.plus(Duration.ofHours(random.nextInt(7 * 24)));
        try (EngineSession engine = EngineSession.assemble(topology, EngineOptions.headless(seed, start))) {
            int target = FaultTargets.pick(type, engine, random);
            Optional<String> peer = Optional.empty();
            if (type.needsPeer()) {
                int[] callees = topology.calleesOf(target);
                peer = Optional.of(topology.component(callees[random.nextInt(callees.length)]).id());
            }
            Instant faultStart = start.plus(WARM_UP).plusSeconds(1);
            engine.simulator().inject(new FaultSpec(type, topology.component(target).id(), peer, type.defaultMagnitude(),
                    faultStart, FAULT));
            String truth = type == FaultType.DEPENDENCY_FAILURE ? peer.orElseThrow() : topology.component(target).id();
            long seconds = WARM_UP.plus(OBSERVED).toSeconds();
            for (long s = 0; s < seconds; s++) {
                engine.step();
            }
            Instant faultEnd = faultStart.plus(OBSERVED);
            Optional<Incident> first = engine.incidents().incidents().stream()
                    .filter(i -> !i.openedAt().isBefore(faultStart) && i.openedAt().isBefore(faultEnd))
                    .min(Comparator.comparing(Incident::openedAt));
            if (first.isEmpty() || engine.rootCauses().diagnosis(first.get().id()).isEmpty()) {
                return new Outcome(type, seed, truth, -1, 0, 0, Map.of(), "", "", new double[0], new Cause.Basis[0]);
            }
            long id = first.get().id();
            Diagnosis diagnosis = engine.rootCauses().diagnosis(id).orElseThrow();
            RcaInput input = engine.rootCauses().input(id).orElseThrow();
            RcaConfig shipped = engine.rootCauses().settings().analysis();
            Diagnosis raw = new RootCauseAnalyzer(shipped.withCalibration(Calibration.identity())).analyze(input);
            if (Boolean.getBoolean("rca.explain") && diagnosis.rankOf(truth) != 1) {
                explain(type, seed, truth, peer, topology.component(target).id(), first.get(), diagnosis);
                // the same input with every candidate read: whether leaving out what detection did not point at
                // (ADR 0039) changed this trial
                RcaInput unflagged = new RcaInput(input.graph(), input.times(), input.series(), input.metrics(),
                        input.normal(), input.anomalous(), input.symptom(), input.affected(), input.changes(), input.past(),
                        input.down(), java.util.Set.of());
                System.err.printf(java.util.Locale.ROOT, "  analysed afresh: truth ranked %d with detection's %d flags,"
                        + " %d with every candidate read%n", new RootCauseAnalyzer(shipped).analyze(input).rankOf(truth),
                        input.flagged().size(), new RootCauseAnalyzer(shipped).analyze(unflagged).rankOf(truth));
            }
            Map<RcaMethod, Integer> methods = new EnumMap<>(RcaMethod.class);
            for (RcaMethod method : RcaMethod.values()) {
                methods.put(method, new RootCauseAnalyzer(shipped.only(method)).analyze(input).rankOf(truth));
            }
            return new Outcome(type, seed, truth, diagnosis.rankOf(truth),
                    diagnosis.top().map(c -> c.confidence()).orElse(0.0),
                    raw.top().map(c -> c.confidence()).orElse(0.0), methods,
                    diagnosis.top().map(c -> c.component()).orElse(""), diagnosis.top().map(c -> c.kind()).orElse(""),
                    raw.causes().stream().limit(TOP).mapToDouble(c -> c.confidence()).toArray(),
                    raw.causes().stream().limit(TOP).map(Cause::basis).toArray(Cause.Basis[]::new));
        }
    }

    /** With -Drca.explain=true: a wrongly diagnosed trial's top five and the true cause's entry, on standard error. */
    private static void explain(FaultType type, long seed, String truth, Optional<String> peer, String target,
            Incident incident, Diagnosis diagnosis) {
        StringBuilder text = new StringBuilder(String.format(java.util.Locale.ROOT,
                "WRONG %s seed %d target %s peer %s truth %s; incident %s components %s notes %s%n", type, seed, target,
                peer.orElse("-"), truth, incident.title(), incident.components(), diagnosis.notes()));
        int rank = 0;
        for (var cause : diagnosis.causes()) {
            rank++;
            if (rank <= 5 || cause.component().equals(truth)) {
                text.append(String.format(java.util.Locale.ROOT, "  #%d %.3f %s [%s] %s%n", rank, cause.score(),
                        cause.component(), cause.kind(), cause.evidence()));
            }
        }
        System.err.print(text);
    }
}
