package dev.firebreak.bench;

import dev.firebreak.engine.detect.EwmaConfig;
import dev.firebreak.engine.detect.IqrConfig;
import dev.firebreak.engine.detect.MetricDetectionConfig;
import dev.firebreak.engine.detect.RateOfChangeConfig;
import dev.firebreak.engine.detect.RollingZScoreConfig;
import dev.firebreak.engine.detect.SeriesDetector;
import dev.firebreak.engine.detect.SeriesDetectors;
import dev.firebreak.engine.telemetry.MetricName;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Samples per second through the per-series statistical detectors on one core: each sample goes through
 * the rolling z-score, EWMA, IQR and CPU rate-of-change detectors of one series. Also prints the state
 * bytes per series of the default detector set of every metric kind (seasonal band included).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SeriesDetectorBenchmark {

    private static final int SAMPLES = 4096;

    private SeriesDetector rolling;
    private SeriesDetector ewma;
    private SeriesDetector iqr;
    private SeriesDetector rate;
    private double[] values;
    private long second;

    @Setup
    public void setUp() {
        rolling = SeriesDetectors.rollingZScore(RollingZScoreConfig.ofDefaults());
        ewma = SeriesDetectors.ewma(EwmaConfig.ofDefaults());
        iqr = SeriesDetectors.iqr(IqrConfig.ofDefaults());
        rate = SeriesDetectors.rateOfChange(RateOfChangeConfig.defaultFor(MetricName.CPU).orElseThrow());
        SplittableRandom random = new SplittableRandom(1);
        values = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            values[i] = 50 + 5 * random.nextGaussian();
        }
        for (MetricName metric : MetricName.values()) {
            List<SeriesDetector> detectors = MetricDetectionConfig.defaultFor(metric).createDetectors();
            int bytes = detectors.stream().mapToInt(SeriesDetector::stateBytes).sum();
            System.out.println("state bytes per series, " + metric + " (" + detectors.size() + " detectors): " + bytes);
        }
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void statisticalSet(Blackhole sink) {
        for (int i = 0; i < SAMPLES; i++) {
            long t = second++;
            double v = values[i];
            sink.consume(rolling.update(t, v));
            sink.consume(ewma.update(t, v));
            sink.consume(iqr.update(t, v));
            sink.consume(rate.update(t, v));
        }
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void rollingOnly(Blackhole sink) {
        run(rolling, sink);
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void ewmaOnly(Blackhole sink) {
        run(ewma, sink);
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void iqrOnly(Blackhole sink) {
        run(iqr, sink);
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void rateOfChangeOnly(Blackhole sink) {
        run(rate, sink);
    }

    private void run(SeriesDetector detector, Blackhole sink) {
        for (int i = 0; i < SAMPLES; i++) {
            sink.consume(detector.update(second++, values[i]));
        }
    }
}
