package dev.firebreak.engine.predict.internal;

import dev.firebreak.engine.predict.BreachThreshold;
import dev.firebreak.engine.predict.Forecaster;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.telemetry.SeriesSnapshot;
import java.util.function.Supplier;

/**
 * One series the forecast engine watches: its model, the next step to feed, its baseline and whether a
 * predicted failure is outstanding. Owned by the evaluating thread.
 */
public final class WatchedSeries {

    /** A gap longer than this many steps restarts the model: a day-old level says little about now. */
    private static final int MAX_GAP_STEPS = 1_000;

    private final SeriesKey key;
    private final int handle;
    private final BreachThreshold threshold;
    private final Supplier<Forecaster> models;
    private Forecaster model;
    private long nextStepStart = Long.MIN_VALUE;
    private double lastValue = Double.NaN;
    private double baseline = Double.NaN;
    private boolean atRisk;

    public WatchedSeries(SeriesKey key, int handle, BreachThreshold threshold,
            Supplier<Forecaster> models) {
        this.key = key;
        this.handle = handle;
        this.threshold = threshold;
        this.models = models;
        this.model = models.get();
    }

    public SeriesKey key() {
        return key;
    }

    public int handle() {
        return handle;
    }

    public Forecaster model() {
        return model;
    }

    public double lastValue() {
        return lastValue;
    }

    public long nextStepStart() {
        return nextStepStart;
    }

    private int likelyInARow;

    public boolean isAtRisk() {
        return atRisk;
    }

    public void setAtRisk(boolean atRisk) {
        this.atRisk = atRisk;
        this.likelyInARow = 0;
    }

    /** Counts one more assessment in a row that found a breach likely; returns the count. */
    public int likelyAgain() {
        return ++likelyInARow;
    }

    /** An assessment found no breach likely: the count starts over. */
    public void unlikely() {
        likelyInARow = 0;
    }

    /** The threshold resolved against the current baseline (NaN while a relative threshold has no baseline). */
    public double resolvedThreshold() {
        return threshold.resolve(baseline);
    }

    /** Starts consuming at the given (step-aligned) second if nothing was consumed yet. */
    public void startAt(long stepStart) {
        if (nextStepStart == Long.MIN_VALUE) {
            nextStepStart = stepStart;
        }
    }

    /**
     * Feeds every complete step of the snapshot from {@link #nextStepStart()} up to (excluding)
     * {@code completedEnd}; returns the number of steps fed.
     */
    public int feed(SeriesSnapshot samples, long completedEnd, int stepSeconds, double baselineAlpha) {
        long steps = (completedEnd - nextStepStart) / stepSeconds;
        if (steps > MAX_GAP_STEPS) {
            model = models.get();
            nextStepStart = completedEnd - (long) MAX_GAP_STEPS * stepSeconds;
            steps = MAX_GAP_STEPS;
        }
        for (long s = 0; s < steps; s++) {
            double mean = meanOf(samples, nextStepStart, nextStepStart + stepSeconds);
            model.update(mean);
            lastValue = mean;
            learnBaseline(mean, baselineAlpha);
            nextStepStart += stepSeconds;
        }
        return (int) steps;
    }

    private void learnBaseline(double value, double alpha) {
        if (Double.isNaN(value)) {
            return;
        }
        if (Double.isNaN(baseline)) {
            baseline = value;
        } else if (!atRisk && !(value >= threshold.resolve(baseline))) {
            // learn only from normal values, so an incident does not teach the baseline that bad is normal
            baseline += alpha * (value - baseline);
        }
    }

    private static double meanOf(SeriesSnapshot samples, long from, long to) {
        double sum = 0;
        int count = 0;
        int step = samples.stepSeconds();
        long first = Math.max(0, Math.ceilDiv(from - samples.startEpochSecond(), step));
        for (long i = first; i < samples.size(); i++) {
            long t = samples.epochSecondAt((int) i);
            if (t >= to) {
                break;
            }
            double v = samples.values()[(int) i];
            if (!Double.isNaN(v)) {
                sum += v;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
