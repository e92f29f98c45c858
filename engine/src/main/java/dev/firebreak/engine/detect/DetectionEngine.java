package dev.firebreak.engine.detect;

import dev.firebreak.engine.detect.internal.HealthTracker;
import dev.firebreak.engine.detect.internal.LoadContext;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.event.Subscription;
import dev.firebreak.engine.health.ComponentHealthChanged;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.topology.Topology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Online detection for a whole topology: on every {@link MetricsTicked} it reads each series' newest
 * sample from the store, updates that series' detectors, combines them per component (with the vector
 * detectors and the anomalies of related components), and publishes {@link AnomalyDetected} and
 * {@link ComponentHealthChanged}.
 *
 * <p>Ticks are processed on the publisher's thread (the simulator's); {@link #state} and
 * {@link #latest} may be read from any thread. Series registered in the store later are picked up on the
 * next tick. Detection replaces the simulator's interim health rule: the app should show these states.
 */
public final class DetectionEngine implements AutoCloseable {

    private static final int MAX_DETECTORS_PER_SERIES = 6;
    /** Load context (ADR 0010): entry traffic 5 s average against 2 min, 6 % apart, held 60 s. */
    private static final double LOAD_FAST_SECONDS = 5;
    private static final double LOAD_SLOW_SECONDS = 120;
    private static final double LOAD_TOLERANCE = 0.06;
    private static final int LOAD_HOLD_TICKS = 60;

    private final Topology topology;
    private final MetricStore store;
    private final EventBus bus;
    private final DetectionConfig config;
    private final VectorDetectorFactory vectorFactory;
    private final CompositeScorer scorer;
    private final int n;
    private final List<List<SeriesState>> seriesOf;
    private final VectorDetector[] vectorDetectors;
    private final List<List<MetricName>> vectorMetrics;
    private final HealthTracker[] trackers;
    private final AtomicReferenceArray<HealthState> states;
    private final AtomicReferenceArray<CompositeScore> latest;
    private final double[] previousScore;
    private final Severity[] pending;
    private final int[] pendingTicks;
    private final Severity[] reported;
    private final LoadContext load = new LoadContext(LOAD_FAST_SECONDS, LOAD_SLOW_SECONDS, LOAD_TOLERANCE,
            LOAD_HOLD_TICKS);
    private int knownSeries;
    private Subscription subscription;

    private record SeriesState(int handle, SeriesKey key, String label, List<SeriesDetector> detectors) {
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
        this.vectorFactory = Objects.requireNonNull(vectorFactory, "vectorFactory");
        this.scorer = new CompositeScorer(config.composite());
        this.n = topology.size();
        this.seriesOf = new ArrayList<>(n);
        this.vectorMetrics = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            seriesOf.add(new ArrayList<>());
            vectorMetrics.add(List.of());
        }
        this.vectorDetectors = new VectorDetector[n];
        this.trackers = new HealthTracker[n];
        this.states = new AtomicReferenceArray<>(n);
        this.latest = new AtomicReferenceArray<>(n);
        this.previousScore = new double[n];
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

    public DetectionConfig config() {
        return config;
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
        discoverSeries();
        boolean loadMoving = load.update(entryRate(epochSecond));
        double[] scores = new double[n];
        CompositeScore[] composites = new CompositeScore[n];
        for (int c = 0; c < n; c++) {
            List<SeriesState> series = seriesOf.get(c);
            List<List<Finding>> findings = new ArrayList<>(series.size());
            double[] vector = new double[series.size()];
            for (int s = 0; s < series.size(); s++) {
                SeriesState state = series.get(s);
                double value = store.latestEpochSecond(state.handle()) == epochSecond ? store.latest(state.handle())
                        : Double.NaN;
                vector[s] = value;
                List<Finding> list = new ArrayList<>(MAX_DETECTORS_PER_SERIES);
                boolean explainedByLoad = loadMoving && LoadContext.explains(state.key().metric());
                for (SeriesDetector detector : state.detectors()) {
                    DetectorOutput output = detector.update(epochSecond, value);
                    list.add(new Finding(state.label(), explainedByLoad && output.fired() ? LoadContext.explained(output)
                            : output));
                }
                findings.add(list);
            }
            List<Finding> vectorFindings = vectorDetectors[c] == null ? List.of()
                    : List.of(new Finding(topology.component(c).id(), vectorDetectors[c].update(epochSecond, vector)));
            composites[c] = scorer.combine(findings, vectorFindings, correlation(c, findings, vectorFindings));
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
    }

    /** Total request rate of the components nothing calls (where traffic enters); NaN when none reported. */
    private double entryRate(long epochSecond) {
        double total = Double.NaN;
        for (int c = 0; c < n; c++) {
            if (topology.callersOf(c).length > 0) {
                continue;
            }
            for (SeriesState state : seriesOf.get(c)) {
                if (state.key().metric() == MetricName.REQUEST_RATE
                        && store.latestEpochSecond(state.handle()) == epochSecond) {
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
    private double correlation(int c, List<List<Finding>> findings, List<Finding> vectorFindings) {
        boolean ownSignal = false;
        for (List<Finding> list : findings) {
            for (Finding finding : list) {
                ownSignal |= finding.output().fired();
            }
        }
        for (Finding finding : vectorFindings) {
            ownSignal |= finding.output().fired();
        }
        if (!ownSignal) {
            return Double.NaN;
        }
        double worst = Double.NaN;
        for (int[] related : new int[][] {topology.calleesOf(c), topology.callersOf(c)}) {
            for (int r : related) {
                if (Severity.ofScore(previousScore[r]).isAtLeast(Severity.LOW)) {
                    worst = Double.isNaN(worst) ? previousScore[r] : Math.max(worst, previousScore[r]);
                }
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

    private void discoverSeries() {
        int count = store.seriesCount();
        if (count == knownSeries) {
            return;
        }
        for (int handle = knownSeries; handle < count; handle++) {
            SeriesKey key = store.key(handle);
            int c = topology.indexOf(key.componentId());
            if (c < 0) {
                continue;
            }
            seriesOf.get(c).add(new SeriesState(handle, key, key.toString(),
                    config.forMetric(key.metric()).createDetectors()));
        }
        knownSeries = count;
        for (int c = 0; c < n; c++) {
            List<MetricName> metrics = seriesOf.get(c).stream().map(s -> s.key().metric()).toList();
            if (!metrics.equals(vectorMetrics.get(c)) && !metrics.isEmpty()) {
                vectorMetrics.set(c, metrics);
                Optional<VectorDetector> detector = vectorFactory.create(topology.component(c), metrics);
                vectorDetectors[c] = detector.orElse(null);
            }
        }
    }
}
