package dev.firebreak.bench;

import dev.firebreak.engine.detect.IsolationForestConfig;
import dev.firebreak.engine.detect.MlDetectors;
import dev.firebreak.engine.detect.ReconstructionConfig;
import dev.firebreak.engine.detect.VectorDetector;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Steady-state cost of the ML vector detectors' {@code update} on one thread: scoring plus admission
 * to the training window, with refits handed to an executor that runs elsewhere (here: dropped after
 * the first model, so this thread measures only what the detection thread pays). One operation is one
 * component vector of 7 metrics, the shape of a service in the shop topology.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VectorDetectorBenchmark {

    private static final List<String> FEATURES =
            List.of("request_rate", "error_rate", "latency_p50", "latency_p95", "latency_p99", "cpu", "memory");
    private static final int VECTORS = 4096;

    private double[][] vectors;
    private VectorDetector forest;
    private VectorDetector smileForest;
    private VectorDetector reconstruction;

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

    @Benchmark
    @OperationsPerInvocation(VECTORS)
    public double isolationForestUpdate() {
        double sum = 0;
        for (int i = 0; i < VECTORS; i++) {
            sum += forest.update(i, vectors[i]).score();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(VECTORS)
    public double smileIsolationForestUpdate() {
        double sum = 0;
        for (int i = 0; i < VECTORS; i++) {
            sum += smileForest.update(i, vectors[i]).score();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(VECTORS)
    public double reconstructionUpdate() {
        double sum = 0;
        for (int i = 0; i < VECTORS; i++) {
            sum += reconstruction.update(i, vectors[i]).score();
        }
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
