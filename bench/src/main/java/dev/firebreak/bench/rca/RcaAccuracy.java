package dev.firebreak.bench.rca;

import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.rca.Calibration;
import dev.firebreak.engine.rca.RcaMethod;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyException;
import dev.firebreak.engine.topology.TopologyGenerator;
import dev.firebreak.engine.topology.TopologyLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;

/**
 * Root-cause accuracy on the simulator (issue 13), through the real composition root (detection with ML, incidents,
 * root cause). For every fault type, N seeded injections (default magnitude, 10 minutes, after 20 minutes of warm-up)
 * on the shop topology and on a generated 300-component topology; the first incident opened in the fault's first 5
 * minutes is scored by its diagnosis 5 minutes into the fault.
 *
 * <pre>
 * bench/rca-accuracy [--runs-per-type 15] [--seed 1] [--topologies shop,generated-300] [--threads 1]
 *                    [--types latency,...] [--fit-calibration] [--calibration RAW1,RAW2,..;CONF1,CONF2,..]
 * </pre>
 *
 * Prints per topology a table per fault type (AC@1, AC@3, Avg@5 of the trials whose fault opened an incident), each
 * method alone against all combined, and the calibration table of the top cause's confidence; with
 * {@code --fit-calibration} also the isotonic fit of raw share to share correct (to paste into the engine's
 * {@code FittedCalibration}); {@code --calibration} tabulates the raw shares through the given calibration instead
 * of the shipped one (the ranking does not depend on it). The last line is JSON over every topology: {@code {"ac1":..,"ac3":..,"avg5":..,"trials":..}}.
 */
public final class RcaAccuracy {

    private RcaAccuracy() {
    }

    public static void main(String[] args) throws TopologyException, InterruptedException, ExecutionException {
        int runs = 15;
        long seed = 1;
        int threads = 1;
        boolean fit = false;
        Calibration calibration = null;
        List<String> topologies = List.of("shop", "generated-300");
        List<FaultType> types = List.of(FaultType.values());
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs-per-type" -> runs = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--topologies" -> topologies = Arrays.asList(args[++i].split(","));
                case "--types" -> types = Arrays.stream(args[++i].split(",")).map(FaultType::parse).toList();
                case "--fit-calibration" -> fit = true;
                case "--calibration" -> calibration = Calibrations.parse(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<RcaTrial.Outcome> everything = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (String name : topologies) {
                Topology topology = topology(name);
                List<Future<RcaTrial.Outcome>> futures = new ArrayList<>();
                for (FaultType type : types) {
                    for (int run = 0; run < runs; run++) {
                        long trialSeed = seed + run;
                        futures.add(pool.submit(() -> RcaTrial.run(topology, type, trialSeed)));
                    }
                }
                List<RcaTrial.Outcome> outcomes = new ArrayList<>();
                for (Future<RcaTrial.Outcome> future : futures) {
                    RcaTrial.Outcome o = future.get();
                    outcomes.add(o);
                    System.err.printf(Locale.ROOT, "%s %s seed %d: truth %s rank %d top %s (%s) confidence %.2f%n", name,
                            o.type(), o.seed(), o.truth(), o.rank(), o.top(), o.topKind(), o.confidence());
                }
                report(name, topology, outcomes, fit, calibration);
                everything.addAll(outcomes);
            }
        } finally {
            pool.shutdownNow();
        }
        List<RcaTrial.Outcome> diagnosed = everything.stream().filter(RcaTrial.Outcome::diagnosed).toList();
        System.out.printf(Locale.ROOT, "{\"ac1\":%.3f,\"ac3\":%.3f,\"avg5\":%.3f,\"trials\":%d,\"diagnosed\":%d}%n",
                ac(diagnosed, 1, RcaTrial.Outcome::rank), ac(diagnosed, 3, RcaTrial.Outcome::rank),
                avg5(diagnosed, RcaTrial.Outcome::rank), everything.size(), diagnosed.size());
    }

    static Topology topology(String name) throws TopologyException {
        if (name.equals("shop")) {
            return TopologyLoader.loadResource("topologies/shop.yaml");
        }
        if (name.startsWith("generated-")) {
            return TopologyGenerator.generate(Integer.parseInt(name.substring("generated-".length())), 7);
        }
        throw new IllegalArgumentException("unknown topology '" + name + "' (shop or generated-N)");
    }

