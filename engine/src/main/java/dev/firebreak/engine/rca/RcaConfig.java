package dev.firebreak.engine.rca;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How an analysis ranks causes. One configuration serves every system (the simulator and PetShop alike): nothing in
 * it names a node or a data set.
 *
 * @param methods              the methods combined; at least one
 * @param anomalyThreshold     robust deviations (scaled IQRs) from the normal median at which a metric counts as
 *                             moved; above 0
 * @param halfScore            the deviation that earns half of the full anomaly score (the score is d / (d + half));
 *                             above 0
 * @param changeLookbackSeconds how long before the onset a change still counts towards it; positive
 * @param recentLevelSeconds   the last part of the normal period whose median is the normal level (its spread comes
 *                             from the whole period): a system that drifted is judged against where it just was;
 *                             positive
 * @param walkRestart          the random walk's chance to jump back to the symptom on each step, in (0, 1)
 * @param calibration          raw share of the evidence to confidence
 * @param directCalibration    the same for a cause named by direct evidence ({@link Cause#namedByDirectEvidence()}): a
 *                             deployment on the component just before it failed, or its own checks finding its instances down,
 *                             is evidence the metrics' share does not weigh, so such causes are right more often than
 *                             their share says (fitted apart)
 * @param lostCallsCalibration the same for a cause named by where lost calls gather ({@link Cause.Basis#LOST_CALLS}):
 *                             the call graph names that node, however its share of the metrics' evidence is spread
 *                             over the callers its loss fails (fitted apart, ADR 0052)
 */
public record RcaConfig(Set<RcaMethod> methods, double anomalyThreshold, double halfScore, long changeLookbackSeconds,
        long recentLevelSeconds, double walkRestart, Calibration calibration, Calibration directCalibration,
        Calibration lostCallsCalibration) {

    public static final double DEFAULT_ANOMALY_THRESHOLD = 4;
    public static final double DEFAULT_HALF_SCORE = 8;
    public static final long DEFAULT_CHANGE_LOOKBACK_SECONDS = 15 * 60;
    public static final long DEFAULT_RECENT_LEVEL_SECONDS = 15 * 60;
    public static final double DEFAULT_WALK_RESTART = 0.15;

    public RcaConfig {
        methods = Set.copyOf(methods);
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("an analysis needs at least one method");
        }
        if (!(anomalyThreshold > 0) || Double.isInfinite(anomalyThreshold)) {
            throw new IllegalArgumentException("anomalyThreshold must be a positive number, was " + anomalyThreshold);
        }
        if (!(halfScore > 0) || Double.isInfinite(halfScore)) {
            throw new IllegalArgumentException("halfScore must be a positive number, was " + halfScore);
        }
        if (changeLookbackSeconds <= 0) {
            throw new IllegalArgumentException("changeLookbackSeconds must be positive, was " + changeLookbackSeconds);
        }
        if (recentLevelSeconds <= 0) {
            throw new IllegalArgumentException("recentLevelSeconds must be positive, was " + recentLevelSeconds);
        }
        if (!(walkRestart > 0 && walkRestart < 1)) {
            throw new IllegalArgumentException("walkRestart must be in (0, 1), was " + walkRestart);
        }
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(directCalibration, "directCalibration");
        Objects.requireNonNull(lostCallsCalibration, "lostCallsCalibration");
    }

    /** The calibration for a cause of this kind. */
    public Calibration calibrationFor(Cause cause) {
        return calibrationFor(cause.basis());
    }

    /** The calibration for causes whose kind rests on this basis. */
    public Calibration calibrationFor(Cause.Basis basis) {
        return switch (basis) {
            case SHARE -> calibration;
            case DIRECT -> directCalibration;
            case LOST_CALLS -> lostCallsCalibration;
        };
    }

    /** Every method, with the calibrations fitted on simulator seeds 1001-1010 (bench RcaAccuracy). */
    public static RcaConfig ofDefaults() {
        return new RcaConfig(EnumSet.allOf(RcaMethod.class), DEFAULT_ANOMALY_THRESHOLD, DEFAULT_HALF_SCORE,
                DEFAULT_CHANGE_LOOKBACK_SECONDS, DEFAULT_RECENT_LEVEL_SECONDS, DEFAULT_WALK_RESTART, FittedCalibration.SIMULATOR,
                FittedCalibration.SIMULATOR_DIRECT, FittedCalibration.SIMULATOR_LOST_CALLS);
    }

    public boolean uses(RcaMethod method) {
        return methods.contains(method);
    }

    /** This configuration with one method alone. */
    public RcaConfig only(RcaMethod method) {
        return withMethods(EnumSet.of(method));
    }

    public RcaConfig without(RcaMethod method) {
        EnumSet<RcaMethod> fewer = EnumSet.copyOf(methods);
        fewer.remove(method);
        return withMethods(fewer);
    }

    public RcaConfig withMethods(Set<RcaMethod> chosen) {
        return new RcaConfig(chosen, anomalyThreshold, halfScore, changeLookbackSeconds, recentLevelSeconds, walkRestart,
                calibration, directCalibration, lostCallsCalibration);
    }

    /** One calibration for every cause (the identity, to read raw shares). */
    public RcaConfig withCalibration(Calibration fitted) {
        return withCalibrations(fitted, fitted, fitted);
    }

    public RcaConfig withCalibrations(Calibration general, Calibration direct, Calibration lostCalls) {
        return new RcaConfig(methods, anomalyThreshold, halfScore, changeLookbackSeconds, recentLevelSeconds, walkRestart,
                general, direct, lostCalls);
    }
}
