package dev.firebreak.bench;

import dev.firebreak.engine.detect.DetectionEngine;
import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.detect.ml.IsolationForestConfig;
import dev.firebreak.engine.detect.ml.MlConfirmationConfig;
import dev.firebreak.engine.detect.ml.MlDetectors;
import dev.firebreak.engine.detect.ml.VectorDetector;
import dev.firebreak.engine.detect.ml.VectorDetectorFactory;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.sim.SimulationConfig;
import dev.firebreak.engine.sim.Simulator;
import dev.firebreak.engine.telemetry.DownsampledSnapshot;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricStores;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.telemetry.SeriesSnapshot;
import dev.firebreak.engine.telemetry.StoreRetention;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;

/**
 * Component vectors per second through the whole detection engine on one core: one invocation is one
 * {@link DetectionEngine#onTick} over a generated topology of {@value #COMPONENTS} components, so one
 * operation is one component's tick: its series' newest samples read from the store, each series
 * through the default per-series detectors, the component vector through the isolation forest
 * (default settings), the composite score, correlation with neighbours, reporting and health.
 *
 * <p>The samples are the simulator's (default load, seed 42), recorded once and replayed by a store
 * that serves one recorded second per tick, so the measurement contains detection and not the
 * simulator. Refits of the forest run inline during set-up (so every component has a model) and are
 * dropped while measuring: in the console they run on a background pool, not on the detection thread.
 *
 * <p>{@code phase}: {@code steady} first runs the recording once in the first week and then replays
 * it at the same hour of later weeks, so the seasonal bands score; {@code firstWeek} runs on through
 * the first week, where they are still learning.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class DetectionEngineBenchmark {

    static final int COMPONENTS = 200;
    private static final int RECORDED_SECONDS = 2048;
    private static final long WEEK = 7 * 86_400;

    @Param({"steady", "firstWeek"})
    String phase;

    /**
     * {@code isolationForest}: the raw forest alone over every metric; {@code shippedForest}: the shipped
     * forest alone, unconfirmed (the console's features, without disk use, and its threshold, ADR 0012);
     * {@code shipped}: what the console ships (confirmed forest and PCA reconstruction, ADR 0012);
     * {@code none}: no vector detector.
     */
    @Param({"isolationForest", "shippedForest", "shipped", "none"})
    String vectors;

    /** Trees per forest; 0 takes {@link IsolationForestConfig#DEFAULT_TREES}. For measuring alternatives. */
    @Param({"0"})
    int trees;

    /** Vectors per tree; 0 takes {@link IsolationForestConfig#DEFAULT_SUBSAMPLE_SIZE}. */
    @Param({"0"})
    int subsample;

    private ReplayStore store;
    private DetectionEngine engine;
    private long base;
    private long tick;
    private boolean steady;
    private final CpuTimeMeter meter = new CpuTimeMeter();

    @Setup(Level.Trial)
    public void recordAndWarmUp() {
        Topology topology = TopologyGenerator.generate(COMPONENTS, 42);
        if (topology.size() != COMPONENTS) {
            throw new IllegalStateException("generated " + topology.size() + " components, expected " + COMPONENTS);
        }
        SimulationConfig config = SimulationConfig.defaults(42);
        store = ReplayStore.record(topology, config, RECORDED_SECONDS);
        base = config.start().getEpochSecond();
        steady = phase.equals("steady");
        RefitsWhileWarmingUp refits = new RefitsWhileWarmingUp();
        IsolationForestConfig forest = IsolationForestConfig.ofDefaults().withTrees(
                trees > 0 ? trees : IsolationForestConfig.DEFAULT_TREES,
                subsample > 0 ? subsample : IsolationForestConfig.DEFAULT_SUBSAMPLE_SIZE);
        VectorDetectorFactory factory = switch (vectors) {
            case "none" -> VectorDetectorFactory.none();
            case "shipped" -> MlDetectors.confirmed(MlDetectors.shippedForest().withTrees(forest.trees(),
                    forest.subsampleSize()), MlDetectors.shippedReconstruction(), MlConfirmationConfig.ofDefaults(),
                    refits);
            case "isolationForest" -> (component, metrics) -> Optional.<VectorDetector>of(
                    MlDetectors.isolationForest(forest, names(metrics), refits));
            case "shippedForest" -> (component, metrics) -> Optional.<VectorDetector>of(new ShippedFeatures(metrics,
                    kept -> MlDetectors.isolationForest(MlDetectors.shippedForest().withTrees(forest.trees(),
                            forest.subsampleSize()), names(kept), refits)));
            default -> throw new IllegalArgumentException("unknown vectors " + vectors);
        };
        engine = new DetectionEngine(topology, store, new EventBus(), DetectionConfig.ofDefaults(), factory);
        // One pass over the recording: every detector past its warm-up, every forest fitted.
        for (int i = 0; i < RECORDED_SECONDS; i++) {
            oneTick();
        }
        refits.stop();
    }

    private static List<String> names(List<MetricName> metrics) {
        List<String> names = new ArrayList<>(metrics.size());
        for (MetricName metric : metrics) {
            names.add(metric.name().toLowerCase(java.util.Locale.ROOT));
        }
        return names;
    }

    private void oneTick() {
        long step = tick++;
        int row = (int) (step % RECORDED_SECONDS);
        long epochSecond = steady ? base + (step / RECORDED_SECONDS) * WEEK + row : base + step;
        store.show(row, epochSecond);
        engine.onTick(Instant.ofEpochSecond(epochSecond), epochSecond);
    }

    @Setup(Level.Iteration)
    public void startMeter(IterationParams iteration) {
        meter.start(iteration);
    }

    @TearDown(Level.Iteration)
    public void printCpuRate() {
        meter.stopAndPrint("component vectors");
    }

    @TearDown(Level.Trial)
    public void printCpuSummary() {
        meter.printSummary("component vectors");
    }

    @Benchmark
    @OperationsPerInvocation(COMPONENTS)
    public void onTick() {
        oneTick();
        meter.count(COMPONENTS);
    }

    /** The shipped models' features of a component's vector (as the confirmed detector projects it), to one detector. */
    private static final class ShippedFeatures implements VectorDetector {
        private final VectorDetector inner;
        private final int[] kept;
        private final double[] projected;

        ShippedFeatures(List<MetricName> metrics, Function<List<MetricName>, VectorDetector> detectorOver) {
            this.kept = IntStream.range(0, metrics.size())
                    .filter(i -> !MlDetectors.SHIPPED_EXCLUDED.contains(metrics.get(i))).toArray();
            this.inner = detectorOver.apply(IntStream.of(kept).mapToObj(metrics::get).toList());
            this.projected = new double[kept.length];
        }

        @Override
        public DetectorKind kind() {
            return inner.kind();
        }

        @Override
        public DetectorOutput update(long epochSecond, double[] vector) {
            for (int f = 0; f < kept.length; f++) {
                projected[f] = vector[kept[f]];
            }
            return inner.update(epochSecond, projected);
        }
    }

    /** Runs fits inline until stopped, then drops them: refits belong to another core in the console. */
    private static final class RefitsWhileWarmingUp implements Executor {
        private boolean stopped;

        void stop() {
            stopped = true;
        }

        @Override
        public void execute(Runnable task) {
            if (!stopped) {
                task.run();
            }
        }
    }

    /**
     * A read-only store over recorded samples: {@link #show} makes one recorded second the newest
     * sample of every series. Only what the detection engine reads on its tick is supported.
     */
    static final class ReplayStore implements MetricStore {
        private final List<SeriesKey> keys;
        private final double[][] samples;
        private int row;
        private long epochSecond = Long.MIN_VALUE;

        private ReplayStore(List<SeriesKey> keys, double[][] samples) {
            this.keys = keys;
            this.samples = samples;
        }

        /** Runs the simulator for {@code seconds} and keeps every series' samples, row = second. */
        static ReplayStore record(Topology topology, SimulationConfig config, int seconds) {
            MetricStore real = MetricStores.inMemory(StoreRetention.DEFAULT);
            Simulator simulator = new Simulator(topology, config, real, new EventBus(),
                    new SimulationClock(config.start()));
            for (int i = 0; i < seconds; i++) {
                simulator.step();
            }
            List<SeriesKey> keys = new ArrayList<>();
            double[][] samples = new double[seconds][real.seriesCount()];
            for (int handle = 0; handle < real.seriesCount(); handle++) {
                keys.add(real.key(handle));
                double[] values = real.recent(handle, seconds).values();
                for (int i = 0; i < seconds; i++) {
                    samples[i][handle] = i < values.length ? values[values.length - seconds + i] : Double.NaN;
                }
            }
            return new ReplayStore(List.copyOf(keys), samples);
        }

        void show(int newRow, long newEpochSecond) {
            this.row = newRow;
            this.epochSecond = newEpochSecond;
        }

        @Override
        public int register(SeriesKey key) {
            throw new UnsupportedOperationException("replay store is read-only");
        }

        @Override
        public Optional<Integer> handle(SeriesKey key) {
            int index = keys.indexOf(key);
            return index < 0 ? Optional.empty() : Optional.of(index);
        }

        @Override
        public SeriesKey key(int handle) {
            return keys.get(handle);
        }

        @Override
        public int seriesCount() {
            return keys.size();
        }

        @Override
        public void append(int handle, long second, double value) {
            throw new UnsupportedOperationException("replay store is read-only");
        }

        @Override
        public double latest(int handle) {
            return samples[row][handle];
        }

        @Override
        public long latestEpochSecond(int handle) {
            return epochSecond;
        }

        @Override
        public SeriesSnapshot range(int handle, long fromEpochSecond, long toEpochSecond) {
            throw new UnsupportedOperationException("the detection tick does not read ranges");
        }

        @Override
        public SeriesSnapshot recent(int handle, int seconds) {
            throw new UnsupportedOperationException("the detection tick does not read ranges");
        }

        @Override
        public DownsampledSnapshot downsampled(int handle, long fromEpochSecond, long toEpochSecond) {
            throw new UnsupportedOperationException("the detection tick does not read ranges");
        }

        @Override
        public StoreRetention retention() {
            return StoreRetention.DEFAULT;
        }
    }
}
