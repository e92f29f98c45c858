package dev.firebreak.bench.accuracy;

import dev.firebreak.engine.detect.AnomalyDetected;
import dev.firebreak.engine.detect.DetectionEngine;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.LoadMove;
import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.detect.composite.CompositeScore;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.detect.history.DetectionHistory;
import dev.firebreak.engine.detect.history.SeriesVerdict;
import dev.firebreak.engine.detect.ml.VectorDetectorFactory;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.sim.Simulator;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyLoader;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Diagnostic: replays one accuracy trial ({@code FaultTrialRunner} with the engine without ML) and prints,
 * for its neighbourhood, how each metric moved (10 minutes before against the fault) and the highest
 * composite score with its explanation; with {@code -Dtrace.series=orders/LATENCY_P99,...} also those
 * series every few seconds (value, band, score, detector outputs, R/F while the load context saw the entry
 * traffic rising/falling), to read why a fault was missed. Usage:
 * {@code TrialTrace FAULT_TYPE SEED [every-seconds]}, SEED as the harness's JSON lists it (--seed + run).
 */
public final class TrialTrace implements DetectionUnderTest {

    private final DetectionHistory history = new DetectionHistory(86_400, Severity.INFO, true);
    private final Map<Long, boolean[]> loadMoving = new HashMap<>();
    private final Map<Long, double[]> composite = new HashMap<>();
    private final Map<Long, String[]> explanation = new HashMap<>();
    private Simulator simulator;
    private MetricStore store;

    public static void main(String[] args) throws Exception {
        FaultType type = FaultType.valueOf(args[0]);
        long seed = Long.parseLong(args[1]);
        int every = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Topology topology = TopologyLoader.loadResource("topologies/shop.yaml");
        TrialTrace trace = new TrialTrace();
        FaultTrialRunner runner = new FaultTrialRunner(topology, TrialSettings.defaults(), () -> trace);
        FaultTrial trial = runner.run(type, seed);
        trace.print(System.out, topology, runner, trial, every);
    }

    @Override
    public String name() {
        return "trace";
    }

    @Override
    public void attach(Simulator sim, EventBus bus, MetricStore metricStore, Consumer<DetectionRecord> sink) {
        this.simulator = sim;
        this.store = metricStore;
        Topology topology = sim.topology();
        DetectionEngine engine = new DetectionEngine(topology, metricStore, bus, DetectionConfig.ofDefaults(),
                VectorDetectorFactory.none()).withHistory(history);
        bus.subscribe(AnomalyDetected.class, a -> sink.accept(new DetectionRecord(a.at(),
                a.componentId(), a.severity(), a.explanation().summary())));
        engine.start();
        bus.subscribe(MetricsTicked.class, tick -> {
            // the bus delivers in subscription order (ADR 0004): the engine has processed this tick
            LoadMove load = engine.load();
            loadMoving.put(tick.epochSecond(), new boolean[] {load.rising(), load.falling()});
            double[] scores = new double[topology.size()];
            String[] why = new String[topology.size()];
            for (int c = 0; c < topology.size(); c++) {
                CompositeScore s = engine.latest(c);
                scores[c] = s.score();
                why[c] = s.explanation().summary();
            }
            composite.put(tick.epochSecond(), scores);
            explanation.put(tick.epochSecond(), why);
        });
    }

