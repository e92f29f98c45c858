package dev.firebreak.engine.detect.composite;

import dev.firebreak.engine.telemetry.MetricName;

/**
 * How far beyond its band a finding on one kind of metric must be before the component can reach medium
 * severity on it: {@code max(relative × |edge|, absolute)} past the edge it crossed. A finding nearer its
 * edge is marginal: it still fires, holds the series' baseline (ADR 0011) and scores as before, but a
 * component whose fired findings are all marginal is held at low (ADR 0022). A detector without a band on
 * the crossed side, and the ML family's findings, are never marginal.
 *
 * <p>Why: the banded detectors judge a value against the series' recent noise or last week's range for the
 * hour, which says whether it is unusual, not whether it matters. At an ordinary weekly peak the whole
 * latency distribution of a busy service rose a little faster than those bands; p50-p99 values 0.3-3 %
 * above the rolling, IQR and seasonal bands fired all three at scores 0.55-0.98 and paged at medium,
 * though nobody on call would act on a p99 of 119 ms against a band ending at 116-118 ms. Widening the bands
 * instead made the adaptive detectors learn slow faults (a CPU-pressure fault raising p99 by 11 %) as
 * normal, since their values no longer fired and opened an episode.
 *
 * @param relative share of the crossed edge's magnitude, 0..1 (0.05: a latency band ending at 100 ms needs
 *                 a finding above 105 ms)
 * @param absolute in the metric's unit, 0 or more (a margin where the edge is near 0)
 */
public record MinimumDeparture(double relative, double absolute) {

    /** No margin: the detectors' own bands, as before ADR 0022. */
    public static final MinimumDeparture NONE = new MinimumDeparture(0, 0);

    /** Latency's default margin beyond its bands: 5 % of the edge (ADR 0022). */
    public static final double DEFAULT_LATENCY_RELATIVE = 0.05;

    public MinimumDeparture {
        if (!(relative >= 0 && relative <= 1)) {
            throw new IllegalArgumentException("minDeparture relative must be between 0 and 1, was " + relative);
        }
        if (!(absolute >= 0 && absolute < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("minDeparture absolute must be 0 or more, was " + absolute);
        }
    }

    /** How far beyond a band's {@code edge} a finding must be to count towards medium. */
    public double beyond(double edge) {
        double relativePart = Double.isFinite(edge) ? relative * Math.abs(edge) : 0;
        return Math.max(relativePart, absolute);
    }

    /**
     * For a finding that fired: whether its value is at least this margin beyond the edge of {@code low..high}
     * it crossed. An edge that is not finite is no obstacle, and a finding whose value is not outside its band
     * (NaN edges, or a detector that fired on a rule of its own, such as a new shape) always clears.
     */
    public boolean clears(double observed, double low, double high) {
        if (observed > high) {
            return !Double.isFinite(high) || observed - high >= beyond(high);
        }
        if (observed < low) {
            return !Double.isFinite(low) || low - observed >= beyond(low);
        }
        return true;
    }

    /**
     * The default per metric kind: a latency finding (p50, p95, p99) must be 5 % beyond its band; every
     * other kind has no margin, so any fired finding counts, as before. Latency is where the ordinary
     * weekly peak paged (ADR 0022: every medium+ detection of the second fault-free week outside a
     * load-caused degradation was p50-p99 latency 0.3-3 % above its bands). Errors are never load and a
     * small rise of them is worth seeing; traffic falls are judged against the load context; resource use
     * runs only its seasonal band and rate of change, which fault detection leans on for slow faults (a
     * memory leak), and none of them paged in the fault-free weeks measured since ADR 0018.
     */
    public static MinimumDeparture defaultFor(MetricName metric) {
        return switch (metric) {
            case LATENCY_P50, LATENCY_P95, LATENCY_P99 -> new MinimumDeparture(DEFAULT_LATENCY_RELATIVE, 0);
            default -> NONE;
        };
    }
}
