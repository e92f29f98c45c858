package dev.firebreak.engine.detect;

import dev.firebreak.engine.telemetry.MetricName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The per-series detectors for one metric kind and how their scores combine, as the console's live
 * detection ({@link LiveSeriesDetection}) runs and the detection settings screen edits it.
 *
 * @param rolling      rolling mean ± k·σ
 * @param ewma         EWMA deviation
 * @param iqr          Tukey fences on a sliding window
 * @param seasonal     hour-of-week band
 * @param rateOfChange rate limit, empty where the metric has none
 * @param weights      weight of each family, each 0..1, summing to 1 (the seed's 0.3 / 0.4 / 0.2 / 0.1)
 * @param mode         weighted family scores or a majority vote of the detectors with an opinion
 */
public record SeriesDetectionConfig(RollingZScoreConfig rolling, EwmaConfig ewma, IqrConfig iqr,
        SeasonalBandConfig seasonal, Optional<RateOfChangeConfig> rateOfChange, Map<DetectorFamily, Double> weights,
        ScoreMode mode) {

    /** How detector scores combine into the series' score. */
    public enum ScoreMode {
        /** Weighted sum of family scores (each family scores as the mean of its detectors). */
        WEIGHTED,
        /** Share of the detectors with an opinion that fired. */
        MAJORITY_VOTE
    }

    private static final double WEIGHT_SUM_TOLERANCE = 1e-6;

    /** @throws IllegalArgumentException naming the weight that is out of range, or the sum */
    public SeriesDetectionConfig {
        Objects.requireNonNull(rolling, "rolling");
        Objects.requireNonNull(ewma, "ewma");
        Objects.requireNonNull(iqr, "iqr");
        Objects.requireNonNull(seasonal, "seasonal");
        Objects.requireNonNull(rateOfChange, "rateOfChange");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(mode, "mode");
        EnumMap<DetectorFamily, Double> copy = new EnumMap<>(DetectorFamily.class);
        double sum = 0;
        for (DetectorFamily family : DetectorFamily.values()) {
            Double weight = weights.get(family);
            if (weight == null || !(weight >= 0 && weight <= 1)) {
                throw new IllegalArgumentException("weight of " + family.name().toLowerCase(Locale.ROOT)
                        + " must be between 0 and 1, was " + weight);
            }
            copy.put(family, weight);
            sum += weight;
        }
        if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "family weights must sum to 1, summed to %.3f", sum));
        }
        weights = Collections.unmodifiableMap(copy);
    }

    /** The seed's weights for each family. */
    public static Map<DetectorFamily, Double> defaultWeights() {
        EnumMap<DetectorFamily, Double> weights = new EnumMap<>(DetectorFamily.class);
        for (DetectorFamily family : DetectorFamily.values()) {
            weights.put(family, family.defaultWeight());
        }
        return weights;
    }

    /** The detection engine's defaults for the metric ({@link MetricDetectionConfig#defaultFor}), weighted scoring. */
    public static SeriesDetectionConfig defaultFor(MetricName metric) {
        MetricDetectionConfig engine = MetricDetectionConfig.defaultFor(metric);
        return new SeriesDetectionConfig(engine.rolling().orElse(RollingZScoreConfig.ofDefaults()),
                engine.ewma().orElse(EwmaConfig.ofDefaults()), engine.iqr().orElse(IqrConfig.ofDefaults()),
                engine.seasonal().orElse(SeasonalBandConfig.ofDefaults()), engine.rateOfChange(), defaultWeights(),
                ScoreMode.WEIGHTED);
    }

    /** The same detectors as the {@link DetectionEngine}'s per-metric config. */
    public MetricDetectionConfig toMetricDetectionConfig() {
        return new MetricDetectionConfig(Optional.of(rolling), Optional.of(ewma), Optional.of(iqr), Optional.of(seasonal),
                rateOfChange, Optional.empty());
    }

    /**
     * A detection-engine config with this metric's detectors replaced, and the composite's weights and
     * mode taken from these settings (the engine combines per component, across metrics, so the last
     * applied weights hold for every metric there).
     */
    public DetectionConfig applyTo(DetectionConfig base, MetricName metric) {
        Map<MetricName, MetricDetectionConfig> perMetric = new EnumMap<>(base.perMetric());
        perMetric.put(metric, toMetricDetectionConfig().withDirection(base.forMetric(metric).direction()));
        CompositeConfig composite = new CompositeConfig(weights, mode == ScoreMode.WEIGHTED
                ? CompositeConfig.Mode.WEIGHTED : CompositeConfig.Mode.MAJORITY_VOTE,
                base.composite().confirmTicks(), base.composite().reportAtLeast());
        return new DetectionConfig(perMetric, base.fallback(), composite, base.health());
    }

    public double weight(DetectorFamily family) {
        return weights.get(family);
    }

    /** Fresh detectors (fresh state) for one series, the band-giving ones first. */
    public List<SeriesDetector> createDetectors() {
        List<SeriesDetector> detectors = new ArrayList<>(5);
        detectors.add(SeriesDetectors.rollingZScore(rolling));
        detectors.add(SeriesDetectors.ewma(ewma));
        detectors.add(SeriesDetectors.iqr(iqr));
        detectors.add(SeriesDetectors.seasonalBand(seasonal));
        rateOfChange.ifPresent(c -> detectors.add(SeriesDetectors.rateOfChange(c)));
        return detectors;
    }
}
