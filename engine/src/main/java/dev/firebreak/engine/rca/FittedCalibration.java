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
     * Causes whose kind names a change made to the component, from the same trials: 20 of them in the first five
     * causes, raw shares 0.50-1.00, all 20 right, so one block at (20 + 1) / (20 + 2) = 0.95. Below the shares seen
     * (no such cause had less than 0.50) the general fit stands.
     */
    static final Calibration SIMULATOR_CHANGE_NAMED = new Calibration(
            new double[] {0.0000, 0.0162, 0.0920, 0.2035, 0.2929, 0.4493, 0.5029, 1.0},
            new double[] {0.0043, 0.0208, 0.1136, 0.1500, 0.4091, 0.5556, 0.9545, 0.9545});

    private FittedCalibration() {
    }
}
