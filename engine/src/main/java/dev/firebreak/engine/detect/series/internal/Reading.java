package dev.firebreak.engine.detect.series.internal;

import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.Direction;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What one detector said about a series' last sample, kept in place instead of as a new
 * {@link DetectorOutput} per sample: the detection tick reads only the numbers (score, fired, band), and
 * the {@link DetectorOutput} with its sentence is built when someone asks for it ({@link #output()}: an
 * explanation, the detection history) and not kept (ADR 0040). One per detector of a series, owned by its {@link BaselineHold} and
 * overwritten by every sample; not thread-safe.
 *
 * <p>{@link #output()} gives exactly the output the detector's own {@code update} or {@code score} would
 * have returned for the sample.
 */
public final class Reading {

    // Forms as bytes and references written only when they change: a reading is an old object written on
    // every sample, and with G1 every reference store into one pays a write barrier (card marking), which
    // cost more than allocating a fresh output.
    private static final byte MADE = 0;
    private static final byte BANDED = 1;
    private static final byte FIXED = 2;
    private static final byte LEARNING = 3;

    private DetectorKind kind;
    private double score = Double.NaN;
    private boolean fired;
    private double observed = Double.NaN;
    private double low = Double.NaN;
    private double high = Double.NaN;
    private byte form = MADE;
    /** BANDED: the detector's rule, formatted into the reason only if the sample fired; FIXED: the reason. */
    private String rule;
    /** LEARNING: samples seen and needed. */
    private int seen;
    private int needed;
    /** The output a detector made itself ({@link #set}); outputs built from the numbers are not kept. */
    private DetectorOutput output;

    /**
     * One sample scored into a fresh reading, as an output: the detectors' own {@code update} and
     * {@code score}, off the tick's path, so both paths share one scoring code.
     */
    static DetectorOutput outputOf(Consumer<Reading> scoring) {
        Reading reading = new Reading();
        scoring.accept(reading);
        return reading.output();
    }

    /** Takes an output as it is: for detectors that make their own. */
    public void set(DetectorOutput made) {
        this.output = Objects.requireNonNull(made, "output");
        this.form = MADE;
        this.kind = made.kind();
        this.score = made.score();
        this.fired = made.fired();
        this.observed = made.observed();
        this.low = made.expectedLow();
        this.high = made.expectedHigh();
    }

    /** As {@link Outputs#missing}. */
    void missing(DetectorKind detector) {
        set(Outputs.missing(detector));
    }

    /** As {@link Outputs#learning}. */
    void learning(DetectorKind detector, double value, int samplesSeen, int samplesNeeded) {
        forgetOutput();
        this.form = LEARNING;
        kind(detector);
        this.score = Double.NaN;
        this.fired = false;
        this.observed = value;
        this.low = Double.NaN;
        this.high = Double.NaN;
        this.seen = samplesSeen;
        this.needed = samplesNeeded;
    }

    /**
     * As {@link Outputs#banded}, restricted to one side of the band: a sample on the other side scores zero,
     * as {@link DirectionalDetector} makes of the unrestricted output.
     *
     * @param limitRatio how far the value lies from the band's middle or edge in units of the detector's
     *                   limit, as {@link Scores#ofLimitRatio} takes it (NaN: no score)
     */
    void banded(DetectorKind detector, double limitRatio, double value, double bandLow, double bandHigh,
            String bandRule, Direction direction) {
        forgetOutput();
        kind(detector);
        this.observed = value;
        this.low = bandLow;
        this.high = bandHigh;
        // The score's logistic (Scores.ofLimitRatio) is worked out only for the side of the band that counts:
        // on the other side, about half the samples of a one-sided metric, it would be thrown away (ADR 0023).
        if (direction != Direction.BOTH && !Double.isNaN(limitRatio) && !direction.admits(value, bandLow, bandHigh)) {
            // the other side of the band: one shared sentence, nothing to format later
            this.form = FIXED;
            this.score = 0;
            this.fired = false;
            rule(Outputs.otherSide(direction));
            return;
        }
        this.form = BANDED;
        this.score = Scores.ofLimitRatio(limitRatio);
        this.fired = value < bandLow || value > bandHigh;
        rule(bandRule);
    }

    private void forgetOutput() {
        if (output != null) {
            output = null;
        }
    }

    private void kind(DetectorKind detector) {
        if (kind != detector) {
            kind = detector;
        }
    }

    private void rule(String text) {
        if (rule != text) {
            rule = text;
        }
    }

    public DetectorKind kind() {
        return kind;
    }

    public double score() {
        return score;
    }

    public boolean fired() {
        return fired;
    }

    public boolean isLearning() {
        return Double.isNaN(score);
    }

    public double observed() {
        return observed;
    }

    public double expectedLow() {
        return low;
    }

    public double expectedHigh() {
        return high;
    }

    /** The sample's output: the one its detector made, or one built from the numbers, afresh on each call. */
    public DetectorOutput output() {
        if (output != null) {
            return output;
        }
        // built afresh on every call and not kept: storing a young output into this old reading would dirty its
        // card, and keep the output alive to be copied by the next young collection (the detection history asks
        // every series every tick: that was most of a 2,000-component console's young-collection pause)
        return switch (form) {
            case BANDED -> Outputs.banded(kind, score, observed, low, high, rule);
            case FIXED -> new DetectorOutput(kind, score, fired, observed, low, high, rule);
            case LEARNING -> Outputs.learning(kind, observed, seen, needed);
            default -> throw new IllegalStateException("no output for this reading yet");
        };
    }
}
