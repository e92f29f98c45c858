package dev.firebreak.engine.detect.internal;

import dev.firebreak.engine.detect.BaselineHoldConfig;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.SeriesDetector;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The detectors of one series, run so that the adaptive ones ({@link AdaptiveBaseline}: rolling, EWMA,
 * IQR) do not learn a fault's level as normal. Without this their ~100-sample windows fill with a
 * sustained fault within a minute or two and it stops being anomalous while it still lasts.
 *
 * <p>Each sample is scored first. A sample that a majority of the adaptive detectors flag (on the side of
 * the band that counts) opens an episode; during it they learn nothing, so the band stays the one from
 * before. The episode closes after {@link BaselineHoldConfig#quietSamples()} consecutive samples none of
 * them flags, and learning resumes. An episode that lasts {@link BaselineHoldConfig#acceptAfterSeconds()}
 * is a lasting change of level (a deployment, a capacity change): the adaptive detectors start over and
 * learn the new level. Samples explained by a system-wide load move neither open an episode nor count
 * as quiet; outside an episode they are learned, as before. Every other detector (seasonal band, rate of
 * change, multi-scale) keeps learning as it always does. Causal; called from one thread.
 */
public final class BaselineHold {

    private final List<SeriesDetector> detectors;
    /** Empty: the adaptive detectors learn every sample, as they would alone. */
    private final Optional<BaselineHoldConfig> config;
    private final boolean[] adaptive;
    private boolean inEpisode;
    private long episodeStart;
    private int quiet;

    public BaselineHold(List<SeriesDetector> detectors, Optional<BaselineHoldConfig> config) {
        this.detectors = List.copyOf(detectors);
        this.config = Objects.requireNonNull(config, "config");
        this.adaptive = new boolean[this.detectors.size()];
        for (int i = 0; i < adaptive.length; i++) {
            adaptive[i] = this.detectors.get(i) instanceof AdaptiveBaseline;
        }
    }

    public List<SeriesDetector> detectors() {
        return detectors;
    }

    /** Whether the adaptive detectors are holding their baseline (an episode is open). */
    public boolean holding() {
        return inEpisode;
    }

    /**
     * Scores one sample with every detector, in order, into {@code outputs} (cleared first), and lets the
     * detectors learn it unless an episode holds their baseline.
     *
     * @param explainedByLoad whether a system-wide load move explains this series' moves at this sample
     */
    public void update(long epochSecond, double value, boolean explainedByLoad, List<DetectorOutput> outputs) {
        outputs.clear();
        int opinions = 0;
        int flagged = 0;
        for (int i = 0; i < adaptive.length; i++) {
            SeriesDetector detector = detectors.get(i);
            if (!adaptive[i]) {
                outputs.add(detector.update(epochSecond, value));
                continue;
            }
            DetectorOutput output = ((AdaptiveBaseline) detector).score(epochSecond, value);
            outputs.add(output);
            if (!output.isLearning()) {
                opinions++;
                flagged += output.fired() ? 1 : 0;
            }
        }
        if (!Double.isFinite(value)) {
            return;
        }
        if (config.isEmpty()) {
            learnAll(epochSecond, value);
            return;
        }
        if (inEpisode) {
            continueEpisode(epochSecond, flagged, explainedByLoad);
        } else if (!explainedByLoad && opinions > 0 && 2 * flagged > opinions) {
            inEpisode = true;
            episodeStart = epochSecond;
            quiet = 0;
        }
        if (!inEpisode) {
            learnAll(epochSecond, value);
        }
    }

    private void learnAll(long epochSecond, double value) {
        for (int i = 0; i < adaptive.length; i++) {
            if (adaptive[i]) {
                ((AdaptiveBaseline) detectors.get(i)).learn(epochSecond, value);
            }
        }
    }

    private void continueEpisode(long epochSecond, int flagged, boolean explainedByLoad) {
        if (epochSecond - episodeStart >= config.get().acceptAfterSeconds()) {
            // the level has stayed away for so long that it is the new normal: learn it from scratch
            for (int i = 0; i < adaptive.length; i++) {
                if (adaptive[i]) {
                    ((AdaptiveBaseline) detectors.get(i)).restart();
                }
            }
            inEpisode = false;
            return;
        }
        if (explainedByLoad) {
            return;
        }
        quiet = flagged > 0 ? 0 : quiet + 1;
        if (quiet >= config.get().quietSamples()) {
            inEpisode = false;
        }
    }
}
