package dev.firebreak.engine.detect;

import dev.firebreak.engine.lifecycle.EngineService;
import dev.firebreak.engine.detect.composite.CompositeConfig;
import dev.firebreak.engine.detect.composite.CompositeScore;
import dev.firebreak.engine.detect.composite.CompositeScorer;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.detect.config.MetricDetectionConfig;
import dev.firebreak.engine.detect.history.DetectionHistory;
import dev.firebreak.engine.detect.internal.ComponentHealth;
import dev.firebreak.engine.detect.internal.Correlation;
import dev.firebreak.engine.detect.internal.DetectorRebuild;
import dev.firebreak.engine.detect.internal.EntryLoad;
import dev.firebreak.engine.detect.internal.ReportConfirmation;
import dev.firebreak.engine.detect.internal.SeriesCatalog;
import dev.firebreak.engine.detect.internal.SeriesVerdicts;
import dev.firebreak.engine.detect.internal.SettingsRequests;
import dev.firebreak.engine.detect.internal.TickEvidence;
import dev.firebreak.engine.detect.internal.WatchedSeries;
import dev.firebreak.engine.detect.ml.MlDetectors;
import dev.firebreak.engine.detect.ml.VectorDetector;
import dev.firebreak.engine.detect.ml.VectorDetectorFactory;
import dev.firebreak.engine.detect.series.HeldDetectors;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.event.Subscription;
import dev.firebreak.engine.health.ComponentHealthChanged;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.engine.topology.Topology;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online detection for a whole topology: on every {@link MetricsTicked} it reads each series' newest
 * sample from the store, updates that series' detectors, combines them per component (with the vector
 * detectors and the anomalies of related components), and publishes {@link AnomalyDetected} and
 * {@link ComponentHealthChanged}.
 *
 * <p>It orchestrates detection's parts (ADR 0024): the per-series detectors ({@code detect.series}), each
 * run with a baseline hold so that during an anomaly episode the rolling, EWMA and IQR detectors stop
 * learning and a sustained fault stays anomalous for as long as it lasts (ADR 0011); the vector (ML)
 * detectors ({@code detect.ml}); the composite score ({@code detect.composite}); health
 * ({@code detect.health}); and the history ({@code detect.history}).
 *
 * <p>With a {@link DetectionHistory} ({@link #withHistory}) it also records every series' verdict: the
 * expected band, the series' own score (the same {@link CompositeScorer} over that series' findings alone)
 * and, at or above the history's severity, an explained marker. So the charts draw exactly what drives
 * the component's score and health.
 *
 * <p>Settings change live: {@link #configure(MetricName, MetricDetectionConfig)} and
 * {@link #configure(CompositeConfig)} may be called from any thread and take effect at the next tick, on
 * the detection thread; a metric's detectors are then rebuilt and replayed over the past the store still
 * holds, so bands reflect the new settings at once instead of after a fresh warm-up.
 *
 * <p>Ticks are processed on the publisher's thread (the simulator's); {@link #state}, {@link #latest},
 * {@link #load} and {@link #config} may be read from any thread. Series registered in the store later are
 * picked up on the next tick. Detection replaces the simulator's interim health rule: the app should show
 * these states.
 */
@EngineService
public final class DetectionEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DetectionEngine.class);

    private final Topology topology;
    private final MetricStore store;
    private final EventBus bus;
    private final int n;
    private final SettingsRequests requests;
    /** The settings the detectors run with; detection thread only. */
    private DetectionConfig config;
    private CompositeScorer scorer;
    private volatile DetectionHistory history;
    private final boolean vectorDetectors;
    private final SeriesCatalog series;
    private final DetectorRebuild rebuild;
    private final EntryLoad load;
    private final TickEvidence evidence = new TickEvidence();
    private final Correlation correlation;
    private final ReportConfirmation reports;
    private final ComponentHealth health;
    /** Composites of the tick being processed; detection thread only. */
    private final CompositeScore[] tickComposites;
    private final AtomicReferenceArray<CompositeScore> latest;
    private volatile LoadMove lastLoad = LoadMove.STILL;
    private Subscription subscription;

    public DetectionEngine(Topology topology, MetricStore store, EventBus bus, DetectionConfig config) {
        this(topology, store, bus, config, VectorDetectorFactory.none());
    }

    public DetectionEngine(Topology topology, MetricStore store, EventBus bus, DetectionConfig config,
            VectorDetectorFactory vectorFactory) {
        this.topology = Objects.requireNonNull(topology, "topology");
        this.store = Objects.requireNonNull(store, "store");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.config = Objects.requireNonNull(config, "config");
        this.requests = new SettingsRequests(config);
        this.vectorDetectors = Objects.requireNonNull(vectorFactory, "vectorFactory") != VectorDetectorFactory.NONE;
        this.scorer = new CompositeScorer(config.composite());
        this.n = topology.size();
        this.series = new SeriesCatalog(topology, store, vectorFactory);
        this.rebuild = new DetectorRebuild(series, store);
        this.load = new EntryLoad(topology);
        this.correlation = new Correlation(topology);
        this.reports = new ReportConfirmation(n);
        this.health = new ComponentHealth(n, config.health());
        this.tickComposites = new CompositeScore[n];
        this.latest = new AtomicReferenceArray<>(n);
        for (int c = 0; c < n; c++) {
            latest.set(c, CompositeScore.NONE);
        }
    }

    /**
     * The detection the console ships, in one definition shared by the console, headless runs and the
     * accuracy harness: {@link DetectionConfig#ofDefaults()} and the confirmed ML evidence
     * ({@link MlDetectors#shipped}, ADR 0012). Not started.
     *
     * @param retrainExecutor where model refits run: a background executor in the console
     *                        ({@link MlDetectors#backgroundExecutor()}), a direct one where runs must repeat
     */
    public static DetectionEngine shipped(Topology topology, MetricStore store, EventBus bus,
            Executor retrainExecutor) {
        return shipped(topology, store, bus, retrainExecutor, DetectionConfig.ofDefaults());
    }

    /** The shipped detection (see above) with other settings: what a person saved or passed with --detection-config. */
    public static DetectionEngine shipped(Topology topology, MetricStore store, EventBus bus,
            Executor retrainExecutor, DetectionConfig config) {
        if (topology.size() > MlDetectors.SHIPPED_MAX_COMPONENTS) {
            // each component's models hold about a megabyte (ADR 0012): at thousands of components they
            // would not fit the console's heap beside the metric store, so large topologies run without them
            LOG.warn("{} has {} components, more than the {} the ML family is shipped for: detecting without it",
                    topology.name(), topology.size(), MlDetectors.SHIPPED_MAX_COMPONENTS);
            return new DetectionEngine(topology, store, bus, config, VectorDetectorFactory.none());
        }
        return new DetectionEngine(topology, store, bus, config, MlDetectors.shipped(retrainExecutor));
    }

    /**
     * Records every series' verdict into {@code history} from the next tick on (bands, per-series scores,
     * explained markers), for the console's charts. Returns this engine.
     */
    public DetectionEngine withHistory(DetectionHistory history) {
        this.history = Objects.requireNonNull(history, "history");
        return this;
    }

    /** Whether components get vector (ML) detectors; false for large topologies under {@link #shipped}. */
    public boolean runsVectorDetectors() {
        return vectorDetectors;
    }

    /** The history verdicts are recorded into, if any. */
    public Optional<DetectionHistory> history() {
        return Optional.ofNullable(history);
    }

    /** Starts listening to ticks on the bus; idempotent. */
    public synchronized DetectionEngine start() {
        if (subscription == null) {
            subscription = bus.subscribe(MetricsTicked.class, tick -> onTick(tick.at(), tick.epochSecond()));
        }
        return this;
    }

    @Override
    public synchronized void close() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    /** The detected health of a component; safe from any thread. */
    public HealthState state(int componentIndex) {
        return health.state(componentIndex);
    }

    /** The component's composite score and explanation at the last tick; safe from any thread. */
    public CompositeScore latest(int componentIndex) {
        return latest.get(componentIndex);
    }

    /** The component's composite score at the last tick, 0..1 (0 for unknown ids); safe from any thread. */
    public double componentScore(String componentId) {
        int index = topology.indexOf(componentId);
        return index < 0 ? 0 : latest.get(index).score();
    }

    /** Whether the traffic entering the system was moving at the last tick, as detection judged it; any thread. */
    public LoadMove load() {
        return lastLoad;
    }

    /** The settings in force, including changes asked for but not yet applied at a tick; any thread. */
    public DetectionConfig config() {
        return requests.requested();
    }

    /**
     * Replaces the detectors of one metric kind. Any thread; at the next tick that metric's detectors
     * are rebuilt on every series and replayed over the store's recent past (and its history re-recorded).
     */
    public void configure(MetricName metric, MetricDetectionConfig metricConfig) {
        requests.request(metric, metricConfig);
    }

    /** Replaces how scores combine (weights, mode, confirmation, reporting); any thread, from the next tick. */
    public void configure(CompositeConfig composite) {
        requests.request(composite);
    }

    /** Bytes of detector state per series (the largest over the series being watched). */
    public int maxStateBytesPerSeries() {
        return series.maxStateBytesPerSeries();
    }

    /** Processes one tick: every series' sample at {@code epochSecond}. Called on the publisher's thread. */
    public void onTick(Instant at, long epochSecond) {
        SettingsRequests.Adopted adopted = requests.adopt();
        if (adopted != null) {
            config = adopted.config();
            if (adopted.composite()) {
                scorer = new CompositeScorer(config.composite());
            }
        }
        boolean discovered = series.discover(config);
        DetectionHistory recordTo = history;
        if (adopted != null) {
            rebuild.rebuild(adopted.metrics(), config, scorer, recordTo, epochSecond);
        }
        if (discovered || adopted != null && !adopted.metrics().isEmpty()) {
            // new series and rebuilt detectors start outside any episode: count afresh
            series.recountHolding();
        }
        boolean loadMoving = load.update(series, store, epochSecond);
        lastLoad = load.move();
        CompositeScore[] composites = tickComposites;
        for (int c = 0; c < n; c++) {
            composites[c] = scoreComponent(c, epochSecond, loadMoving, recordTo);
        }
        for (int c = 0; c < n; c++) {
            publish(c, at, composites[c]);
        }
        Arrays.fill(composites, null);
    }

    /** Updates one component's series and vector detectors with this tick's samples and scores the component. */
    private CompositeScore scoreComponent(int c, long epochSecond, boolean loadMoving, DetectionHistory recordTo) {
        WatchedSeries[] watched = series.of(c);
        VectorDetector vectorDetector = series.vectorDetector(c);
        // a vector detector may keep the vector it is given, so each tick gets its own
        double[] vector = vectorDetector == null ? null : new double[watched.length];
        int holdingBefore = series.holding(c);
        int holdingAfter = 0;
        boolean seriesFired = false;
        for (int s = 0; s < watched.length; s++) {
            WatchedSeries state = watched[s];
            int handle = state.handle();
            double value = store.latestEpochSecond(handle) == epochSecond ? store.latest(handle) : Double.NaN;
            if (vector != null) {
                vector[s] = value;
            }
            state.track(value);
            boolean explainedByLoad = loadMoving && load.explains(state);
            HeldDetectors hold = state.hold();
            boolean anotherHolding = holdingBefore > (hold.holding() ? 1 : 0);
            hold.update(epochSecond, value, explainedByLoad, anotherHolding);
            if (explainedByLoad) {
                hold.explainFiredByLoad();
            }
            holdingAfter += hold.holding() ? 1 : 0;
            seriesFired |= hold.anyFired();
            if (recordTo != null && !Double.isNaN(value)) {
                recordTo.record(SeriesVerdicts.verdict(state, epochSecond, value, SeriesVerdicts.findings(state),
                        scorer, config.composite().mode()));
            }
        }
        series.holding(c, holdingAfter);
        evidence.of(watched, seriesFired, vectorDetector == null ? null
                : EntryLoad.vectorOutput(vectorDetector.update(epochSecond, vector), loadMoving),
                topology.component(c).id());
        return scorer.combine(evidence, correlation.of(c, evidence.anyFired()));
    }

    /** Hands one component's composite on: to readers, the correlation of the next tick, reports and health. */
    private void publish(int c, Instant at, CompositeScore composite) {
        correlation.remember(c, composite.score());
        latest.set(c, composite);
        if (reports.confirm(c, composite.severity(), config.composite())) {
            bus.publish(new AnomalyDetected(at, topology.component(c).id(), composite.severity(), composite.score(),
                    composite.explanation()));
        }
        HealthState before = health.state(c);
        if (health.update(c, composite)) {
            HealthState after = health.state(c);
            bus.publish(new ComponentHealthChanged(at, topology.component(c).id(), before, after,
                    after == HealthState.HEALTHY || after == HealthState.RECOVERING
                            ? "detection: signals back within their bands"
                            : "detection: " + composite.explanation().summary()));
        }
    }
}
