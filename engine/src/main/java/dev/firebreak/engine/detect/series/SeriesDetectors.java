package dev.firebreak.engine.detect.series;

import dev.firebreak.engine.detect.Direction;
import dev.firebreak.engine.detect.series.internal.BaselineHold;
import dev.firebreak.engine.detect.series.internal.DirectionalDetector;
import dev.firebreak.engine.detect.series.internal.EwmaDetector;
import dev.firebreak.engine.detect.series.internal.IqrDetector;
import dev.firebreak.engine.detect.series.internal.MultiScaleDetector;
import dev.firebreak.engine.detect.series.internal.PatternDetector;
import dev.firebreak.engine.detect.series.internal.RateOfChangeDetector;
import dev.firebreak.engine.detect.series.internal.RollingZScoreDetector;
import dev.firebreak.engine.detect.series.internal.SeasonalBandDetector;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

    /*
     * Restricted to one side of their band (see Direction). The banded detectors restrict themselves, so
     * nothing wraps them on the detection tick's path; any other detector is wrapped by restrict.
     */

    public static SeriesDetector rollingZScore(RollingZScoreConfig config, Direction direction) {
        return new RollingZScoreDetector(Objects.requireNonNull(config, "config"), direction(direction));
    }

    public static SeriesDetector ewma(EwmaConfig config, Direction direction) {
        return new EwmaDetector(Objects.requireNonNull(config, "config"), direction(direction));
    }

    public static SeriesDetector iqr(IqrConfig config, Direction direction) {
        return new IqrDetector(Objects.requireNonNull(config, "config"), direction(direction));
    }

    public static SeriesDetector seasonalBand(SeasonalBandConfig config, Direction direction) {
        return new SeasonalBandDetector(Objects.requireNonNull(config, "config"), direction(direction));
    }

    public static SeriesDetector rateOfChange(RateOfChangeConfig config, Direction direction) {
        return new RateOfChangeDetector(Objects.requireNonNull(config, "config"), direction(direction));
    }

    /** Any detector restricted to one side of its band: a sample on the other side scores as normal. */
    public static SeriesDetector restrict(SeriesDetector detector, Direction direction) {
        return DirectionalDetector.restrict(Objects.requireNonNull(detector, "detector"), direction(direction));
    }

    /**
     * One series' detectors run together with a baseline hold (ADR 0011); empty: the adaptive detectors learn
     * every sample, as they would alone.
     */
    public static HeldDetectors held(List<SeriesDetector> detectors, Optional<BaselineHoldConfig> hold) {
        return new BaselineHold(detectors, hold);
    }

    private static Direction direction(Direction direction) {
        return Objects.requireNonNull(direction, "direction");
    }
}
