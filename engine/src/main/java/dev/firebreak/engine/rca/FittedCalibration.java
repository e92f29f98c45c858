package dev.firebreak.engine.rca;

/**
 * Calibrations measured by bench {@code RcaAccuracy --fit-calibration}; see bench/README.md for the run.
 */
final class FittedCalibration {

    /**
     * Isotonic fit (pool adjacent violators) of "this cause is the true one" on the raw share, over the first five
     * causes of 135 diagnosed trials of the shop, seeds 1001-1010 of every fault type (675 causes, 2026-12-06, after
     * ADR 0033). Blocks of fewer than 10 causes are folded into a neighbour and each block's share is taken by the rule
     * of succession, so no block claims certainty. Reported on seeds 1-15 of the shop in bench/README.md.
     */
    static final Calibration SIMULATOR = new Calibration(
            new double[] {0.0000, 0.0071, 0.0284, 0.0959, 0.2128, 0.2943, 0.4081, 0.7350, 0.9892, 1.0},
            new double[] {0.0044, 0.0219, 0.0333, 0.1290, 0.2308, 0.2609, 0.5500, 0.7708, 0.9167, 0.9722});

    private FittedCalibration() {
    }
}
