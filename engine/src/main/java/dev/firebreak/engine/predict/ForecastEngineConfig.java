package dev.firebreak.engine.predict;

import dev.firebreak.engine.telemetry.MetricName;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the forecast engine watches series for breaches.
 *
 * <p>Why one-minute steps and no season by default: the question is "will this cross its threshold
 * within 30 minutes", and a breach of disk, memory or a connection pool is driven by a trend (a leak,
 * a filling disk) that shows within minutes; the 5-minute tier would give only six steps of horizon
 * and see a 10-minute leak in two points. A daily season at one-minute steps would cost 1,440
 * doubles per series; over a 30-minute horizon the daily swing of these metrics is small and the
 * residual variance absorbs it. Longer-horizon seasonal forecasts (the forecast view, MASE) use the
 * 5-minute tier with a season of 288 through {@link Forecasters} directly.
 *
 * @param step           width of one forecasting step (samples are averaged into it), whole seconds >= 1
 * @param evaluateEvery  how often forecasts are refreshed, whole seconds >= 1 (not every tick, for cost)
 * @param horizon        how far ahead a breach is looked for, a whole number of steps, at most 10,000 steps
 * @param coverage       nominal coverage of the prediction interval, in (0, 1)
 * @param model          the per-series forecaster's parameters
 * @param modelPerMetric parameters for particular metric kinds, in place of {@code model} (see
 *                       {@link #defaults()} for why memory and disk use trend faster)
 * @param thresholds     breach thresholds, at most one per metric kind; series of other metrics are ignored
 * @param minProbability breach probability at which a {@link PredictedFailure} is published, in (0, 1]
 * @param confirmEvaluations evaluations in a row that must find a breach that likely before it is
 *                       published, 1..60 (more than one keeps noise that lines up once from being forecast
 *                       as a breach, at the cost of lead time)
 * @param risk           how the risk score is combined
 * @param baselineAlpha  smoothing of the baseline relative thresholds use, per step, in (0, 1)
 */
public record ForecastEngineConfig(Duration step, Duration evaluateEvery, Duration horizon, double coverage,
        HoltWintersConfig model, Map<MetricName, HoltWintersConfig> modelPerMetric, List<BreachThreshold> thresholds,
        double minProbability, int confirmEvaluations, RiskWeights risk, double baselineAlpha) {

    public static final Duration DEFAULT_STEP = Duration.ofMinutes(1);
    public static final Duration DEFAULT_EVALUATE_EVERY = Duration.ofMinutes(1);
    public static final Duration DEFAULT_HORIZON = Duration.ofMinutes(30);
    public static final double DEFAULT_COVERAGE = 0.8;
    public static final double DEFAULT_MIN_PROBABILITY = 0.5;
    public static final double DEFAULT_BASELINE_ALPHA = 0.01;
    /** Trend smoothing of memory and disk use in {@link #defaults()}. */
    public static final double RESOURCE_TREND_BETA = 0.3;
    public static final int DEFAULT_CONFIRM_EVALUATIONS = 2;
    private static final int MAX_HORIZON_STEPS = 10_000;

    public ForecastEngineConfig {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(risk, "risk");
        modelPerMetric = Map.copyOf(modelPerMetric);
        thresholds = List.copyOf(thresholds);
        requireWholeSeconds("step", step);
        requireWholeSeconds("evaluateEvery", evaluateEvery);
        requireWholeSeconds("horizon", horizon);
        if (horizon.getSeconds() % step.getSeconds() != 0 || horizon.getSeconds() / step.getSeconds() > MAX_HORIZON_STEPS) {
            throw new IllegalArgumentException("horizon must be a whole number of steps (at most " + MAX_HORIZON_STEPS
                    + "), was " + horizon + " with step " + step);
        }
        if (!(coverage > 0 && coverage < 1)) {
            throw new IllegalArgumentException("coverage must be in (0, 1), was " + coverage);
        }
        if (!(minProbability > 0 && minProbability <= 1)) {
            throw new IllegalArgumentException("minProbability must be in (0, 1], was " + minProbability);
        }
        if (confirmEvaluations < 1 || confirmEvaluations > 60) {
            throw new IllegalArgumentException("confirmEvaluations must be between 1 and 60, was " + confirmEvaluations);
        }
        if (!(baselineAlpha > 0 && baselineAlpha < 1)) {
            throw new IllegalArgumentException("baselineAlpha must be in (0, 1), was " + baselineAlpha);
        }
        Map<MetricName, BreachThreshold> seen = new EnumMap<>(MetricName.class);
        for (BreachThreshold threshold : thresholds) {
            if (seen.put(threshold.metric(), threshold) != null) {
                throw new IllegalArgumentException("thresholds name " + threshold.metric() + " twice");
            }
        }
    }

    /** One model for every metric kind; a breach published the first time it is likely. */
    public ForecastEngineConfig(Duration step, Duration evaluateEvery, Duration horizon, double coverage,
            HoltWintersConfig model, List<BreachThreshold> thresholds, double minProbability, RiskWeights risk,
            double baselineAlpha) {
        this(step, evaluateEvery, horizon, coverage, model, Map.of(), thresholds, minProbability, 1, risk,
                baselineAlpha);
    }

    private static void requireWholeSeconds(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.getSeconds() < 1 || value.getNano() != 0) {
            throw new IllegalArgumentException(name + " must be a whole number of seconds >= 1, was " + value);
        }
    }

    /** Disk 90 %, memory 95 %, connection pool 95 %, p99 latency 3x its baseline. */
    public static List<BreachThreshold> defaultThresholds() {
        return List.of(BreachThreshold.absolute(MetricName.DISK_USED, 90),
                BreachThreshold.absolute(MetricName.MEMORY, 95),
                BreachThreshold.absolute(MetricName.CONNECTIONS, 95),
                BreachThreshold.overBaseline(MetricName.LATENCY_P99, 3));
    }

    /**
     * Holt with a damped trend, no season. Memory and disk use get a faster trend (beta 0.3 rather than 0.1):
     * their breaches come from leaks and filling disks, a new slope the slow trend took ten minutes to
     * believe; p99 latency and connections keep the slow trend, because during a disturbance they swing
     * and a fast trend turns each swing into a predicted breach. A breach is published when two
     * evaluations in a row (two minutes) find it likely, so noise that lines up once is not forecast as a
     * failure. Measured side by side by {@code BreachPredictionBench} (bench/README.md, "Breach
     * prediction"; docs/decisions/0015).
     */
    public static ForecastEngineConfig defaults() {
        HoltWintersConfig resourceTrend = HoltWintersConfig.trendOnly(0.5, RESOURCE_TREND_BETA, 0.995);
        return new ForecastEngineConfig(DEFAULT_STEP, DEFAULT_EVALUATE_EVERY, DEFAULT_HORIZON, DEFAULT_COVERAGE,
                HoltWintersConfig.trendOnly(0.5, 0.1, 0.995),
                Map.of(MetricName.MEMORY, resourceTrend, MetricName.DISK_USED, resourceTrend), defaultThresholds(),
                DEFAULT_MIN_PROBABILITY, DEFAULT_CONFIRM_EVALUATIONS, RiskWeights.DEFAULT, DEFAULT_BASELINE_ALPHA);
    }

    /** The same with other models, per-metric models and confirmation. */
    public ForecastEngineConfig withModels(HoltWintersConfig newModel, Map<MetricName, HoltWintersConfig> perMetric,
            int newConfirmEvaluations) {
        return new ForecastEngineConfig(step, evaluateEvery, horizon, coverage, newModel, perMetric, thresholds,
                minProbability, newConfirmEvaluations, risk, baselineAlpha);
    }

    /** The forecaster's parameters for a metric kind. */
    public HoltWintersConfig modelFor(MetricName metric) {
        return modelPerMetric.getOrDefault(metric, model);
    }

    public int horizonSteps() {
        return (int) (horizon.getSeconds() / step.getSeconds());
    }

    public java.util.Optional<BreachThreshold> threshold(MetricName metric) {
        return thresholds.stream().filter(t -> t.metric() == metric).findFirst();
    }
}
