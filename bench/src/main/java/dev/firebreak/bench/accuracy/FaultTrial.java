package dev.firebreak.bench.accuracy;

import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.health.HealthState;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The outcome of one seeded fault injection.
 *
 * @param type               the fault injected
 * @param seed               the simulation seed
 * @param target             the component it was injected on
 * @param peer               the other end, for faults between two components
 * @param timeToDetect       seconds from the fault's start to the first detection (at the trial's minimum severity,
 *                           medium by default) on its neighbourhood, empty when there was none before the fault ended
 * @param farDetections      detections during the fault on components outside the neighbourhood
 * @param movedGoldenSignal  whether request rate, errors or latency of the neighbourhood moved beyond noise
 * @param notHealthyShare    share of the fault's active time during which the target's detected health was
 *                           not HEALTHY (recovering counts), 0..1; NaN when the detection drives no health
 * @param unhealthyShare     the same for degraded, critical or failed only (recovering does not count)
 * @param timeToSee          seconds from the fault's start to the first detection of any severity (low included)
 *                           on its neighbourhood while it acted; empty when there was none
 * @param highestSeverity    the highest severity detected on the neighbourhood while the fault acted (NONE if none)
 * @param worstHealth        the target's worst health while the fault acted; empty when the detection drives no health
 * @param timeToDegraded     seconds from the fault's start until the target's health was degraded or worse, empty
 *                           when it never was while the fault acted (or the detection drives no health)
 */
public record FaultTrial(FaultType type, long seed, String target, Optional<String> peer, OptionalLong timeToDetect,
        int farDetections, boolean movedGoldenSignal, double notHealthyShare, double unhealthyShare,
        OptionalLong timeToSee, Severity highestSeverity, Optional<HealthState> worstHealth,
        OptionalLong timeToDegraded) {

    /** A trial without health figures, seen only when detected. */
    public FaultTrial(FaultType type, long seed, String target, Optional<String> peer, OptionalLong timeToDetect,
            int farDetections, boolean movedGoldenSignal) {
        this(type, seed, target, peer, timeToDetect, farDetections, movedGoldenSignal, Double.NaN, Double.NaN,
                timeToDetect, timeToDetect.isPresent() ? Severity.MEDIUM : Severity.NONE, Optional.empty(),
                OptionalLong.empty());
    }

    /** Something was reported on the neighbourhood while the fault acted, at any severity (low included). */
    public boolean seen() {
        return timeToSee.isPresent();
    }

    public boolean detected() {
        return timeToDetect.isPresent();
    }

    /** Missed on the neighbourhood but something far away fired: a detection in the wrong place. */
    public boolean detectedOnlyFarAway() {
        return !detected() && farDetections > 0;
    }
}
