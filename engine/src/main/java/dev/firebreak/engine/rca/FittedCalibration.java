package dev.firebreak.engine.rca;

/**
 * Calibrations measured by bench {@code RcaAccuracy --fit-calibration}; see bench/README.md for the run.
 */
final class FittedCalibration {

    /**
     * Isotonic fit (pool adjacent violators) of "the top cause was right" on the raw share, over 64 diagnosed trials
     * of the shop, seeds 1001-1005 of every fault type (2026-12-06). The ends are held to [0.05, 0.95]: 64 trials do not
     * support certainty either way. Reported on seeds 1-15 and on the 300-component topology in bench/README.md.
     */
    static final Calibration SIMULATOR = new Calibration(
            new double[] {0.1845, 0.2790, 0.2967, 0.3589, 0.5544, 0.9472, 1.0},
            new double[] {0.05, 0.05, 0.3333, 0.6, 0.7692, 0.9, 0.95});

    private FittedCalibration() {
    }
}
