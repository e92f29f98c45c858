package dev.firebreak.engine.detect.config;

import dev.firebreak.engine.detect.Direction;
import dev.firebreak.engine.detect.composite.MinimumDeparture;
import dev.firebreak.engine.detect.series.BaselineHoldConfig;
import dev.firebreak.engine.detect.series.EwmaConfig;
import dev.firebreak.engine.detect.series.IqrConfig;
import dev.firebreak.engine.detect.series.MultiScaleConfig;
import dev.firebreak.engine.detect.series.PatternConfig;
import dev.firebreak.engine.detect.series.RateOfChangeConfig;
import dev.firebreak.engine.detect.series.RollingZScoreConfig;
import dev.firebreak.engine.detect.series.SeasonalBandConfig;
import dev.firebreak.engine.detect.series.SeriesDetector;
import dev.firebreak.engine.detect.series.SeriesDetectors;
import dev.firebreak.engine.telemetry.MetricName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which per-series detectors run on one kind of metric, and with which parameters. An empty optional
 * switches that detector off for the metric. {@code direction} says which side of the band counts
 * (see {@link Direction}); the banded detectors are restricted to it. {@code hold} says how the rolling,
 * EWMA and IQR detectors keep their baseline during an anomaly episode (see {@link BaselineHoldConfig});
 * empty, they learn every sample and adapt to a sustained change within about their window.
 * {@code minDeparture} is how far beyond its band a finding must be for the component to reach medium
 * on it (see {@link MinimumDeparture}, ADR 0022).
 */
