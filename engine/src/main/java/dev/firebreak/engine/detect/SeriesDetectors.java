package dev.firebreak.engine.detect;

import dev.firebreak.engine.detect.internal.EwmaDetector;
import dev.firebreak.engine.detect.internal.IqrDetector;
import dev.firebreak.engine.detect.internal.MultiScaleDetector;
import dev.firebreak.engine.detect.internal.PatternDetector;
import dev.firebreak.engine.detect.internal.RateOfChangeDetector;
import dev.firebreak.engine.detect.internal.RollingZScoreDetector;
import dev.firebreak.engine.detect.internal.SeasonalBandDetector;
import java.util.Objects;

/** Creates the streaming per-series detectors, so callers depend on {@link SeriesDetector} only. */
public final class SeriesDetectors {

    private SeriesDetectors() {
    }

    public static SeriesDetector rollingZScore(RollingZScoreConfig config) {
        return new RollingZScoreDetector(Objects.requireNonNull(config, "config"));
    }

    public static SeriesDetector ewma(EwmaConfig config) {
        return new EwmaDetector(Objects.requireNonNull(config, "config"));
    }

    public static SeriesDetector iqr(IqrConfig config) {
        return new IqrDetector(Objects.requireNonNull(config, "config"));
    }

    public static SeriesDetector seasonalBand(SeasonalBandConfig config) {
        return new SeasonalBandDetector(Objects.requireNonNull(config, "config"));
    }

    public static SeriesDetector rateOfChange(RateOfChangeConfig config) {
        return new RateOfChangeDetector(Objects.requireNonNull(config, "config"));
    }

    public static SeriesDetector multiScale(MultiScaleConfig config) {
        return new MultiScaleDetector(Objects.requireNonNull(config, "config"));
    }

    /** Multi-scale surprise joined with the pattern surprise: one likelihood, one hold-off, one alarm per incident. */
    public static SeriesDetector multiScaleWithPattern(MultiScaleConfig config, PatternConfig pattern) {
        return new MultiScaleDetector(Objects.requireNonNull(config, "config"),
                Objects.requireNonNull(pattern, "pattern"));
    }

    public static SeriesDetector pattern(PatternConfig config) {
        return new PatternDetector(Objects.requireNonNull(config, "config"));
    }
}
