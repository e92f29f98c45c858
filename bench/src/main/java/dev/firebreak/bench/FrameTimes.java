package dev.firebreak.bench;

import java.util.Arrays;
import java.util.Locale;

/** What the frame benchmarks share: the toolkit set-up, and frame intervals printed as median, p99, max, long frames. */
public final class FrameTimes {

    private FrameTimes() {
    }

    /**
     * Pulses as fast as the FX thread allows (so a pulse interval is a frame's cost), headless Monocle with the
     * software pipeline unless {@code -Dbench.window=true} asks for the real toolkit (under xvfb-run). Call before
     * the toolkit starts.
     */
    public static void configureToolkit() {
        System.setProperty("javafx.animation.fullspeed", "true");
        if (!Boolean.getBoolean("bench.window")) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("headless.geometry", "1600x1000-32");
        }
    }

    public static void print(String label, long[] nanos) {
        if (nanos.length == 0) {
            System.out.printf(Locale.ROOT, "%-28s none%n", label);
            return;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-28s n=%6d  median %6.2f ms  p99 %6.2f ms  max %7.2f ms  (>16.7 ms: %d, >100 ms: %d)%n",
                label, sorted.length, ms(percentile(sorted, 0.5)), ms(percentile(sorted, 0.99)),
                ms(sorted[sorted.length - 1]), Arrays.stream(sorted).filter(n -> n > 16_700_000L).count(),
                Arrays.stream(sorted).filter(n -> n > 100_000_000L).count());
    }

    public static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    public static double ms(long nanos) {
        return nanos / 1e6;
    }
}
