package dev.firebreak.engine.detect.series.internal;

import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.series.BaselineHoldConfig;
import dev.firebreak.engine.detect.series.HeldDetectors;
import dev.firebreak.engine.detect.series.SeriesDetector;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The detectors of one series, run so that the adaptive ones ({@link AdaptiveBaseline}: rolling, EWMA,
 * IQR) do not learn a fault's level as normal. Without this their ~100-sample windows fill with a
 * sustained fault within a minute or two and it stops being anomalous while it still lasts.
 *
 * <p>Each sample is scored first. It is flagged when most of the adaptive detectors fire on it (on the
 * side of the band that counts). {@link BaselineHoldConfig#openSamples()} flagged samples in a row open an
 * episode; during it the adaptive detectors learn nothing, so the band stays the one from before. Before
 * that, a flagged sample is still learned if it lies near the band (the first seconds of a ramp widen the
 * band as they always did) and not if it lies far outside (one big jump would blow the band up). The
 * episode closes after {@link BaselineHoldConfig#quietSamples()} consecutive samples none of them flags,
 * and learning resumes. An episode that lasts {@link BaselineHoldConfig#acceptAfterSeconds()} is a lasting
 * change of level (a deployment, a capacity change): the adaptive detectors start over and learn the new
 * level. A flag that a system-wide load move explains (see {@link LoadExplanation#plausible}) neither opens an
 * episode nor counts as quiet, and outside an episode such a sample is learned. The other detectors
 * (seasonal band, rate of change, multi-scale) keep learning every sample. While another series of the same
 * component is in an episode, this series' adaptive detectors learn nothing either (ADR 0017). Causal; called
 * from one thread.
 */
public final class BaselineHold implements HeldDetectors {

    private final List<SeriesDetector> detectors;
    /** Empty: the adaptive detectors learn every sample, as they would alone. */
    private final Optional<BaselineHoldConfig> config;
    /** The detectors as an array, and each one's adaptive view (null if it is not adaptive): no list walks per sample. */
    private final SeriesDetector[] all;
    private final AdaptiveBaseline[] adaptive;
    /** Each detector's in-place path, or null: the detector makes its own outputs. */
    private final ScoresInPlace[] inPlace;
    /** What each detector said about the last sample, in order; overwritten by every update. */
    private final Reading[] last;
    /** How many of {@link #last} fired: the tick asks whether any did for every series, every tick. */
    private int firedCount;
    private boolean inEpisode;
    private long episodeStart;
    private int quiet;
    private int opening;

    public BaselineHold(List<SeriesDetector> detectors, Optional<BaselineHoldConfig> config) {
        this.detectors = List.copyOf(detectors);
        this.config = Objects.requireNonNull(config, "config");
        this.all = this.detectors.toArray(new SeriesDetector[0]);
        this.adaptive = new AdaptiveBaseline[all.length];
        this.inPlace = new ScoresInPlace[all.length];
        this.last = new Reading[all.length];
        for (int i = 0; i < all.length; i++) {
            adaptive[i] = all[i] instanceof AdaptiveBaseline baseline ? baseline : null;
            inPlace[i] = all[i] instanceof ScoresInPlace scores ? scores : null;
            last[i] = new Reading();
        }
    }

    @Override
    public List<SeriesDetector> detectors() {
        return detectors;
    }

    /** Whether the adaptive detectors are holding their baseline (an episode is open). */
    @Override
    public boolean holding() {
        return inEpisode;
    }

    /**
     * Scores one sample with every detector, in order, into {@code outputs} (cleared first), and lets the
     * detectors learn it unless an episode holds their baseline.
     *
     * @param explainedByLoad whether a system-wide load move explains this series' moves at this sample
     * @param anotherSeriesHolding whether another series of the same component is in an episode: then
     *                             this one learns nothing either (see {@link #update(long, double, boolean, boolean)})
     */
    @Override
    public void update(long epochSecond, double value, boolean explainedByLoad, boolean anotherSeriesHolding,
            List<DetectorOutput> outputs) {
        update(epochSecond, value, explainedByLoad, anotherSeriesHolding);
        outputs.clear();
        for (Reading reading : last) {
            outputs.add(reading.output());
        }
    }

    /**
     * As {@link #update(long, double, boolean, boolean, List)}, with the outputs left in {@link #output(int)}:
     * the detection tick reads them there instead of through a list per series.
     *
     * <p>While another series of the component holds its baseline, this one learns nothing either (its own
     * episodes still open and close as usual). A fault moves all of a component's signals, some of them on
     * the side their detectors do not watch: callers of a killed database fail fast, so their latency
     * drops. A band that learned that level would flag the return to normal latency as a rise, and hold
     * it until the level is accepted half an hour later (ADR 0017).
     */
    @Override
    public void update(long epochSecond, double value, boolean explainedByLoad, boolean anotherSeriesHolding) {
        int opinions = 0;
        int flagged = 0;
        int explainedFlags = 0;
        int fired = 0;
        boolean farOutside = false;
        for (int i = 0; i < all.length; i++) {
            AdaptiveBaseline baseline = adaptive[i];
            Reading reading = last[i];
            if (baseline == null) {
                if (inPlace[i] != null) {
                    updateInPlace(inPlace[i], epochSecond, value, reading);
                } else {
                    reading.set(all[i].update(epochSecond, value));
                }
                fired += reading.fired() ? 1 : 0;
                continue;
            }
            score(baseline, epochSecond, value, reading);
            fired += reading.fired() ? 1 : 0;
            if (!reading.isLearning()) {
                opinions++;
                if (reading.fired()) {
                    boolean near = LoadExplanation.plausible(reading);
                    farOutside |= !near;
                    boolean explained = explainedByLoad && near;
                    explainedFlags += explained ? 1 : 0;
                    flagged += explained ? 0 : 1;
                }
            }
        }
        firedCount = fired;
        if (!Double.isFinite(value)) {
            return;
        }
        if (config.isEmpty()) {
            learnAll(epochSecond, value);
            return;
        }
        boolean flaggedByMost = opinions > 0 && 2 * flagged > opinions;
        if (inEpisode) {
            continueEpisode(epochSecond, flagged, explainedFlags);
        } else if (flaggedByMost) {
            if (++opening >= config.get().openSamples()) {
                inEpisode = true;
                episodeStart = epochSecond - opening + 1;
                quiet = 0;
                opening = 0;
            }
        } else {
            opening = 0;
        }
        // Until the episode opens a sample near the band is learned, flagged or not: the first seconds of a
        // ramp (a burst before the load context sees it) widen the band as they always did instead of
        // firing. A sample far outside is not: one such jump would blow the band up.
        if (!inEpisode && !anotherSeriesHolding && !(flaggedByMost && farOutside)) {
            learnAll(epochSecond, value);
        }
    }

    /** How many outputs each sample has: one per detector. */
    @Override
    public int outputCount() {
        return last.length;
    }

    /** Detector {@code i}'s output on the last sample (made when first asked for). */
    @Override
    public DetectorOutput output(int i) {
        return last[i].output();
    }

    /** What detector {@code i} said about the last sample, without making its output (for tests of this package). */
    public Reading reading(int i) {
        return last[i];
    }

    @Override
    public DetectorKind kind(int i) {
        return last[i].kind();
    }

    @Override
    public double score(int i) {
        return last[i].score();
    }

    @Override
    public boolean fired(int i) {
        return last[i].fired();
    }

    @Override
    public double observed(int i) {
        return last[i].observed();
    }

    @Override
    public double expectedLow(int i) {
        return last[i].expectedLow();
    }

    @Override
    public double expectedHigh(int i) {
        return last[i].expectedHigh();
    }

    @Override
    public void explainFiredByLoad() {
        for (int i = 0; i < last.length; i++) {
            Reading reading = last[i];
            if (reading.fired() && LoadExplanation.plausible(reading)) {
                replaceOutput(i, LoadExplanation.explained(reading.output()));
            }
        }
    }

    /** Replaces output {@code i} of the last sample (the load explains it away, {@link #explainFiredByLoad}). */
    public void replaceOutput(int i, DetectorOutput output) {
        Objects.requireNonNull(output, "output");
        firedCount += (output.fired() ? 1 : 0) - (last[i].fired() ? 1 : 0);
        last[i].set(output);
    }

    /** Whether any detector fired on the last sample (after any {@link #replaceOutput}). */
    @Override
    public boolean anyFired() {
        return firedCount > 0;
    }

    private void learnAll(long epochSecond, double value) {
        for (AdaptiveBaseline baseline : adaptive) {
            if (baseline instanceof RollingZScoreDetector rolling) {
                rolling.learn(epochSecond, value);
            } else if (baseline instanceof IqrDetector iqr) {
                iqr.learn(epochSecond, value);
            } else if (baseline instanceof EwmaDetector ewma) {
                ewma.learn(epochSecond, value);
            } else if (baseline != null) {
                baseline.learn(epochSecond, value);
            }
        }
    }

    /*
     * The calls below name the shipped detectors' final classes before falling back on the interface. Every
     * series runs three or four kinds of detector through one call site, so the JIT sees it megamorphic and
     * pays an interface dispatch per detector per sample, about a tenth of the detection tick with thousands
     * of series (ADR 0023); a type test against a final class is one compare of the class word the call
     * reads anyway, and the call after it is direct and can be inlined.
     */

    private static void score(AdaptiveBaseline baseline, long epochSecond, double value, Reading into) {
        if (baseline instanceof RollingZScoreDetector rolling) {
            rolling.score(epochSecond, value, into);
        } else if (baseline instanceof IqrDetector iqr) {
            iqr.score(epochSecond, value, into);
        } else if (baseline instanceof EwmaDetector ewma) {
            ewma.score(epochSecond, value, into);
        } else {
            baseline.score(epochSecond, value, into);
        }
    }

    private static void updateInPlace(ScoresInPlace detector, long epochSecond, double value, Reading into) {
        if (detector instanceof SeasonalBandDetector seasonal) {
            seasonal.update(epochSecond, value, into);
        } else if (detector instanceof RateOfChangeDetector rate) {
            rate.update(epochSecond, value, into);
        } else {
            detector.update(epochSecond, value, into);
        }
    }

    private void continueEpisode(long epochSecond, int flagged, int explainedFlags) {
        if (epochSecond - episodeStart >= config.get().acceptAfterSeconds()) {
            // the level has stayed away for so long that it is the new normal: learn it from scratch
            for (AdaptiveBaseline baseline : adaptive) {
                if (baseline != null) {
                    baseline.restart();
                }
            }
            inEpisode = false;
            return;
        }
        if (flagged == 0 && explainedFlags > 0) {
            return;
        }
        quiet = flagged > 0 ? 0 : quiet + 1;
        if (quiet >= config.get().quietSamples()) {
            inEpisode = false;
        }
    }
}
