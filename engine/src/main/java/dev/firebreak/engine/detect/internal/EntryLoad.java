package dev.firebreak.engine.detect.internal;

import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.LoadMove;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.topology.Topology;
import java.util.stream.IntStream;

/**
 * The detection tick's load context (ADR 0010): the total request rate of the components nothing calls,
 * where traffic enters, tracked by a {@link LoadContext} with the settings the tick runs with. One per
 * engine, detection thread only.
 */
public final class EntryLoad {

    /** Entry traffic 2 s average against 2 min, 5 % apart, held 60 s (ADR 0010, tuned in its addendum). */
    static final double FAST_SECONDS = 2;
    static final double SLOW_SECONDS = 120;
    static final double TOLERANCE = 0.05;
    /**
     * Rising load explains rises (latency) only from 10 % (ADR 0014): the entry traffic's ordinary wander
     * (about 5 %) is inside every latency band already, bursts (20-80 %) are not.
     */
    static final double RISE_TOLERANCE = 0.10;
    static final int HOLD_TICKS = 60;
    /**
     * Falling load explains a component's traffic falling only as far as the entry's, give or take half of it: calls
     * scale with the requests that cause them, so a component that lost half its traffic more than the system did
     * (a consumer cut off from its queue in the evening ramp-down) lost it on its own. The margin is wide because a
     * component with a few requests a second wanders by tens of percent in two seconds.
     */
    static final double OWN_LOSS = 0.5;

    private final LoadContext context = new LoadContext(FAST_SECONDS, SLOW_SECONDS, TOLERANCE, RISE_TOLERANCE,
            HOLD_TICKS);
    /** The components nothing calls, where traffic enters. */
    private final int[] entryComponents;

    public EntryLoad(Topology topology) {
        this.entryComponents = IntStream.range(0, topology.size()).filter(c -> topology.callersOf(c).length == 0)
                .toArray();
    }

    /** Feeds this tick's entry traffic; returns whether the load is moving. */
    public boolean update(SeriesCatalog series, MetricStore store, long epochSecond) {
        return update(entryRate(series, store, epochSecond));
    }

    /** Feeds this tick's total entry traffic; returns whether the load is moving. */
    boolean update(double entryRate) {
        return context.update(entryRate);
    }

    /**
     * Whether the load move now under way explains this series' move on the side its detectors watch
     * ({@link LoadContext#explains}), unless it is a component's traffic falling much further than the entry's: its own
     * loss ({@link #OWN_LOSS}).
     */
    public boolean explains(WatchedSeries state) {
        if (!context.explains(state.metric(), state.direction())) {
            return false;
        }
        return state.ownTraffic().map(own -> own.fall() <= context.fall() + OWN_LOSS).orElse(true);
    }

    /** A tracker of one component's traffic with the entry's settings, so their falls compare. */
    static LoadContext trafficTracker() {
        return new LoadContext(FAST_SECONDS, SLOW_SECONDS, TOLERANCE, RISE_TOLERANCE, HOLD_TICKS);
    }

    /** The verdict of the last tick. */
    public LoadMove move() {
        return LoadMove.of(context.moving(), context.rising(), context.falling());
    }

    /**
     * While entry traffic moves (ADR 0010) every component's vector leaves its training distribution at
     * once; the vector detectors then abstain instead of firing (ADR 0012), so errors still page.
     */
    public static DetectorOutput vectorOutput(DetectorOutput output, boolean loadMoving) {
        if (!loadMoving || !output.fired()) {
            return output;
        }
        return new DetectorOutput(output.kind(), Double.NaN, false, output.observed(), output.expectedLow(),
                output.expectedHigh(), "entry traffic moving: load, not a fault (" + output.reason() + ")");
    }

    /** Total request rate of the entry components at this second; NaN when none reported. */
    private double entryRate(SeriesCatalog series, MetricStore store, long epochSecond) {
        double total = Double.NaN;
        for (int c : entryComponents) {
            for (WatchedSeries state : series.of(c)) {
                if (state.metric() == MetricName.REQUEST_RATE && store.latestEpochSecond(state.handle()) == epochSecond) {
                    double value = store.latest(state.handle());
                    if (Double.isFinite(value)) {
                        total = Double.isNaN(total) ? value : total + value;
                    }
                }
            }
        }
        return total;
    }
}
