package dev.firebreak.bench.accuracy;

import dev.firebreak.engine.fault.FaultType;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The outcome of one seeded fault injection.
 *
 * @param type               the fault injected
 * @param seed               the simulation seed
 * @param target             the component it was injected on
 * @param peer               the other end, for faults between two components
 * @param timeToDetect       seconds from the fault's start to the first detection on its neighbourhood,
 *                           empty when there was none before the fault ended
 * @param farDetections      detections during the fault on components outside the neighbourhood
 * @param movedGoldenSignal  whether request rate, errors or latency of the neighbourhood moved beyond noise
 * @param notHealthyShare    share of the fault's active time during which the target's detected health was
 *                           not HEALTHY (recovering counts), 0..1; NaN when the detection drives no health
 * @param unhealthyShare     the same for degraded, critical or failed only (recovering does not count)
 */
public record FaultTrial(FaultType type, long seed, String target, Optional<String> peer, OptionalLong timeToDetect,
        int farDetections, boolean movedGoldenSignal, double notHealthyShare, double unhealthyShare) {

    /** A trial without health figures. */
    public FaultTrial(FaultType type, long seed, String target, Optional<String> peer, OptionalLong timeToDetect,
            int farDetections, boolean movedGoldenSignal) {
        this(type, seed, target, peer, timeToDetect, farDetections, movedGoldenSignal, Double.NaN, Double.NaN);
    }

    public boolean detected() {
        return timeToDetect.isPresent();
    }

    /** Missed on the neighbourhood but something far away fired: a detection in the wrong place. */
    public boolean detectedOnlyFarAway() {
        return !detected() && farDetections > 0;
    }
}
