package dev.firebreak.engine.rca;

/**
 * Calibrations measured by bench {@code RcaAccuracy --fit-calibration}; see bench/README.md for the run.
 */
final class FittedCalibration {

    /**
     * Isotonic fit (pool adjacent violators) of "this cause is the true one" on the raw share, over the first five
     * causes whose kind names no change, of 135 diagnosed trials of the shop, seeds 1001-1010 of every fault type (655
     * causes, 2026-12-06, with the maturing re-analysis). Blocks of fewer than 10 causes are folded into a neighbour and
     * each block's share is taken by the rule of succession, so no block claims certainty. Reported on seeds 1-15 of the
     * shop in bench/README.md.
     */
    static final Calibration SIMULATOR = new Calibration(
            new double[] {0.0000, 0.0162, 0.0920, 0.2035, 0.2929, 0.4493, 0.7826, 0.9873, 1.0},
            new double[] {0.0043, 0.0208, 0.1136, 0.1500, 0.4091, 0.5556, 0.6857, 0.9000, 0.9697});

    /**
     * Causes named by direct evidence (a change made to the component, or its own checks finding its instances down),
     * from the same seeds scored twice, 5 minutes into the fault (20 such causes in the first five, all changes) and 30
     * seconds into it (22: 20 "instances down", 2 changes; instances are replaced or restarted before 5 minutes): 42
     * causes, raw shares 0.35-1.00, all 42 right, so one block at (42 + 1) / (42 + 2) = 0.98. Below the shares seen the
     * general fit stands.
     */
    static final Calibration SIMULATOR_DIRECT = new Calibration(
            new double[] {0.0000, 0.0162, 0.0920, 0.2035, 0.2929, 0.3522, 1.0},
            new double[] {0.0043, 0.0208, 0.1136, 0.1500, 0.4091, 0.9773, 0.9773});

    /**
     * Causes named by where lost calls gather (network at the node, ADR 0052), from the same seeds scored twice, 5 minutes
     * and 30 seconds into the fault (2026-12-07): 44 causes in the first five. Two blocks, with nothing between raw 0.31
     * and 0.71: 24 below (callers of a failing node whose own calls are lost, none right), 20 above (packet loss at the
     * node, or a node whose skewed clock gets its calls turned away; all the right component).
     */
    static final Calibration SIMULATOR_LOST_CALLS = new Calibration(
            new double[] {0.1152, 0.8346},
            new double[] {0.0385, 0.9545});

    private FittedCalibration() {
    }
}