    private void print(PrintStream out, Topology topology, FaultTrialRunner runner, FaultTrial trial, int every) {
        long last = store.latestEpochSecond(simulator.seriesHandle(0, MetricName.REQUEST_RATE));
        long from = last - TrialSettings.DEFAULT_FAULT_DURATION.toSeconds() + 1;
        out.printf(Locale.ROOT, "%s seed %d target %s peer %s detected %s moved %s%n", trial.type(), trial.seed(),
                trial.target(), trial.peer().orElse("-"), trial.timeToDetect(), trial.movedGoldenSignal());
        List<Integer> near = new ArrayList<>(runner.neighbourhood(topology.indexOf(trial.target()),
                trial.peer()));
        int rising = 0;
        int falling = 0;
        for (long t = from; t <= last; t++) {
            rising += loadMoving.getOrDefault(t, new boolean[2])[0] ? 1 : 0;
            falling += loadMoving.getOrDefault(t, new boolean[2])[1] ? 1 : 0;
        }
        out.printf(Locale.ROOT, "load rising during fault: %d s, falling %d s of %d s%n", rising, falling, last - from + 1);
        for (int c : near) {
            String id = topology.component(c).id();
            double max = 0;
            long at = -1;
            for (long t = from; t <= last; t++) {
                double s = composite.get(t)[c];
                if (s > max) {
                    max = s;
                    at = t;
                }
            }
            out.printf(Locale.ROOT, "%n== %s%s: max composite %.3f at +%d s: %s%n", id, id.equals(trial.target())
                    ? " (target)" : "", max, at - from, at < 0 ? "" : explanation.get(at)[c]);
            for (MetricName metric : MetricName.values()) {
                int handle = simulator.seriesHandle(c, metric);
                if (handle < 0) {
                    continue;
                }
                double[] before = store.range(handle, from - 600, from - 1).values();
                double[] during = store.range(handle, from, last).values();
                out.printf(Locale.ROOT, "  %-14s before %10.3f sd %8.3f  during %10.3f sd %8.3f  (%+.1f%%, %+.1f sd)%n",
                        metric, mean(before), sd(before), mean(during), sd(during),
                        100 * (mean(during) / mean(before) - 1), (mean(during) - mean(before)) / sd(before));
            }
        }
        String[] watch = System.getProperty("trace.series", "").split(",");
        for (String spec : watch) {
            if (spec.isBlank()) {
                continue;
            }
            String[] parts = spec.split("/");
            SeriesKey key = new SeriesKey(parts[0], MetricName.valueOf(parts[1]));
            int handle = simulator.seriesHandle(topology.indexOf(parts[0]), key.metric());
            DetectionHistory.Trace tr = history.trace(key, from - 120, last);
            double[] values = store.range(handle, from - 120, last).values();
            out.printf(Locale.ROOT, "%n-- %s every %d s (t from fault start)%n", spec, every);
            Map<Long, SeriesVerdict> marks = new HashMap<>();
            tr.marks().forEach(v -> marks.put(v.epochSecond(), v));
            for (int i = 0; i < tr.size(); i += every) {
                long t = tr.startEpochSecond() + i;
                SeriesVerdict v = marks.get(t);
                StringBuilder fired = new StringBuilder();
                if (v != null) {
                    for (DetectorOutput o : v.outputs()) {
                        fired.append(String.format(Locale.ROOT, " %s=%.2f%s", o.kind(), o.score(), o.fired() ? "!" : ""));
                    }
                    fired.append(" | ").append(v.outputs().getFirst().reason());
                }
                out.printf(Locale.ROOT, "%+5d %s v=%9.3f band=[%9.3f,%9.3f] s=%.2f comp=%.2f%s%n", t - from,
                        flags(loadMoving.get(t)), i < values.length ? values[i] : Double.NaN,
                        tr.low()[i], tr.high()[i], tr.score()[i],
                        composite.containsKey(t) ? composite.get(t)[topology.indexOf(parts[0])] : Double.NaN, fired);
            }
        }
    }

    private static String flags(boolean[] moving) {
        return moving == null ? "  " : (moving[0] ? "R" : " ") + (moving[1] ? "F" : " ");
    }

    private static double mean(double[] v) {
        double s = 0;
        int n = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                s += x;
                n++;
            }
        }
        return s / n;
    }

    private static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        int n = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                s += (x - m) * (x - m);
                n++;
            }
        }
        return Math.sqrt(s / n);
    }
}
