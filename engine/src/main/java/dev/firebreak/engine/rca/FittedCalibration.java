package dev.firebreak.engine.rca;

/** Calibrations measured by bench {@code RcaAccuracy --fit-calibration}; see bench/README.md for the run. */
final class FittedCalibration {

    /** Not fitted yet: the raw share. */
    static final Calibration SIMULATOR = Calibration.identity();

    private FittedCalibration() {
    }
}
