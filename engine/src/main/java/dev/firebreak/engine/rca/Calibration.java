package dev.firebreak.engine.rca;

import java.util.Arrays;

/**
 * Turns a cause's raw share of the evidence into a confidence: a piecewise-linear, non-decreasing map through
 * measured points (raw share, share of such causes that were right), fitted on one range of simulator seeds and
 * checked on another (bench {@code RcaAccuracy}).
 *
 * @param raw       raw shares, strictly increasing, within [0, 1]
 * @param confident the confidence at each, within [0, 1], non-decreasing
 */
public record Calibration(double[] raw, double[] confident) {

    public Calibration {
        raw = raw.clone();
        confident = confident.clone();
        if (raw.length < 2 || raw.length != confident.length) {
            throw new IllegalArgumentException("a calibration needs at least two points and as many confidences as raw"
                    + " shares; got " + raw.length + " and " + confident.length);
        }
        for (int i = 0; i < raw.length; i++) {
            if (!(raw[i] >= 0 && raw[i] <= 1) || !(confident[i] >= 0 && confident[i] <= 1)) {
                throw new IllegalArgumentException("calibration point " + i + " (" + raw[i] + " -> " + confident[i]
                        + ") is outside [0, 1]");
            }
            if (i > 0 && (raw[i] <= raw[i - 1] || confident[i] < confident[i - 1])) {
                throw new IllegalArgumentException("calibration points must rise: point " + i + " (" + raw[i] + " -> "
                        + confident[i] + ") does not follow " + raw[i - 1] + " -> " + confident[i - 1]);
            }
        }
    }

    /** The raw share itself: for measuring before a calibration is fitted. */
    public static Calibration identity() {
        return new Calibration(new double[] {0, 1}, new double[] {0, 1});
    }

    public double apply(double share) {
        if (Double.isNaN(share)) {
            throw new IllegalArgumentException("cannot calibrate NaN");
        }
        double x = Math.max(0, Math.min(1, share));
        if (x <= raw[0]) {
            return confident[0];
        }
        for (int i = 1; i < raw.length; i++) {
            if (x <= raw[i]) {
                double t = (x - raw[i - 1]) / (raw[i] - raw[i - 1]);
                return confident[i - 1] + t * (confident[i] - confident[i - 1]);
            }
        }
        return confident[confident.length - 1];
    }

    @Override
    public double[] raw() {
        return raw.clone();
    }

    @Override
    public double[] confident() {
        return confident.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Calibration c && Arrays.equals(raw, c.raw) && Arrays.equals(confident, c.confident);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(raw) + Arrays.hashCode(confident);
    }

    @Override
    public String toString() {
        return "Calibration" + Arrays.toString(raw) + "->" + Arrays.toString(confident);
    }
}
