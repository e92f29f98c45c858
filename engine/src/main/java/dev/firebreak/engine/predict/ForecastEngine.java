package dev.firebreak.engine.predict;

import dev.firebreak.engine.lifecycle.EngineService;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.event.Subscription;
import dev.firebreak.engine.predict.internal.WatchedSeries;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.telemetry.SeriesSnapshot;
import dev.firebreak.engine.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Watches every series with a breach threshold, forecasts it and publishes a {@link PredictedFailure}
 * when a breach within the horizon becomes likely.
 *
 * <p>Attached to a bus it evaluates on {@link MetricsTicked}, at most once per
 * {@link ForecastEngineConfig#evaluateEvery()}, on the publisher's thread: samples are averaged into
 * steps, each complete step is fed to the series' model, and the forecast is checked against the
 * threshold. A series is warmed from the history the store still holds when first seen. One failure is
 * published per episode: the series must fall back below half the minimum probability before another
 * is published. {@link #outlook} may be read from any thread.
 */
@EngineService
public final class ForecastEngine implements AutoCloseable {

    private final MetricStore store;
    private final EventBus bus;
    private final Topology topology;
    private final ForecastEngineConfig config;
    private final AnomalyScores anomalyScores;
    private final Criticality criticality;
    private final Function<MetricName, Forecaster> models;
    private final List<WatchedSeries> watched = new ArrayList<>();
    private final Map<SeriesKey, SeriesOutlook> outlooks = new ConcurrentHashMap<>();
    private int knownSeries;
    private long lastEvaluation = Long.MIN_VALUE;
    private Subscription subscription;

    public ForecastEngine(MetricStore store, EventBus bus, Topology topology, ForecastEngineConfig config,
            AnomalyScores anomalyScores) {
        this.store = Objects.requireNonNull(store, "store");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.topology = Objects.requireNonNull(topology, "topology");
        this.config = Objects.requireNonNull(config, "config");
        this.anomalyScores = Objects.requireNonNull(anomalyScores, "anomalyScores");
        this.criticality = Criticality.of(topology);
        this.models = metric -> Forecasters.holtWinters(config.modelFor(metric));
    }

    /** Creates an engine and subscribes it to the bus's {@link MetricsTicked}. */
    public static ForecastEngine attach(MetricStore store, EventBus bus, Topology topology, ForecastEngineConfig config,
            AnomalyScores anomalyScores) {
        ForecastEngine engine = new ForecastEngine(store, bus, topology, config, anomalyScores);
        engine.subscription = bus.subscribe(MetricsTicked.class, tick -> engine.onTick(tick.epochSecond()));
        return engine;
    }

    public ForecastEngineConfig config() {
        return config;
    }

    public Criticality criticality() {
        return criticality;
    }

    /** The latest forecast of a watched series, empty until its model is ready. */
    public Optional<SeriesOutlook> outlook(SeriesKey key) {
        return Optional.ofNullable(outlooks.get(key));
    }

    private void onTick(long epochSecond) {
        if (lastEvaluation == Long.MIN_VALUE || epochSecond - lastEvaluation >= config.evaluateEvery().getSeconds()) {
            evaluate(epochSecond);
        }
    }

    /**
     * Feeds every step complete at {@code epochSecond} (samples up to and including it are in the
     * store) and publishes predicted failures. Called by the tick subscription; public for headless runs.
     */
    public void evaluate(long epochSecond) {
        lastEvaluation = epochSecond;
        discoverSeries();
        int stepSeconds = (int) config.step().getSeconds();
        long completedEnd = Math.floorDiv(epochSecond + 1, stepSeconds) * stepSeconds;
        Instant now = Instant.ofEpochSecond(epochSecond);
        for (WatchedSeries series : watched) {
            if (feed(series, completedEnd, stepSeconds) > 0 && series.model().isReady()) {
                assess(series, now, completedEnd, stepSeconds);
            }
        }
    }

    private int feed(WatchedSeries series, long completedEnd, int stepSeconds) {
        long latest = store.latestEpochSecond(series.handle());
        if (latest == Long.MIN_VALUE) {
            return 0;
        }
        long oldestRetained = latest - store.retention().fullResolutionSeconds() + 1;
        series.startAt(Math.ceilDiv(oldestRetained, stepSeconds) * (long) stepSeconds);
        if (series.nextStepStart() >= completedEnd) {
            return 0;
        }
        SeriesSnapshot samples = store.range(series.handle(), series.nextStepStart(), completedEnd - 1);
        return series.feed(samples, completedEnd, stepSeconds, config.baselineAlpha());
    }

    private void assess(WatchedSeries series, Instant now, long completedEnd, int stepSeconds) {
        double threshold = series.resolvedThreshold();
        if (Double.isNaN(threshold)) {
            return;
        }
        Forecast forecast = series.model().forecast(config.horizonSteps(), config.coverage());
        Breach breach = BreachAnalysis.analyse(series.lastValue(), forecast, threshold);
        SeriesOutlook outlook = new SeriesOutlook(series.key(), now, Instant.ofEpochSecond(completedEnd), stepSeconds,
                series.lastValue(), forecast, threshold, breach);
        outlooks.put(series.key(), outlook);
        if (series.isAtRisk()) {
            if (breach.probability() < config.minProbability() / 2) {
                series.setAtRisk(false);
            }
            return;
        }
        if (breach.probability() < config.minProbability() || series.lastValue() >= threshold) {
            // a series already past its threshold is a breach for detection, not a prediction
            series.unlikely();
            return;
        }
        if (series.likelyAgain() < config.confirmEvaluations()) {
            return;
        }
        series.setAtRisk(true);
        bus.publish(failure(series.key(), outlook, now));
    }

    private PredictedFailure failure(SeriesKey key, SeriesOutlook outlook, Instant now) {
        Breach breach = outlook.breach();
        double upperStep = breach.upperCrossingStep().orElse(outlook.forecast().horizon());
        double meanStep = breach.meanCrossingStep().orElse(upperStep);
        Instant expected = later(now, outlook.instantOfStep(meanStep));
        Instant earliest = later(now, outlook.instantOfStep(upperStep));
        double anomaly = clamp(anomalyScores.score(key.componentId()));
        double critical = criticality.of(key.componentId());
        double risk = config.risk().risk(breach.probability(), anomaly, critical);
        return new PredictedFailure(now, key.componentId(), key.metric(), outlook.lastValue(), outlook.threshold(),
                expected, Duration.between(now, expected), earliest, breach.probability(), anomaly, critical, risk);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static double clamp(double score) {
        return Double.isNaN(score) ? 0 : Math.max(0, Math.min(1, score));
    }

    private void discoverSeries() {
        int count = store.seriesCount();
        for (int handle = knownSeries; handle < count; handle++) {
            SeriesKey key = store.key(handle);
            if (topology.indexOf(key.componentId()) < 0) {
                continue;
            }
            int h = handle;
            config.threshold(key.metric()).ifPresent(t -> watched.add(new WatchedSeries(key, h, t, () -> models.apply(key.metric()))));
        }
        knownSeries = count;
    }

    /** The number of series watched so far. */
    public int watchedSeries() {
        return watched.size();
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
    }
}
