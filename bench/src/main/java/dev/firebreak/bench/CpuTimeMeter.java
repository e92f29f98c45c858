package dev.firebreak.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Operations per CPU-second of the benchmark thread over one JMH iteration. JMH's score is per
 * wall-clock second; on the shared development machine (2 cores, several busy processes) the thread
 * gets only part of a core, so the wall figure understates what one core does. This prints both the
 * CPU-time rate and the share of a core the thread had. Start and stop on the benchmark thread
 * (Scope.Thread states run Level.Iteration fixtures there).
 */
final class CpuTimeMeter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long cpuStart;
    private long wallStart;
    private long operations;

    void start() {
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
        System.out.printf(Locale.ROOT, "%n    [cpu time] %s: %.0f ops per CPU-second (thread had %.0f%% of a core)%n",
                what, operations * 1e9 / cpu, 100.0 * cpu / wall);
    }
}
