package dev.firebreak.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Operations per CPU-second of the benchmark thread over one JMH iteration, and their median over a run's
 * measured iterations. JMH's score is per wall-clock second: on a shared machine other processes take turns on
 * the benchmark's core (pinning it keeps it on one core, not the others off it), so the wall figure measures the
 * neighbours as much as the code (ADR 0024). This prints both the CPU-time rate and the share of a core the
 * thread had, and at the end of a run the figure to compare: the median CPU-time rate of the measured iterations.
 * Start and stop on the benchmark thread (Scope.Thread states run Level.Iteration fixtures there).
 */
final class CpuTimeMeter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long cpuStart;
    private long wallStart;
    private long operations;
    private boolean measured;
    private final List<double[]> measuredRuns = new ArrayList<>();

    /** Starts an iteration; only measured (not warm-up) iterations count towards {@link #printSummary}. */
    void start(IterationParams iteration) {
        measured = iteration.getType() == IterationType.MEASUREMENT;
        operations = 0;
        wallStart = System.nanoTime();
        cpuStart = THREADS.getCurrentThreadCpuTime();
    }

    void count(long ops) {
        operations += ops;
    }

    void stopAndPrint(String what) {
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
        long wall = System.nanoTime() - wallStart;
        double rate = operations * 1e9 / cpu;
        double share = 100.0 * cpu / wall;
        if (measured) {
            measuredRuns.add(new double[] {rate, share});
        }
        System.out.printf(Locale.ROOT, "%n    [cpu time] %s: %.0f ops per CPU-second (thread had %.0f%% of a core)%n",
                what, rate, share);
    }

    /** The run's figure: median CPU-time rate of the measured iterations, their range and the share of core. */
    void printSummary(String what) {
        if (measuredRuns.isEmpty()) {
            return;
        }
        double[] rates = measuredRuns.stream().mapToDouble(r -> r[0]).sorted().toArray();
        double[] shares = measuredRuns.stream().mapToDouble(r -> r[1]).sorted().toArray();
        int n = rates.length;
        double median = n % 2 == 1 ? rates[n / 2] : (rates[n / 2 - 1] + rates[n / 2]) / 2;
        System.out.printf(Locale.ROOT, "%n    [cpu time] %s, median of %d measured iterations: %.0f per CPU-second"
                + " (%.3f µs of CPU each); iterations %.0f..%.0f (%+.1f%%..%+.1f%% of the median);"
                + " thread had %.0f..%.0f%% of a core%n", what, n, median, 1e6 / median, rates[0], rates[n - 1],
                100 * (rates[0] / median - 1), 100 * (rates[n - 1] / median - 1), shares[0], shares[n - 1]);
        measuredRuns.clear();
    }
}
