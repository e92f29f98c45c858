package dev.firebreak.bench;

import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricStores;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.telemetry.StoreRetention;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Appends on one thread the way the simulator does: each invocation is one simulated second and
 * appends one sample to every series, round-robin. One JMH operation is one append.
 *
 * <p>The store is filled with a full hour first, so every measured append overwrites a ring slot
 * (the steady state of a long run) rather than writing into fresh memory.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MetricStoreAppendBenchmark {

    /** Must equal the {@code series} parameter: JMH needs a compile-time constant. */
    static final int SERIES = 16_000;

    private static final long START_EPOCH_SECOND = 1_700_000_000L;
    private static final int DISTINCT_VALUES = 1 << 16;

    @Param({"16000"})
    int series;

    private MetricStore store;
    private double[] values;
    private long second;
    private int valueCursor;

    @Setup(Level.Trial)
    public void fillOneHour() {
        if (series != SERIES) {
            throw new IllegalArgumentException("series must be " + SERIES + " (the @OperationsPerInvocation count)");
        }
        store = MetricStores.inMemory(StoreRetention.DEFAULT);
        MetricName[] metrics = MetricName.values();
        for (int i = 0; i < series; i++) {
            store.register(new SeriesKey("component-" + (i / metrics.length), metrics[i % metrics.length]));
        }
        // Precomputed values, so the benchmark measures the store rather than a random generator.
        SplittableRandom random = new SplittableRandom(7);
        values = new double[DISTINCT_VALUES];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble(0, 100);
        }
        second = START_EPOCH_SECOND;
        for (int s = 0; s < StoreRetention.DEFAULT.fullResolutionSeconds(); s++) {
            appendOneSecond();
        }
    }

    @Benchmark
    @OperationsPerInvocation(SERIES)
    public void appendOneSecondToEverySeries() {
        appendOneSecond();
    }

    private void appendOneSecond() {
        long now = second++;
        int cursor = valueCursor;
        for (int handle = 0; handle < SERIES; handle++) {
            store.append(handle, now, values[cursor]);
            cursor = (cursor + 1) & (DISTINCT_VALUES - 1);
        }
        valueCursor = cursor;
    }
}
