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
            new double[] {0.0000, 0.0084, 0.0296, 0.0945, 0.2127, 0.2910, 0.4469, 0.6231, 0.8828, 0.9881, 1.0},
            new double[] {0.0044, 0.0224, 0.0345, 0.1212, 0.2857, 0.3462, 0.5600, 0.7143, 0.7778, 0.9032, 0.9722});

    private FittedCalibration() {
    }
}
