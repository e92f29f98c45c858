package dev.firebreak.bench;

import dev.firebreak.engine.detect.ml.IsolationForestConfig;
import dev.firebreak.engine.detect.ml.MlDetectors;
import dev.firebreak.engine.detect.ml.ReconstructionConfig;
import dev.firebreak.engine.detect.ml.VectorDetector;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;

/**
 * Steady-state cost of the ML vector detectors' {@code update} on one thread: scoring plus admission
 * to the training window, with refits handed to an executor that runs elsewhere (here: dropped after
 * the first model, so this thread measures only what the detection thread pays). One operation is one
 * component vector of 7 metrics, the shape of a service in the shop topology.
 *
 * <p>The {@code cold...} benchmarks score {@value #COLD_DETECTORS} detectors in turn, one vector each, as
 * the detection thread does with one forest per component: each detector's model is out of cache when
 * its turn comes, which is what the detection engine pays (one model hot in cache costs far less).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VectorDetectorBenchmark {

    private static final List<String> FEATURES =
            List.of("request_rate", "error_rate", "latency_p50", "latency_p95", "latency_p99", "cpu", "memory");
    private static final int VECTORS = 4096;
    static final int COLD_DETECTORS = 200;

    private double[][] vectors;
    private VectorDetector forest;
    private VectorDetector smileForest;
    private VectorDetector reconstruction;
    private VectorDetector[] coldForests;
    private VectorDetector[] coldReconstructions;
    private int coldRound;
    private final CpuTimeMeter meter = new CpuTimeMeter();

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        vectors = new double[VECTORS][];
        for (int i = 0; i < VECTORS; i++) {
            vectors[i] = serviceVector(random);
        }
        forest = trained(MlDetectors.isolationForest(IsolationForestConfig.ofDefaults(), FEATURES, new FirstFitOnly()));
        smileForest = trained(MlDetectors.isolationForest(IsolationForestConfig.ofDefaults()
                .withImplementation(IsolationForestConfig.Implementation.SMILE), FEATURES, new FirstFitOnly()));
        reconstruction = trained(
                MlDetectors.reconstruction(ReconstructionConfig.ofDefaults(), FEATURES, new FirstFitOnly()));
        coldForests = new VectorDetector[COLD_DETECTORS];
        coldReconstructions = new VectorDetector[COLD_DETECTORS];
        for (int c = 0; c < COLD_DETECTORS; c++) {
            // Each its own seed, so no two forests share a node.
            IsolationForestConfig config = IsolationForestConfig.ofDefaults();
            coldForests[c] = trained(MlDetectors.isolationForest(new IsolationForestConfig(config.windowSize(),
                    config.subsampleSize(), config.trees(), config.retrainEvery(), config.minTrainingSamples(),
                    config.thresholdPercentile(), config.admitAnomalousEvery(), config.implementation(), c + 1L),
                    FEATURES, new FirstFitOnly()));
            coldReconstructions[c] = trained(
                    MlDetectors.reconstruction(ReconstructionConfig.ofDefaults(), FEATURES, new FirstFitOnly()));
        }
    }

    private static double[] serviceVector(SplittableRandom random) {
        double load = 100 + 900 * random.nextDouble();
        double p50 = 20 + 0.05 * load + random.nextGaussian();
        return new double[] {load, 0.1 + 0.05 * random.nextDouble(), p50, p50 * 2 + random.nextGaussian() * 2,
            p50 * 3 + random.nextGaussian() * 4, 10 + 0.06 * load + 2 * random.nextGaussian(),
            55 + random.nextGaussian()};
    }

    private VectorDetector trained(VectorDetector detector) {
        for (int i = 0; i < IsolationForestConfig.DEFAULT_WINDOW_SIZE; i++) {
            detector.update(i, vectors[i]);
        }
        if (detector.update(0, vectors[0]).isLearning()) {
            throw new IllegalStateException(detector.kind() + " has no model after its warm-up window");
        }
        return detector;
    }

    @Setup(Level.Iteration)
    public void startMeter(IterationParams iteration) {
        meter.start(iteration);
    }

    @TearDown(Level.Iteration)
    public void printCpuRate() {
        meter.stopAndPrint("vectors");
    }

    @TearDown(Level.Trial)
    public void printCpuSummary() {
        meter.printSummary("vectors");
    }

    @Benchmark
    @OperationsPerInvocation(VECTORS)
    public double isolationForestUpdate() {
        double sum = 0;
        for (int i = 0; i < VECTORS; i++) {
            sum += forest.update(i, vectors[i]).score();
        }
        meter.count(VECTORS);
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(VECTORS)
    public double smileIsolationForestUpdate() {
        double sum = 0;
        for (int i = 0; i < VECTORS; i++) {
            sum += smileForest.update(i, vectors[i]).score();
        }
        meter.count(VECTORS);
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(VECTORS)
    public double reconstructionUpdate() {
        double sum = 0;
        for (int i = 0; i < VECTORS; i++) {
            sum += reconstruction.update(i, vectors[i]).score();
        }
        meter.count(VECTORS);
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(COLD_DETECTORS)
    public double coldIsolationForestsUpdate() {
        return updateInTurn(coldForests);
    }

    @Benchmark
    @OperationsPerInvocation(COLD_DETECTORS)
    public double coldReconstructionsUpdate() {
        return updateInTurn(coldReconstructions);
    }

    private double updateInTurn(VectorDetector[] detectors) {
        double sum = 0;
        int row = coldRound++ % VECTORS;
        for (VectorDetector detector : detectors) {
            sum += detector.update(row, vectors[row]).score();
        }
        meter.count(detectors.length);
        return sum;
    }

    /** Runs the first fit inline, then drops the rest: refits belong to another core in the console. */
    private static final class FirstFitOnly implements Executor {
        private boolean fitted;

        @Override
        public void execute(Runnable task) {
            if (!fitted) {
                fitted = true;
                task.run();
            }
        }
    }
}
