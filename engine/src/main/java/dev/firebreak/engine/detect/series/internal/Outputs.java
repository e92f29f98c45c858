package dev.firebreak.engine.detect.series.internal;

import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.Direction;
import java.util.Locale;

/** The outputs every detector shares: missing sample, still learning, and the scored case. */
final class Outputs {

    /** Every detector's rule starts with this, so the rule alone reads as the within-band reason. */
    static final String RULE_PREFIX = "within band: ";

    private Outputs() {
    }

    /**
     * One instance of a rule text for every detector built with the same settings: a per-detector
     * copy (about 100 bytes, UTF-16 because of ± and σ) would be a fifth of a series' detector state.
     */
    static String shared(String rule) {
        return rule.intern();
    }

    /** Why a sample on the other side of the band scores zero, one text per direction. */
    private static final String[] OTHER_SIDE = otherSideReasons();

    private static String[] otherSideReasons() {
        Direction[] directions = Direction.values();
        String[] reasons = new String[directions.length];
        for (Direction direction : directions) {
            reasons[direction.ordinal()] = "other side of the band than this metric's anomalies ("
                    + direction.name().toLowerCase(Locale.ROOT) + " only)";
        }
        return reasons;
    }

    /** Outputs are immutable and a missing sample says the same for every detector of a kind: one each. */
    private static final DetectorOutput[] MISSING = missingOutputs();

    private static DetectorOutput[] missingOutputs() {
        DetectorKind[] kinds = DetectorKind.values();
        DetectorOutput[] outputs = new DetectorOutput[kinds.length];
        for (DetectorKind kind : kinds) {
            outputs[kind.ordinal()] = new DetectorOutput(kind, Double.NaN, false, Double.NaN, Double.NaN, Double.NaN,
                    "missing sample: nothing scored or learned");
        }
        return outputs;
    }

    static DetectorOutput missing(DetectorKind kind) {
        return MISSING[kind.ordinal()];
    }

    /** Built by concatenation, not a Formatter: the seasonal band says this for every sample of its first week. */
    static DetectorOutput learning(DetectorKind kind, double value, int seen, int needed) {
        return new DetectorOutput(kind, Double.NaN, false, value, Double.NaN, Double.NaN,
                "learning: " + seen + " of " + needed + " samples seen");
    }

    /**
     * A scored sample against its band. The sentence with numbers is only formatted when the detector fired:
     * formatting costs more than the detection itself, and a sample within its band needs only the rule.
     */
    static DetectorOutput banded(DetectorKind kind, double score, double value, double low, double high, String rule) {
        boolean fired = value < low || value > high;
        if (!fired) {
            return new DetectorOutput(kind, score, false, value, low, high, rule);
        }
        String where = fired ? (value > high ? "above" : "below") : "within";
        String reason = String.format(Locale.ROOT, "%s %s band %s..%s (%s)", number(value), where, number(low),
                number(high), rule.substring(RULE_PREFIX.length()));
        return new DetectorOutput(kind, score, fired, value, low, high, reason);
    }

    /** Why a sample on the side of the band a metric is not anomalous on scores zero. */
    static String otherSide(Direction direction) {
        return OTHER_SIDE[direction.ordinal()];
    }

    static String number(double value) {
        double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude >= 1e6 || magnitude < 1e-3)) {
            return String.format(Locale.ROOT, "%.3g", value);
        }
        return String.format(Locale.ROOT, magnitude >= 100 ? "%.0f" : "%.3g", value);
    }
}
