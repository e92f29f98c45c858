package dev.firebreak.bench.accuracy;

import dev.firebreak.engine.sim.Simulator;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import java.util.Collection;

/**
 * Whether a fault visibly moved a golden signal: for some component of the neighbourhood, the mean of
 * its request rate, error rate or p99 latency during the fault differs from the mean of the baseline
 * stretch before it by more than {@link #SIGMAS} baseline standard deviations, and by more than
 * {@link #RELATIVE_FLOOR} of the baseline mean and an absolute floor per metric. The floors keep
 * flat, noise-free series (errors at 0) from counting tiny moves as visible.
 */
final class GoldenSignals {

    static final double SIGMAS = 3;
    static final double RELATIVE_FLOOR = 0.10;
    static final MetricName[] SIGNALS = {MetricName.REQUEST_RATE, MetricName.ERROR_RATE, MetricName.LATENCY_P99};

    private GoldenSignals() {
    }

    static boolean moved(Simulator simulator, MetricStore store, Collection<Integer> components, long baselineFrom,
            long faultFrom, long faultTo) {
        for (int component : components) {
            for (MetricName metric : SIGNALS) {
                int handle = simulator.seriesHandle(component, metric);
                if (handle >= 0 && moved(store.range(handle, baselineFrom, faultFrom - 1).values(),
                        store.range(handle, faultFrom, faultTo - 1).values(), absoluteFloor(metric))) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean moved(double[] before, double[] during, double absoluteFloor) {
        double[] baseline = meanAndDeviation(before);
        double[] fault = meanAndDeviation(during);
        if (Double.isNaN(baseline[0]) || Double.isNaN(fault[0])) {
            return false;
        }
        double shift = Math.abs(fault[0] - baseline[0]);
        return shift > SIGMAS * baseline[1] && shift > RELATIVE_FLOOR * Math.abs(baseline[0]) && shift > absoluteFloor;
    }

    private static double absoluteFloor(MetricName metric) {
        return switch (metric) {
            case ERROR_RATE -> 0.5; // percentage points
            case LATENCY_P99 -> 2; // ms
            default -> 1; // req/s
        };
    }

    /** Mean and population standard deviation of the finite values; NaN mean when there are none. */
    private static double[] meanAndDeviation(double[] values) {
        double sum = 0;
        int count = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sum += v;
                count++;
            }
        }
        if (count == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double mean = sum / count;
        double squares = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        return new double[] {mean, Math.sqrt(squares / count)};
    }
}
