package dev.firebreak.engine.detect;

import dev.firebreak.engine.lifecycle.EngineService;
import dev.firebreak.engine.detect.internal.BaselineHold;
import dev.firebreak.engine.detect.internal.HealthTracker;
import dev.firebreak.engine.detect.internal.LoadContext;
import dev.firebreak.engine.detect.internal.Reading;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.event.Subscription;
import dev.firebreak.engine.health.ComponentHealthChanged;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.telemetry.SeriesSnapshot;
import dev.firebreak.engine.topology.Topology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online detection for a whole topology: on every {@link MetricsTicked} it reads each series' newest
 * sample from the store, updates that series' detectors, combines them per component (with the vector
 * detectors and the anomalies of related components), and publishes {@link AnomalyDetected} and
 * {@link ComponentHealthChanged}.
 *
 * <p>With a {@link DetectionHistory} ({@link #withHistory}) it also records every series' verdict: the
 * expected band, the series' own score (the same {@link CompositeScorer} over that series' findings alone)
 * and, at or above the history's severity, an explained marker. So the charts draw exactly what drives
 * the component's score and health.
 *
 * <p>Each series' detectors run through a {@link BaselineHold}: during an anomaly episode the rolling,
 * EWMA and IQR detectors stop learning, so a sustained fault stays anomalous for as long as it lasts
 * (ADR 0011).
 *
 * <p>Settings change live: {@link #configure(MetricName, MetricDetectionConfig)} and
 * {@link #configure(CompositeConfig)} may be called from any thread and take effect at the next tick, on
 * the detection thread; a metric's detectors are then rebuilt and replayed over the past the store still
 * holds, so bands reflect the new settings at once instead of after a fresh warm-up.
 *
 * <p>Ticks are processed on the publisher's thread (the simulator's); {@link #state}, {@link #latest} and
 * {@link #config} may be read from any thread. Series registered in the store later are picked up on the
 * next tick. Detection replaces the simulator's interim health rule: the app should show these states.
 */
@EngineService
public final class DetectionEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DetectionEngine.class);

    private static final int MAX_DETECTORS_PER_SERIES = 6;
    /** Samples replayed into rebuilt detectors: enough to fill the largest window the settings allow. */
    static final int REPLAY_SECONDS = 1200;
    /** Load context (ADR 0010, tuned in its addendum): entry traffic 2 s average against 2 min, 5 % apart, held 60 s. */
    private static final double LOAD_FAST_SECONDS = 2;
    private static final double LOAD_SLOW_SECONDS = 120;
    private static final double LOAD_TOLERANCE = 0.05;
    /**
     * Rising load explains rises (latency) only from 10 % (ADR 0014): the entry traffic's ordinary wander
     * (about 5 %) is inside every latency band already, bursts (20-80 %) are not.
     */
    private static final double LOAD_RISE_TOLERANCE = 0.10;
    private static final int LOAD_HOLD_TICKS = 60;

    private final Topology topology;
    private final MetricStore store;
    private final EventBus bus;
    /** The settings asked for; the detection thread adopts them at the next tick. */
    private volatile DetectionConfig requested;
    /** The settings the detectors run with; detection thread only. */
    private DetectionConfig config;
    private final EnumSet<MetricName> reconfigured = EnumSet.noneOf(MetricName.class);
    private boolean compositeReconfigured;
    private volatile DetectionHistory history;
    private final VectorDetectorFactory vectorFactory;
    private CompositeScorer scorer;
    private final int n;
    private final List<List<SeriesState>> seriesOf;
    /** {@link #seriesOf} as arrays, for the tick's loops; refreshed when series are discovered. */
    private final SeriesState[][] seriesArrays;
    /** The components nothing calls, where traffic enters. */
    private final int[] entryComponents;
    /** Scores and composites of the tick being processed; detection thread only. */
    private final double[] tickScores;
    private final CompositeScore[] tickComposites;
    private final TickEvidence evidence = new TickEvidence();
    private final VectorDetector[] vectorDetectors;
    private final List<List<MetricName>> vectorMetrics;
    private final HealthTracker[] trackers;
    private final AtomicReferenceArray<HealthState> states;
    private final AtomicReferenceArray<CompositeScore> latest;
    private final double[] previousScore;
    /**
     * Per component, how many of its series were in an anomaly episode after the last tick: counted as the
     * tick updates them, for the next tick, instead of by another walk over every series (ADR 0023).
     */
    private final int[] holdingSeriesOf;
    private final Severity[] pending;
    private final int[] pendingTicks;
    private final Severity[] reported;
    private final LoadContext load = new LoadContext(LOAD_FAST_SECONDS, LOAD_SLOW_SECONDS, LOAD_TOLERANCE,
            LOAD_RISE_TOLERANCE, LOAD_HOLD_TICKS);
    private int knownSeries;
    private Subscription subscription;

    /** One watched series; its detectors are replaced when its metric is reconfigured. */
    private static final class SeriesState {
        private final int handle;
        private final SeriesKey key;
        private final String label;
        private final MetricName metric;
        private BaselineHold detectors;
        /** The side of the band the metric's detectors watch, for the load context. */
        private Direction direction;
        /** How far past its band a finding must be to page (ADR 0022). */
        private MinimumDeparture margin;

        SeriesState(int handle, SeriesKey key, BaselineHold detectors, MetricDetectionConfig config) {
            this.handle = handle;
            this.key = key;
            this.label = key.toString();
            this.metric = key.metric();
            this.detectors = detectors;
            configure(config);
        }

        void configure(MetricDetectionConfig config) {
            this.direction = config.direction();
            this.margin = config.minDeparture();
        }

        Direction direction() {
            return direction;
        }

        MinimumDeparture margin() {
            return margin;
        }

        int handle() {
            return handle;
        }

        SeriesKey key() {
            return key;
        }

        String label() {
            return label;
        }

        List<SeriesDetector> detectors() {
            return detectors.detectors();
        }

        BaselineHold hold() {
            return detectors;
        }
    }

    public DetectionEngine(Topology topology, MetricStore store, EventBus bus, DetectionConfig config) {
        this(topology, store, bus, config, VectorDetectorFactory.none());
    }

    public DetectionEngine(Topology topology, MetricStore store, EventBus bus, DetectionConfig config,
            VectorDetectorFactory vectorFactory) {
        this.topology = Objects.requireNonNull(topology, "topology");
        this.store = Objects.requireNonNull(store, "store");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.config = Objects.requireNonNull(config, "config");
        this.requested = config;
        this.vectorFactory = Objects.requireNonNull(vectorFactory, "vectorFactory");
        this.scorer = new CompositeScorer(config.composite());
        this.n = topology.size();
        this.seriesOf = new ArrayList<>(n);
        this.vectorMetrics = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            seriesOf.add(new ArrayList<>());
            vectorMetrics.add(List.of());
        }
        this.seriesArrays = new SeriesState[n][0];
        this.entryComponents = IntStream.range(0, n).filter(c -> topology.callersOf(c).length == 0)
                .toArray();
        this.tickScores = new double[n];
        this.tickComposites = new CompositeScore[n];
        this.vectorDetectors = new VectorDetector[n];
        this.trackers = new HealthTracker[n];
        this.states = new AtomicReferenceArray<>(n);
        this.latest = new AtomicReferenceArray<>(n);
        this.previousScore = new double[n];
        this.holdingSeriesOf = new int[n];
        this.pending = new Severity[n];
        this.pendingTicks = new int[n];
        this.reported = new Severity[n];
        for (int c = 0; c < n; c++) {
            trackers[c] = new HealthTracker(config.health());
            states.set(c, HealthState.HEALTHY);
            latest.set(c, CompositeScore.NONE);
            pending[c] = Severity.NONE;
            reported[c] = Severity.NONE;
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
        return vectorFactory != VectorDetectorFactory.NONE;
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
        return states.get(componentIndex);
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

    /** The settings in force, including changes asked for but not yet applied at a tick; any thread. */
    public DetectionConfig config() {
        return requested;
    }

    /**
     * Replaces the detectors of one metric kind. Any thread; at the next tick that metric's detectors
     * are rebuilt on every series and replayed over the store's recent past (and its history re-recorded).
     */
    public synchronized void configure(MetricName metric, MetricDetectionConfig metricConfig) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(metricConfig, "metricConfig");
        Map<MetricName, MetricDetectionConfig> perMetric = new EnumMap<>(requested.perMetric());
        perMetric.put(metric, metricConfig);
        requested = new DetectionConfig(perMetric, requested.fallback(), requested.composite(), requested.health());
        reconfigured.add(metric);
    }

    /** Replaces how scores combine (weights, mode, confirmation, reporting); any thread, from the next tick. */
    public synchronized void configure(CompositeConfig composite) {
        Objects.requireNonNull(composite, "composite");
        DetectionConfig now = requested;
        requested = new DetectionConfig(now.perMetric(), now.fallback(), composite, now.health());
        compositeReconfigured = true;
    }

    /** Bytes of detector state per series (the largest over the series being watched). */
    public int maxStateBytesPerSeries() {
        int max = 0;
        for (List<SeriesState> list : seriesOf) {
            for (SeriesState series : list) {
                int bytes = 0;
                for (SeriesDetector detector : series.detectors()) {
                    bytes += detector.stateBytes();
                }
                max = Math.max(max, bytes);
            }
        }
        return max;
    }

    /** Processes one tick: every series' sample at {@code epochSecond}. Called on the publisher's thread. */
    public void onTick(Instant at, long epochSecond) {
        Set<MetricName> rebuild = adoptRequestedConfig();
        boolean discovered = discoverSeries();
        rebuildDetectors(rebuild, epochSecond);
        if (discovered || !rebuild.isEmpty()) {
            // new series and rebuilt detectors start outside any episode: count afresh
            for (int c = 0; c < n; c++) {
                holdingSeriesOf[c] = holdingCount(seriesArrays[c]);
            }
        }
        DetectionHistory recordTo = history;
        boolean loadMoving = load.update(entryRate(epochSecond));
        double[] scores = tickScores;
        CompositeScore[] composites = tickComposites;
        for (int c = 0; c < n; c++) {
            SeriesState[] series = seriesArrays[c];
            VectorDetector vectorDetector = vectorDetectors[c];
            // a vector detector may keep the vector it is given, so each tick gets its own
            double[] vector = vectorDetector == null ? null : new double[series.length];
            int holdingSeries = holdingSeriesOf[c];
            int holdingAfter = 0;
            boolean seriesFired = false;
            for (int s = 0; s < series.length; s++) {
                SeriesState state = series[s];
                double value = store.latestEpochSecond(state.handle) == epochSecond ? store.latest(state.handle)
                        : Double.NaN;
                if (vector != null) {
                    vector[s] = value;
                }
                boolean explainedByLoad = loadMoving && load.explains(state.metric, state.direction());
                BaselineHold hold = state.hold();
                boolean anotherHolding = holdingSeries > (hold.holding() ? 1 : 0);
                hold.update(epochSecond, value, explainedByLoad, anotherHolding);
                if (explainedByLoad) {
                    explainByLoad(hold);
                }
                holdingAfter += hold.holding() ? 1 : 0;
                seriesFired |= hold.anyFired();
                if (recordTo != null && !Double.isNaN(value)) {
                    recordTo.record(verdict(state.key(), epochSecond, value, findings(state), state.margin()));
                }
            }
            holdingSeriesOf[c] = holdingAfter;
            evidence.of(series, seriesFired, vectorDetector == null ? null
                    : vectorOutput(vectorDetector.update(epochSecond, vector), loadMoving),
                    topology.component(c).id());
            composites[c] = scorer.combine(evidence, correlation(c, evidence));
            scores[c] = composites[c].score();
        }
        for (int c = 0; c < n; c++) {
            previousScore[c] = scores[c];
            latest.set(c, composites[c]);
            report(c, at, composites[c]);
            HealthState before = states.get(c);
            HealthState after = trackers[c].update(composites[c]);
            if (after != before) {
                states.set(c, after);
                bus.publish(new ComponentHealthChanged(at, topology.component(c).id(), before, after,
                        after == HealthState.HEALTHY || after == HealthState.RECOVERING
                                ? "detection: signals back within their bands"
                                : "detection: " + composites[c].explanation().summary()));
            }
        }
        Arrays.fill(composites, null);
    }

    /** How many of a component's series are in an anomaly episode after the previous tick. */
    private static int holdingCount(SeriesState[] series) {
        int count = 0;
        for (SeriesState state : series) {
            count += state.hold().holding() ? 1 : 0;
        }
        return count;
    }

    /** While load moves, a fired output a load move could cause scores zero, saying why (ADR 0010). */
    private static void explainByLoad(BaselineHold hold) {
        for (int i = 0; i < hold.outputCount(); i++) {
            Reading reading = hold.reading(i);
            if (reading.fired() && LoadContext.plausible(reading)) {
                hold.replaceOutput(i, LoadContext.explained(reading.output()));
            }
        }
    }

    /** The series' outputs on its last sample as findings, for its verdict. */
    private static List<Finding> findings(SeriesState state) {
        BaselineHold hold = state.hold();
        List<Finding> list = new ArrayList<>(hold.outputCount());
        for (int i = 0; i < hold.outputCount(); i++) {
            list.add(new Finding(state.label(), hold.output(i)));
        }
        return list;
    }

    /**
     * One component's outputs at this tick as the scorer reads them, straight from each series' detectors;
     * a {@link Finding} is made only for an output that fired. Reused for every component.
     */
    private static final class TickEvidence implements ComponentEvidence {
        private SeriesState[] series;
        private boolean seriesFired;
        private DetectorOutput vector;
        private String vectorLabel;

        /** @param anySeriesFired whether any series detector fired at this tick, as the tick's loop saw it */
        void of(SeriesState[] componentSeries, boolean anySeriesFired, DetectorOutput vectorOutput,
                String componentId) {
            this.series = componentSeries;
            this.seriesFired = anySeriesFired;
            this.vector = vectorOutput;
            this.vectorLabel = componentId;
        }

        boolean anyFired() {
            return seriesFired || vector != null && vector.fired();
        }

        @Override
        public int seriesCount() {
            return series.length;
        }

        @Override
        public int outputCount(int s) {
            return series[s].hold().outputCount();
        }

        @Override
        public DetectorKind kind(int s, int i) {
            return series[s].hold().reading(i).kind();
        }

        @Override
        public double score(int s, int i) {
            return series[s].hold().reading(i).score();
        }

        @Override
        public boolean fired(int s, int i) {
            return series[s].hold().reading(i).fired();
        }

        @Override
        public Finding finding(int s, int i) {
            return new Finding(series[s].label(), series[s].hold().output(i));
        }

        @Override
        public boolean clearsMargin(int s, int i) {
            Reading reading = series[s].hold().reading(i);
            return series[s].margin().clears(reading.observed(), reading.expectedLow(), reading.expectedHigh());
        }

        @Override
        public int vectorCount() {
            return vector == null ? 0 : 1;
        }

        @Override
        public DetectorOutput vectorOutput(int i) {
            return vector;
        }

        @Override
        public Finding vectorFinding(int i) {
            return new Finding(vectorLabel, vector);
        }
    }

    /**
     * While entry traffic moves (ADR 0010) every component's vector leaves its training distribution at
     * once; the vector detectors then abstain instead of firing (ADR 0012), so errors still page.
     */
    private static DetectorOutput vectorOutput(DetectorOutput output, boolean loadMoving) {
        if (!loadMoving || !output.fired()) {
            return output;
        }
        return new DetectorOutput(output.kind(), Double.NaN, false, output.observed(), output.expectedLow(),
                output.expectedHigh(), "entry traffic moving: load, not a fault (" + output.reason() + ")");
    }

    /** Total request rate of the components nothing calls (where traffic enters); NaN when none reported. */
    private double entryRate(long epochSecond) {
        double total = Double.NaN;
        for (int c : entryComponents) {
            for (SeriesState state : seriesArrays[c]) {
                if (state.metric == MetricName.REQUEST_RATE && store.latestEpochSecond(state.handle()) == epochSecond) {
                    double value = store.latest(state.handle());
                    if (Double.isFinite(value)) {
                        total = Double.isNaN(total) ? value : total + value;
                    }
                }
            }
        }
        return total;
    }

    /**
     * The worst score of the component's callers and callees at the previous tick, when the component
     * itself shows something (otherwise every healthy neighbour of a failing service would light up).
     */
    private double correlation(int c, TickEvidence own) {
        if (!own.anyFired()) {
            return Double.NaN;
        }
        double worst = worstRelated(Double.NaN, topology.calleesOf(c));
        return worstRelated(worst, topology.callersOf(c));
    }

    private double worstRelated(double worst, int[] related) {
        for (int r : related) {
            if (Severity.ofScore(previousScore[r]).isAtLeast(Severity.LOW)) {
                worst = Double.isNaN(worst) ? previousScore[r] : Math.max(worst, previousScore[r]);
            }
        }
        return worst;
    }

    /** Publishes once a severity has lasted confirmTicks, on entering an episode and on each escalation. */
    private void report(int c, Instant at, CompositeScore score) {
        Severity severity = score.severity();
        if (severity == pending[c]) {
            pendingTicks[c]++;
        } else {
            pending[c] = severity;
            pendingTicks[c] = 1;
        }
        if (pendingTicks[c] < config.composite().confirmTicks()) {
            return;
        }
        if (!severity.isAtLeast(config.composite().reportAtLeast())) {
            reported[c] = Severity.NONE;
            return;
        }
        if (severity.ordinal() > reported[c].ordinal()) {
            reported[c] = severity;
            bus.publish(new AnomalyDetected(at, topology.component(c).id(), severity, score.score(),
                    score.explanation()));
        }
    }

    /** Adopts the series the store gained since the last tick; whether there were any. */
    private boolean discoverSeries() {
        int count = store.seriesCount();
        if (count == knownSeries) {
            return false;
        }
        for (int handle = knownSeries; handle < count; handle++) {
            SeriesKey key = store.key(handle);
            int c = topology.indexOf(key.componentId());
            if (c < 0) {
                continue;
            }
            seriesOf.get(c).add(new SeriesState(handle, key, detectorsFor(key.metric()),
                    config.forMetric(key.metric())));
        }
        knownSeries = count;
        for (int c = 0; c < n; c++) {
            seriesArrays[c] = seriesOf.get(c).toArray(new SeriesState[0]);
        }
        for (int c = 0; c < n; c++) {
            List<MetricName> metrics = seriesOf.get(c).stream().map(s -> s.key().metric()).toList();
            if (!metrics.equals(vectorMetrics.get(c)) && !metrics.isEmpty()) {
                vectorMetrics.set(c, metrics);
                Optional<VectorDetector> detector = vectorFactory.create(topology.component(c), metrics);
                vectorDetectors[c] = detector.orElse(null);
            }
        }
        return true;
    }

    /** Takes over the settings asked for since the last tick; returns the metrics whose detectors changed. */
    private Set<MetricName> adoptRequestedConfig() {
        synchronized (this) {
            if (reconfigured.isEmpty() && !compositeReconfigured) {
                return Set.of();
            }
            config = requested;
            if (compositeReconfigured) {
                scorer = new CompositeScorer(config.composite());
                compositeReconfigured = false;
            }
            Set<MetricName> changed = EnumSet.copyOf(reconfigured);
            reconfigured.clear();
            return changed;
        }
    }

    /** Fresh detectors for the series of the changed metrics, taught everything before this tick. */
    private void rebuildDetectors(Set<MetricName> metrics, long epochSecond) {
        if (metrics.isEmpty()) {
            return;
        }
        DetectionHistory recordTo = history;
        for (List<SeriesState> list : seriesOf) {
            for (SeriesState series : list) {
                if (!metrics.contains(series.key().metric())) {
                    continue;
                }
                series.detectors = detectorsFor(series.key().metric());
                series.configure(config.forMetric(series.key().metric()));
                if (recordTo != null) {
                    recordTo.clear(series.key());
                }
                SeriesSnapshot past = store.range(series.handle(), epochSecond - REPLAY_SECONDS, epochSecond - 1);
                double[] values = past.values();
                List<DetectorOutput> outputs = new ArrayList<>(MAX_DETECTORS_PER_SERIES);
                for (int i = 0; i < values.length; i++) {
                    series.hold().update(past.epochSecondAt(i), values[i], false, false, outputs);
                    List<Finding> findings = new ArrayList<>(outputs.size());
                    for (DetectorOutput output : outputs) {
                        findings.add(new Finding(series.label(), output));
                    }
                    if (recordTo != null && !Double.isNaN(values[i])) {
                        recordTo.record(verdict(series.key(), past.epochSecondAt(i), values[i], findings,
                                series.margin()));
                    }
                }
            }
        }
    }

    /** Fresh detectors for a series of this metric, run with the metric's baseline hold. */
    private BaselineHold detectorsFor(MetricName metric) {
        MetricDetectionConfig metricConfig = config.forMetric(metric);
        return new BaselineHold(metricConfig.createDetectors(), metricConfig.hold());
    }

    /**
     * One series' verdict: its findings scored alone by the component's scorer (so the same weights and
     * mode), with the band of the first detector that gives one (rolling mean ± k·σ where it runs).
     */
    private SeriesVerdict verdict(SeriesKey key, long epochSecond, double value, List<Finding> findings,
            MinimumDeparture margin) {
        CompositeScore score = scorer.combine(List.of(findings), List.of(margin), List.of(), Double.NaN);
        double low = Double.NaN;
        double high = Double.NaN;
        List<DetectorOutput> outputs = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            DetectorOutput output = finding.output();
            outputs.add(output);
            if (Double.isNaN(low) && Double.isFinite(output.expectedLow()) && Double.isFinite(output.expectedHigh())) {
                low = output.expectedLow();
                high = output.expectedHigh();
            }
        }
        boolean learning = outputs.stream().allMatch(DetectorOutput::isLearning);
        Map<DetectorFamily, Double> contributions = new EnumMap<>(DetectorFamily.class);
        for (FamilyContribution contribution : score.explanation().contributions()) {
            if (!Double.isNaN(contribution.score()) && contribution.weight() > 0) {
                contributions.put(contribution.family(), contribution.contribution());
            }
        }
        double seriesScore = learning ? Double.NaN : score.score();
        return new SeriesVerdict(key, epochSecond, value, low, high, seriesScore,
                learning ? Severity.NONE : score.severity(), config.composite().mode(), contributions, outputs);
    }
}