public record MetricDetectionConfig(Optional<RollingZScoreConfig> rolling, Optional<EwmaConfig> ewma,
        Optional<IqrConfig> iqr, Optional<SeasonalBandConfig> seasonal, Optional<RateOfChangeConfig> rateOfChange,
        Optional<MultiScaleConfig> multiScale, Optional<PatternConfig> pattern, Direction direction,
        Optional<BaselineHoldConfig> hold, MinimumDeparture minDeparture) {

    /** Without a minimum departure: the detectors' own bands. */
    public MetricDetectionConfig(Optional<RollingZScoreConfig> rolling, Optional<EwmaConfig> ewma,
            Optional<IqrConfig> iqr, Optional<SeasonalBandConfig> seasonal, Optional<RateOfChangeConfig> rateOfChange,
            Optional<MultiScaleConfig> multiScale, Optional<PatternConfig> pattern, Direction direction,
            Optional<BaselineHoldConfig> hold) {
        this(rolling, ewma, iqr, seasonal, rateOfChange, multiScale, pattern, direction, hold, MinimumDeparture.NONE);
    }

    /** Without the pattern detector (which only the scale-free profile for series of unknown kind runs). */
    public MetricDetectionConfig(Optional<RollingZScoreConfig> rolling, Optional<EwmaConfig> ewma,
            Optional<IqrConfig> iqr, Optional<SeasonalBandConfig> seasonal, Optional<RateOfChangeConfig> rateOfChange,
            Optional<MultiScaleConfig> multiScale, Direction direction, Optional<BaselineHoldConfig> hold) {
        this(rolling, ewma, iqr, seasonal, rateOfChange, multiScale, Optional.empty(), direction, hold);
    }

    /** The default baseline hold. */
    public MetricDetectionConfig(Optional<RollingZScoreConfig> rolling, Optional<EwmaConfig> ewma,
            Optional<IqrConfig> iqr, Optional<SeasonalBandConfig> seasonal, Optional<RateOfChangeConfig> rateOfChange,
            Optional<MultiScaleConfig> multiScale, Optional<PatternConfig> pattern, Direction direction) {
        this(rolling, ewma, iqr, seasonal, rateOfChange, multiScale, pattern, direction,
                Optional.of(BaselineHoldConfig.ofDefaults()));
    }

    /** Both sides of the band count; the default baseline hold. */
    public MetricDetectionConfig(Optional<RollingZScoreConfig> rolling, Optional<EwmaConfig> ewma,
            Optional<IqrConfig> iqr, Optional<SeasonalBandConfig> seasonal, Optional<RateOfChangeConfig> rateOfChange,
            Optional<MultiScaleConfig> multiScale) {
        this(rolling, ewma, iqr, seasonal, rateOfChange, multiScale, Direction.BOTH);
    }

    /** The default baseline hold. */
    public MetricDetectionConfig(Optional<RollingZScoreConfig> rolling, Optional<EwmaConfig> ewma,
            Optional<IqrConfig> iqr, Optional<SeasonalBandConfig> seasonal, Optional<RateOfChangeConfig> rateOfChange,
            Optional<MultiScaleConfig> multiScale, Direction direction) {
        this(rolling, ewma, iqr, seasonal, rateOfChange, multiScale, direction, Optional.of(BaselineHoldConfig.ofDefaults()));
    }

    public MetricDetectionConfig {
        Objects.requireNonNull(rolling, "rolling");
        Objects.requireNonNull(ewma, "ewma");
        Objects.requireNonNull(iqr, "iqr");
        Objects.requireNonNull(seasonal, "seasonal");
        Objects.requireNonNull(rateOfChange, "rateOfChange");
        Objects.requireNonNull(multiScale, "multiScale");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(hold, "hold");
        Objects.requireNonNull(minDeparture, "minDeparture");
        if (rolling.isEmpty() && ewma.isEmpty() && iqr.isEmpty() && seasonal.isEmpty() && rateOfChange.isEmpty()
                && multiScale.isEmpty() && pattern.isEmpty()) {
            throw new IllegalArgumentException("a metric needs at least one detector");
        }
    }

    /**
     * The defaults for a metric: the three statistical detectors and the seasonal band (not on disk use), and the
     * seed's rate-of-change limits where it gives one (CPU, memory, request rate). Ratios and latencies are
     * noisier than resource gauges, so they get a slightly wider EWMA threshold.
     */
    public static MetricDetectionConfig defaultFor(MetricName metric) {
        EwmaConfig ewma = switch (metric) {
            case ERROR_RATE, LATENCY_P95, LATENCY_P99, QUEUE_DEPTH -> new EwmaConfig(EwmaConfig.DEFAULT_ALPHA,
                    EwmaConfig.DEFAULT_THRESHOLD + 1, EwmaConfig.DEFAULT_WARMUP_SAMPLES);
            default -> EwmaConfig.ofDefaults();
        };
        if (followsLoad(metric)) {
            return new MetricDetectionConfig(Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(SeasonalBandConfig.ofDefaults()), RateOfChangeConfig.defaultFor(metric), Optional.empty(),
                    Optional.empty(), defaultDirection(metric), defaultHold(metric), MinimumDeparture.defaultFor(metric));
        }
        return new MetricDetectionConfig(Optional.of(RollingZScoreConfig.ofDefaults()), Optional.of(ewma),
                Optional.of(IqrConfig.ofDefaults()), defaultSeasonal(metric), RateOfChangeConfig.defaultFor(metric),
                Optional.empty(), Optional.empty(), defaultDirection(metric), defaultHold(metric),
                MinimumDeparture.defaultFor(metric));
    }

    /**
     * Every metric has a seasonal band except disk use: it has no weekly season, only growth between
     * cleanups, so last week's band for this hour is always below it (in a fault-free simulated fortnight
     * it was 151 of the second week's 346 false alarms). A filling disk is the forecast's to predict.
     */
    public static Optional<SeasonalBandConfig> defaultSeasonal(MetricName metric) {
        return metric == MetricName.DISK_USED ? Optional.empty() : Optional.of(SeasonalBandConfig.ofDefaults());
    }

    /**
     * Every metric holds its baseline through an anomaly episode except two: request rate, because traffic
     * that stays lower is usually load (the daily curve, the wandering entry traffic) and a fault that cuts
     * traffic shows in the callers' errors, which hold theirs; and disk use, which only grows between
     * cleanups, so every new high is above the band from before and a held band would never close.
     */
    public static Optional<BaselineHoldConfig> defaultHold(MetricName metric) {
        return metric == MetricName.REQUEST_RATE || metric == MetricName.DISK_USED ? Optional.empty()
                : Optional.of(BaselineHoldConfig.ofDefaults());
    }

    /**
     * Resource use that tracks traffic second by second (CPU, memory, connection pool use, replication lag): a traffic
     * burst moves it as far as a fault does, so the short-window statistical detectors (which only see
     * "higher than the last 100 s") are off for it by default; its rate-of-change limit and seasonal band
     * still run, and a fault that hurts users shows in errors, latency or traffic.
     */
    public static boolean followsLoad(MetricName metric) {
        return metric == MetricName.CPU || metric == MetricName.MEMORY || metric == MetricName.CONNECTIONS
                || metric == MetricName.REPLICATION_LAG;
    }

    /**
     * Traffic is anomalous only when it falls (bursts and the daily ramp are load, not faults); errors,
     * latencies, resource use, queues and lag only when they rise.
     */
    public static Direction defaultDirection(MetricName metric) {
        return metric == MetricName.REQUEST_RATE ? Direction.DOWN : Direction.UP;
    }

    /** The same detectors restricted to one side of their bands. */
    public MetricDetectionConfig withDirection(Direction newDirection) {
        return new MetricDetectionConfig(rolling, ewma, iqr, seasonal, rateOfChange, multiScale, pattern, newDirection,
                hold, minDeparture);
    }

    /** The same detectors with another baseline hold. */
    public MetricDetectionConfig withHold(Optional<BaselineHoldConfig> newHold) {
        return new MetricDetectionConfig(rolling, ewma, iqr, seasonal, rateOfChange, multiScale, pattern, direction,
                newHold, minDeparture);
    }

    /** The same detectors with another minimum departure (ADR 0022). */
    public MetricDetectionConfig withMinDeparture(MinimumDeparture newMinDeparture) {
        return new MetricDetectionConfig(rolling, ewma, iqr, seasonal, rateOfChange, multiScale, pattern, direction,
                hold, newMinDeparture);
    }

    /** Only the scale-free multi-scale detector: for series of unknown kind and units (NAB). */
    public static MetricDetectionConfig multiScaleOnly(MultiScaleConfig config) {
        return new MetricDetectionConfig(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(config));
    }

    /**
     * The scale-free detectors for series of unknown kind and units: multi-scale surprise for values and levels,
     * and the nearest-neighbour pattern surprise for shapes with no precedent. When both are on they run as one
     * detector (the larger surprise feeds one likelihood and one hold-off).
     */
    public static MetricDetectionConfig multiScaleAndPattern(MultiScaleConfig multiScale, PatternConfig pattern) {
        return new MetricDetectionConfig(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(multiScale), Optional.of(pattern), Direction.BOTH);
    }

    /** Fresh detectors (fresh state) for one series. */
    public List<SeriesDetector> createDetectors() {
        List<SeriesDetector> detectors = new ArrayList<>(7);
        // the banded detectors restrict themselves to the direction; the others are wrapped below
        rolling.ifPresent(c -> detectors.add(SeriesDetectors.rollingZScore(c, direction)));
        ewma.ifPresent(c -> detectors.add(SeriesDetectors.ewma(c, direction)));
        iqr.ifPresent(c -> detectors.add(SeriesDetectors.iqr(c, direction)));
        seasonal.ifPresent(c -> detectors.add(SeriesDetectors.seasonalBand(c, direction)));
        rateOfChange.ifPresent(c -> detectors.add(SeriesDetectors.rateOfChange(c, direction)));
        int banded = detectors.size();
        if (multiScale.isPresent() && pattern.isPresent()) {
            // One detector, so an incident that is both a level change and a new shape alarms once.
            detectors.add(SeriesDetectors.multiScaleWithPattern(multiScale.get(), pattern.get()));
        } else {
            multiScale.ifPresent(c -> detectors.add(SeriesDetectors.multiScale(c)));
            pattern.ifPresent(c -> detectors.add(SeriesDetectors.pattern(c)));
        }
        if (direction != Direction.BOTH) {
            for (int i = banded; i < detectors.size(); i++) {
                detectors.set(i, SeriesDetectors.restrict(detectors.get(i), direction));
            }
        }
        return detectors;
    }
}