    private static void report(String name, Topology topology, List<RcaTrial.Outcome> outcomes, boolean fit,
            Calibration calibration) {
        System.out.printf(Locale.ROOT, "%n### %s (%d components)%n%n", name, topology.size());
        System.out.println("| fault type | trials | with incident | AC@1 | AC@3 | Avg@5 | top cause when wrong (kind) |");
        System.out.println("|---|---|---|---|---|---|---|");
        Map<FaultType, List<RcaTrial.Outcome>> byType = new LinkedHashMap<>();
        outcomes.forEach(o -> byType.computeIfAbsent(o.type(), t -> new ArrayList<>()).add(o));
        byType.forEach((type, list) -> row(type.name().toLowerCase(Locale.ROOT), list));
        row("**all**", outcomes);
        List<RcaTrial.Outcome> diagnosed = outcomes.stream().filter(RcaTrial.Outcome::diagnosed).toList();
        System.out.printf(Locale.ROOT, "%n| method | AC@1 | AC@3 | Avg@5 |%n|---|---|---|---|%n");
        for (RcaMethod method : RcaMethod.values()) {
            ToIntFunction<RcaTrial.Outcome> rank = o -> o.methodRanks().get(method);
            System.out.printf(Locale.ROOT, "| %s alone | %.3f | %.3f | %.3f |%n", method.name().toLowerCase(Locale.ROOT),
                    ac(diagnosed, 1, rank), ac(diagnosed, 3, rank), avg5(diagnosed, rank));
        }
        System.out.printf(Locale.ROOT, "| all combined | %.3f | %.3f | %.3f |%n", ac(diagnosed, 1, RcaTrial.Outcome::rank),
                ac(diagnosed, 3, RcaTrial.Outcome::rank), avg5(diagnosed, RcaTrial.Outcome::rank));
        Calibrations.table(diagnosed, calibration);
        if (fit) {
            Calibrations.fit(diagnosed);
        }
        System.out.printf(Locale.ROOT, "{\"topology\":\"%s\",\"ac1\":%.3f,\"ac3\":%.3f,\"avg5\":%.3f,\"trials\":%d,"
                + "\"diagnosed\":%d}%n", name, ac(diagnosed, 1, RcaTrial.Outcome::rank),
                ac(diagnosed, 3, RcaTrial.Outcome::rank), avg5(diagnosed, RcaTrial.Outcome::rank), outcomes.size(),
                diagnosed.size());
    }

    private static void row(String label, List<RcaTrial.Outcome> list) {
        List<RcaTrial.Outcome> diagnosed = list.stream().filter(RcaTrial.Outcome::diagnosed).toList();
        Map<String, Integer> wrong = new LinkedHashMap<>();
        diagnosed.stream().filter(o -> o.rank() != 1).forEach(o -> wrong.merge(o.topKind(), 1, Integer::sum));
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %.2f | %.2f | %.2f | %s |%n", label, list.size(), diagnosed.size(),
                ac(diagnosed, 1, RcaTrial.Outcome::rank), ac(diagnosed, 3, RcaTrial.Outcome::rank),
                avg5(diagnosed, RcaTrial.Outcome::rank), wrong.isEmpty() ? "" : wrong.toString());
    }

    /** Share of trials whose true cause is ranked k or better. */
    static double ac(List<RcaTrial.Outcome> outcomes, int k, ToIntFunction<RcaTrial.Outcome> rank) {
        if (outcomes.isEmpty()) {
            return 0;
        }
        long hits = outcomes.stream().mapToInt(rank).filter(r -> r >= 1 && r <= k).count();
        return (double) hits / outcomes.size();
    }

    /** Mean of AC@1 to AC@5. */
    static double avg5(List<RcaTrial.Outcome> outcomes, ToIntFunction<RcaTrial.Outcome> rank) {
        double sum = 0;
        for (int k = 1; k <= 5; k++) {
            sum += ac(outcomes, k, rank);
        }
        return sum / 5;
    }
}
