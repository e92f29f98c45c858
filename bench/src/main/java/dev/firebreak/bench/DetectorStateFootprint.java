package dev.firebreak.bench;

import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.detect.series.SeriesDetector;
import dev.firebreak.engine.telemetry.MetricName;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Detector state per series, two ways: what the detectors claim ({@link SeriesDetector#stateBytes},
 * summed over the default set of each metric, which is what {@code DetectionEngine.maxStateBytesPerSeries}
 * reports) and what the heap says: N default sets per metric are built and fed an hour of samples, and
 * used heap after GC minus the same measure before, divided by N. The heap figure includes the
 * detectors' config records and rule strings (shared in spirit, but built per detector), so it is the
 * honest upper bound.
 *
 * <p>Arguments: {@code [series=20000]}. Plain {@code main}, not JMH; prints one line per metric.
 */
public final class DetectorStateFootprint {

    private DetectorStateFootprint() {
    }

    public static void main(String[] args) {
        int series = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        DetectionConfig config = DetectionConfig.ofDefaults();
        System.out.println("metric, detectors, claimed bytes/series (stateBytes), heap bytes/series");
        int worstClaimed = 0;
        long worstHeap = 0;
        for (MetricName metric : MetricName.values()) {
            long before = usedAfterGc();
            List<List<SeriesDetector>> sets = new ArrayList<>(series);
            for (int s = 0; s < series; s++) {
                sets.add(config.forMetric(metric).createDetectors());
            }
            feedAnHour(sets);
            long after = usedAfterGc();
            int claimed = sets.get(0).stream().mapToInt(SeriesDetector::stateBytes).sum();
            long heap = (after - before) / series;
            worstClaimed = Math.max(worstClaimed, claimed);
            worstHeap = Math.max(worstHeap, heap);
            System.out.printf("%s, %d, %d, %d%n", metric, sets.get(0).size(), claimed, heap);
            sets.clear();
        }
        System.out.printf("worst: claimed %d B, heap %d B per series (target <= 4096)%n", worstClaimed, worstHeap);
    }

    /** 120 samples a series, every 30 s for an hour: fills the 100-sample windows, so lazily grown state would show. */
    private static void feedAnHour(List<List<SeriesDetector>> sets) {
        SplittableRandom random = new SplittableRandom(1);
        for (List<SeriesDetector> set : sets) {
            for (long t = 0; t < 3600; t += 30) {
                double value = 50 + 5 * random.nextGaussian();
                for (SeriesDetector detector : set) {
                    detector.update(t, value);
                }
            }
        }
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
