package dev.firebreak.bench.accuracy;

import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.health.HealthState;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.ToDoubleFunction;

/**
 * Figures over a group of fault trials. Shares and times to detect are over the trials whose fault moved
 * a golden signal (the target applies to those); {@code detectedAll}, {@code seenAll} and the
 * distributions of highest severity and worst health count every trial.
 *
 * @param trials          trials in the group
 * @param moved           trials whose fault moved a golden signal
 * @param detectedMoved   of those, detected on the fault's neighbourhood while the fault acted
 * @param detectedAll     detected trials, whether or not a golden signal moved
 * @param onlyFarAway     trials missed on the neighbourhood while something far away fired
 * @param medianSeconds   median time to detect of the detected moved trials
 * @param p95Seconds      95th percentile (nearest rank) of the same
 * @param notHealthyShare mean over all trials of the share of the fault's active time the target was not
 *                        HEALTHY (NaN without health figures)
 * @param unhealthyShare  the same for degraded or worse (recovering not counted)
 * @param seenAll         trials with a detection of any severity (low included) on the neighbourhood, moved or not
 * @param highest         per severity, the trials whose highest detection on the neighbourhood had it (NONE: nothing)
 * @param worstHealth     per state, the trials whose target was at worst in it (empty without health figures)
 * @param degraded        trials whose target's health was degraded or worse while the fault acted
 * @param medianSecondsToDegraded median of their times until it was
 */
public record AccuracySummary(int trials, int moved, int detectedMoved, int detectedAll, int onlyFarAway,
        OptionalLong medianSeconds, OptionalLong p95Seconds, double notHealthyShare, double unhealthyShare,
        int seenAll, Map<Severity, Integer> highest, Map<HealthState, Integer> worstHealth, int degraded,
        OptionalLong medianSecondsToDegraded) {

    public static AccuracySummary of(List<FaultTrial> trials) {
        int moved = 0;
        int detectedMoved = 0;
        int detectedAll = 0;
        int far = 0;
        int seen = 0;
        Map<Severity, Integer> highest = new EnumMap<>(Severity.class);
        Map<HealthState, Integer> worst = new EnumMap<>(HealthState.class);
        long[] toDegraded = new long[trials.size()];
        int degraded = 0;
        long[] times = new long[trials.size()];
        int timed = 0;
        for (FaultTrial trial : trials) {
            if (trial.detected()) {
                detectedAll++;
            }
            if (trial.detectedOnlyFarAway()) {
                far++;
            }
            if (trial.seen()) {
                seen++;
            }
            highest.merge(trial.highestSeverity(), 1, Integer::sum);
            if (trial.timeToDegraded().isPresent()) {
                toDegraded[degraded++] = trial.timeToDegraded().getAsLong();
            }
            trial.worstHealth().ifPresent(state -> worst.merge(state, 1, Integer::sum));
            if (trial.movedGoldenSignal()) {
                moved++;
                if (trial.detected()) {
                    detectedMoved++;
                    times[timed++] = trial.timeToDetect().getAsLong();
                }
            }
        }
        long[] sorted = Arrays.copyOf(times, timed);
        Arrays.sort(sorted);
        return new AccuracySummary(trials.size(), moved, detectedMoved, detectedAll, far, percentile(sorted, 0.5),
                percentile(sorted, 0.95), mean(trials, FaultTrial::notHealthyShare),
                mean(trials, FaultTrial::unhealthyShare), seen, highest, worst, degraded,
                percentile(sortedCopy(toDegraded, degraded), 0.5));
    }

    private static long[] sortedCopy(long[] values, int count) {
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return sorted;
    }

    /** Mean of a per-trial share over the trials that have it; NaN when none has. */
    private static double mean(List<FaultTrial> trials, ToDoubleFunction<FaultTrial> share) {
        double sum = 0;
        int count = 0;
        for (FaultTrial trial : trials) {
            double value = share.applyAsDouble(trial);
            if (!Double.isNaN(value)) {
                sum += value;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** Nearest-rank percentile of sorted values; empty when there are none. */
    static OptionalLong percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return OptionalLong.empty();
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return OptionalLong.of(sorted[Math.max(0, rank - 1)]);
    }

    /** Share of golden-signal-moving faults detected, in [0, 1]; NaN when none moved one. */
    public double detectedShare() {
        return moved == 0 ? Double.NaN : (double) detectedMoved / moved;
    }
}
