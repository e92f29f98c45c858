package dev.firebreak.bench.accuracy;

import dev.firebreak.engine.detect.AnomalyDetected;
import dev.firebreak.engine.detect.DetectionEngine;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.detect.composite.FamilyContribution;
import dev.firebreak.engine.detect.composite.Finding;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.detect.history.DetectionHistory;
import dev.firebreak.engine.detect.history.SeriesVerdict;
import dev.firebreak.engine.detect.ml.VectorDetectorFactory;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.sim.Simulator;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyLoader;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Diagnostic: replays a fault-free run ({@link FaultFreeRun}, engine without ML, as the harness's
 * {@code engine-no-ml}) and prints every medium-or-higher detection after {@code FROM} in full: each
 * family's score and weight, each fired finding, and, for every series of the component, every detector's
 * score at that second and the two before (a detection is confirmed over three ticks), so one can read
 * which detectors carried a false alarm. The per-series history costs time, so it is kept only from
 * {@code FROM}. Usage: {@code FaultFreeTrace SEED DAYS FROM} (FROM an ISO instant, e.g.
 * 2026-11-11T14:00:00Z; the run starts at the simulator's default start, the counted stretch after the
 * harness's warm-up).
 */
public final class FaultFreeTrace implements DetectionUnderTest {

    private final Instant from;
    private final PrintStream out;
    private final DetectionHistory history = new DetectionHistory(600, Severity.INFO, true);
    private DetectionEngine engine;
    private Topology topology;
    private Simulator simulator;
    private boolean recording;

    private FaultFreeTrace(Instant from, PrintStream out) {
        this.from = from;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        long seed = Long.parseLong(args[0]);
        double days = Double.parseDouble(args[1]);
        Instant from = Instant.parse(args[2]);
        Topology topology = TopologyLoader.loadResource("topologies/shop.yaml");
        TrialSettings settings = TrialSettings.defaults();
        FaultFreeTrace trace = new FaultFreeTrace(from, System.out);
        FaultFreeRun run = FaultFreeRun.simulate(topology, seed, settings.warmUp(),
                Duration.ofSeconds(Math.round(days * 86_400)), settings.minimumSeverity(), trace);
        System.out.printf(Locale.ROOT, "%d medium+ in %.1f days, per week %s%n", run.falseAlarms(), run.days(),
                run.perWeek());
    }

    @Override
    public String name() {
        return "fault-free-trace";
    }

    @Override
    public void attach(Simulator sim, EventBus bus, MetricStore store, Consumer<DetectionRecord> sink) {
        this.simulator = sim;
        this.topology = sim.topology();
        engine = new DetectionEngine(topology, store, bus, DetectionConfig.ofDefaults(), VectorDetectorFactory.none());
        bus.subscribe(MetricsTicked.class, tick -> {
            if (!recording && tick.epochSecond() >= from.getEpochSecond() - 10) {
                recording = true;
                engine.withHistory(history);
            }
        });
        bus.subscribe(AnomalyDetected.class, a -> {
            sink.accept(new DetectionRecord(a.at(), a.componentId(), a.severity(), a.explanation().summary()));
            if (recording && a.severity().isAtLeast(Severity.MEDIUM)) {
                print(a);
            }
        });
        engine.start();
    }

    private void print(AnomalyDetected a) {
        out.printf(Locale.ROOT, "%n=== %s %s %s score %.3f%n", a.at(), a.componentId(), a.severity(), a.score());
        for (FamilyContribution c : a.explanation().contributions()) {
            out.printf(Locale.ROOT, "  family %-11s score %.3f weight %.3f contribution %.3f%n",
                    c.family().name().toLowerCase(Locale.ROOT), c.score(), c.weight(), c.contribution());
        }
        for (Finding f : a.explanation().fired()) {
            out.printf(Locale.ROOT, "  fired %s %s%n", f.series(), describe(f.output()));
        }
        long t = a.at().getEpochSecond();
        int c = topology.indexOf(a.componentId());
        for (MetricName metric : MetricName.values()) {
            if (simulator.seriesHandle(c, metric) < 0) {
                continue;
            }
            SeriesKey key = new SeriesKey(a.componentId(), metric);
            for (long s = t - 2; s <= t; s++) {
                long second = s;
                history.markAt(key, second).ifPresent(v -> printVerdict(v, second - t));
            }
        }
    }

    private void printVerdict(SeriesVerdict v, long offset) {
        out.printf(Locale.ROOT, "  %-14s %+d s observed %.4f series score %.3f%n", v.key().metric(), offset,
                v.observed(), v.score());
        for (DetectorOutput o : v.outputs()) {
            out.printf(Locale.ROOT, "      %s%n", describe(o));
        }
    }

    private static String describe(DetectorOutput o) {
        double low = o.expectedLow();
        double high = o.expectedHigh();
        double overHigh = Double.isFinite(high) && high != 0 ? 100 * (o.observed() / high - 1) : Double.NaN;
        return String.format(Locale.ROOT, "%-16s score %.3f%s observed %.4f band %.4f..%.4f (%+.1f %% of high) %s",
                o.kind(), o.score(), o.fired() ? " FIRED" : "", o.observed(), low, high, overHigh, o.reason());
    }
}
