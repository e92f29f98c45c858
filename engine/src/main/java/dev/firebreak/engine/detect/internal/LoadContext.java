package dev.firebreak.engine.detect.internal;

import dev.firebreak.engine.detect.Direction;
import dev.firebreak.engine.telemetry.MetricName;

/**
 * Whether the traffic entering the system is moving away from its recent level (a burst, a dip of the
 * wandering load): then every component's request rate and latency move together, and that is load,
 * not a fault. Tracks the total entry request rate with a fast and a slow exponential average and says
 * the load is moving while they differ by more than a tolerance, and for a hold time after (latencies
 * take a while to drain). Causal; one instance per engine, called from one thread.
 *
 * <p>It keeps the side of the move: rising load explains values above their band (more traffic, longer
 * queues), falling load values below it (less traffic). A latency rise while the entry traffic dips is
 * not load: the short average of the entry traffic wanders a few percent either way all the time, and
 * half of those wanders used to hide every latency fault that started during one.
 */
public final class LoadContext {

    private final double fastAlpha;
    private final double slowAlpha;
    private final double tolerance;
    private final double riseTolerance;
    private final int holdTicks;
    private final double recentAlpha;
    private double fast = Double.NaN;
    private double slow = Double.NaN;
    /**
     * The level of the last half minute or so: after a burst the slow average has not caught up with the
     * burst's level, but the request-rate detectors (100-sample windows) have, so traffic falling back
     * is measured against the higher of the two.
     */
    private double recent = Double.NaN;
    private int seen;
    private int movingHold;
    private int risingHold;
    private int fallingHold;

    /** The same tolerance both ways. */
    public LoadContext(double fastSeconds, double slowSeconds, double tolerance, int holdTicks) {
        this(fastSeconds, slowSeconds, tolerance, tolerance, holdTicks);
    }

    /**
     * @param fastSeconds    time constant of the current level, seconds
     * @param slowSeconds    time constant of the reference level, seconds (longer than fastSeconds)
     * @param tolerance      relative difference of the two beyond which load is falling, e.g. 0.05
     * @param riseTolerance  relative difference beyond which load is rising, e.g. 0.1
     * @param holdTicks      ticks the verdict stays "moving" after the levels meet again
     */
    public LoadContext(double fastSeconds, double slowSeconds, double tolerance, double riseTolerance,
            int holdTicks) {
        if (!(fastSeconds >= 1 && slowSeconds > fastSeconds)) {
            throw new IllegalArgumentException("need 1 <= fastSeconds < slowSeconds, were " + fastSeconds + " and "
                    + slowSeconds);
        }
        if (!(tolerance > 0) || !(riseTolerance > 0) || holdTicks < 0) {
            throw new IllegalArgumentException("tolerances must be > 0 and holdTicks >= 0, were " + tolerance
                    + ", " + riseTolerance + " and " + holdTicks);
        }
        this.fastAlpha = 1 / fastSeconds;
        this.slowAlpha = 1 / slowSeconds;
        this.recentAlpha = 4 / slowSeconds;
        this.tolerance = tolerance;
        this.riseTolerance = riseTolerance;
        this.holdTicks = holdTicks;
    }

    /** Feeds the entry traffic of one tick (NaN: no data, the verdict decays) and returns {@link #moving()}. */
    public boolean update(double entryRate) {
        if (Double.isNaN(entryRate)) {
            movingHold = Math.max(0, movingHold - 1);
            risingHold = Math.max(0, risingHold - 1);
            fallingHold = Math.max(0, fallingHold - 1);
            return moving();
        }
        if (Double.isNaN(fast)) {
            fast = entryRate;
            slow = entryRate;
            recent = entryRate;
        }
        fast += fastAlpha * (entryRate - fast);
        // the reference learns quickly at first so that a fresh engine is not "moving" for minutes
        double alpha = Math.max(slowAlpha, 1.0 / ++seen);
        slow += alpha * (entryRate - slow);
        recent += Math.max(recentAlpha, 1.0 / seen) * (entryRate - recent);
        double reference = Math.max(Math.abs(slow), 1e-9);
        double fallFrom = Math.max(slow, recent);
        movingHold = Math.abs(fast - slow) > tolerance * reference ? holdTicks : Math.max(0, movingHold - 1);
        risingHold = fast - slow > riseTolerance * reference ? holdTicks : Math.max(0, risingHold - 1);
        fallingHold = fallFrom - fast > tolerance * Math.max(Math.abs(fallFrom), 1e-9) ? holdTicks
                : Math.max(0, fallingHold - 1);
        return moving();
    }

    /**
     * Whether the load is moving either way by more than the (falling) tolerance, or did within the hold
     * time: every component's whole metric vector then leaves its usual region (ADR 0012).
     */
    public boolean moving() {
        return movingHold > 0;
    }

    /**
     * How far the current level is below the recent one, as a share of it (0 when it is not below): 0.1 when a tenth
     * of the traffic is gone.
     */
    public double fall() {
        double fallFrom = Math.max(slow, recent);
        return Double.isNaN(fast) || !(fallFrom > 0) ? 0 : Math.max(0, (fallFrom - fast) / fallFrom);
    }

    /** Whether the entry traffic is above its recent level (or was within the hold time). */
    public boolean rising() {
        return risingHold > 0;
    }

    /** Whether the entry traffic is below its recent level (or was within the hold time). */
    public boolean falling() {
        return fallingHold > 0;
    }

    /**
     * Whether the load move now under way explains moves of this metric on the side its detectors watch:
     * values above the band ({@link Direction#UP}) only while load rises, values below ({@link Direction#DOWN})
     * only while it falls, either side while it moves either way.
     */
    public boolean explains(MetricName metric, Direction direction) {
        if (!explains(metric)) {
            return false;
        }
        return switch (direction) {
            case UP -> rising();
            case DOWN -> falling();
            case BOTH -> moving();
        };
    }

    /**
     * Metric kinds whose moves while load is moving are explained by it: traffic, latency, and the resource
     * use that follows traffic second by second (CPU, memory, connection pools, replication lag; their
     * rises in a burst were the other half of a fault-free second week's false alarms). Errors never are.
     */
    public static boolean explains(MetricName metric) {
        return switch (metric) {
            case REQUEST_RATE, LATENCY_P50, LATENCY_P95, LATENCY_P99, CPU, MEMORY, CONNECTIONS, REPLICATION_LAG -> true;
            default -> false;
        };
    }
}
