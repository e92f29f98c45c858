package dev.firebreak.bench;

import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.detect.series.EwmaConfig;
import dev.firebreak.engine.detect.series.IqrConfig;
import dev.firebreak.engine.detect.series.RateOfChangeConfig;
import dev.firebreak.engine.detect.series.RollingZScoreConfig;
import dev.firebreak.engine.detect.series.SeasonalBandConfig;
import dev.firebreak.engine.detect.series.SeriesDetector;
import dev.firebreak.engine.detect.series.SeriesDetectors;
import dev.firebreak.engine.telemetry.MetricName;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Samples per second through the per-series detectors on one core: the shipped default set of a
 * metric ({@code DetectionConfig.ofDefaults().forMetric(metric)}: rolling z-score, EWMA, IQR, seasonal
 * band, and rate of change where the metric has a limit), and each detector alone.
 *
 * <p>{@code phase} picks the seasonal band's state: {@code steady} first feeds every detector a whole
 * simulated week, so every hour-of-week slot has been learned and the band scores (the long-run state);
 * {@code firstWeek} keeps time inside the first week, where the band is still learning (the console's
 * state for its first simulated week).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SeriesDetectorBenchmark {

    private static final int SAMPLES = 4096;
    private static final long WEEK = 7 * 86_400;

    @Param({"CPU", "LATENCY_P99"})
    MetricName metric;

    @Param({"steady", "firstWeek"})
    String phase;

    private SeriesDetector[] defaultSet;
    private SeriesDetector rolling;
    private SeriesDetector ewma;
    private SeriesDetector iqr;
    private SeriesDetector seasonal;
    private SeriesDetector rate;
    private double[] values;
    private long start;
    private long step;
    private final CpuTimeMeter meter = new CpuTimeMeter();

    @Setup
    public void setUp() {
        List<SeriesDetector> defaults = DetectionConfig.ofDefaults().forMetric(metric).createDetectors();
        defaultSet = defaults.toArray(SeriesDetector[]::new);
        rolling = SeriesDetectors.rollingZScore(RollingZScoreConfig.ofDefaults());
        ewma = SeriesDetectors.ewma(EwmaConfig.ofDefaults());
        iqr = SeriesDetectors.iqr(IqrConfig.ofDefaults());
        seasonal = SeriesDetectors.seasonalBand(SeasonalBandConfig.ofDefaults());
        rate = SeriesDetectors.rateOfChange(RateOfChangeConfig.defaultFor(MetricName.CPU).orElseThrow());
        SplittableRandom random = new SplittableRandom(1);
        values = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            values[i] = 50 + 5 * random.nextGaussian();
        }
        boolean steady = phase.equals("steady");
        start = steady ? WEEK : 0;
        if (steady) {
            for (long t = 0; t < WEEK; t++) {
                double v = values[(int) (t % SAMPLES)];
                for (SeriesDetector detector : defaults) {
                    detector.update(t, v);
                }
                for (SeriesDetector detector : new SeriesDetector[] {rolling, ewma, iqr, seasonal, rate}) {
                    detector.update(t, v);
                }
            }
        }
    }

    @Setup(Level.Iteration)
    public void startMeter(IterationParams iteration) {
        meter.start(iteration);
    }

    @TearDown(Level.Iteration)
    public void printCpuRate() {
        meter.stopAndPrint("samples");
    }

    @TearDown(Level.Trial)
    public void printCpuSummary() {
        meter.printSummary("samples");
    }

    /** Epoch second of the next sample: on from the warm-up week, or wrapping within the first week. */
    private long nextSecond() {
        long t = start + step++;
        meter.count(1);
        return start == 0 ? t % WEEK : t;
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void defaultSet(Blackhole sink) {
        SeriesDetector[] detectors = defaultSet;
        for (int i = 0; i < SAMPLES; i++) {
            long t = nextSecond();
            double v = values[i];
            for (SeriesDetector detector : detectors) {
                sink.consume(detector.update(t, v));
            }
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
    public void seasonalOnly(Blackhole sink) {
        run(seasonal, sink);
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void rateOfChangeOnly(Blackhole sink) {
        run(rate, sink);
    }

    private void run(SeriesDetector detector, Blackhole sink) {
        for (int i = 0; i < SAMPLES; i++) {
            sink.consume(detector.update(nextSecond(), values[i]));
        }
    }
}
