package dev.firebreak.engine.heal.internal;

import dev.firebreak.engine.assess.HealthAssessment;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.heal.Playbook;
import dev.firebreak.engine.heal.VerificationOutcome;
import dev.firebreak.engine.rca.MetricSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Judges one action after its run (self-healing-system.md 8), one observation a simulated second: the watched components'
 * metrics back inside their bands (detection's health no worse than recovering, or every signal they have back to the
 * level before the incident while detection's verdict lags; and in both cases their error rate and p95 latency back to
 * that level, since detection's bands adapt to a fault that goes on) and their
 * checks passing, continuously
 * for the hold, with no new anomaly on a neighbour, is a success. Worse than before the action for {@code worseFor},
 * counted once the action's own disruption has had {@code settle} to pass, fails it at once. At the timeout: better but not well, or well but a neighbour turned anomalous, is partial; metrics and
 * checks disagreeing is uncertain; no better is timed out.
 */
public final class Verifier {

    /** What verification concluded, and why in words. */
    public record Result(VerificationOutcome outcome, String why) {
    }

    /** The golden signals judged against their level before the incident. */
    public static final List<String> SIGNALS = List.of("error_rate", "latency_p95");
    /** How far beyond the 95th (5th) percentile of its level before the incident a signal may be and count as back. */
    static final double CEILING_FACTOR = 1.25;

    /**
     * One signal held to its level before the incident: which way is worse, and absolute slack on top of the factor (in
     * the signal's unit), so a near-zero level is no trap. A judgement, not a measurement.
     */
    record Bound(String signal, boolean higherIsWorse, double slack) {
        /** Measured in percent of the component's capacity, so it has a saturation line. */
        boolean isCapacity() {
            return CAPACITY.contains(signal);
        }
    }

    private static final Set<String> CAPACITY = Set.of("cpu", "memory", "disk_used");

    /** Every signal a component may have; the first two are {@link #SIGNALS}. */
    static final List<Bound> BOUNDS = List.of(new Bound("error_rate", true, 0.5), new Bound("latency_p95", true, 20),
            new Bound("latency_p50", true, 20), new Bound("latency_p99", true, 20), new Bound("cpu", true, 5),
            new Bound("memory", true, 5), new Bound("disk_used", true, 2), new Bound("connections", true, 5),
            new Bound("queue_depth", true, 10), new Bound("replication_lag", true, 2), new Bound("request_rate", false, 1));
    private static final java.time.Duration RECENT = java.time.Duration.ofSeconds(15);

    /** A signal's limit: a ceiling, or for a signal where less is worse (traffic) a floor. */
    private record Limit(Bound bound, double value) {
        boolean exceededBy(double median) {
            return bound.higherIsWorse() ? median > value : median < value;
        }
    }

    private final Playbook.Verification criteria;
    private final List<String> watched;
    private final Map<String, Map<String, Limit>> limits;
    private final dev.firebreak.engine.heal.SignalHistory history;
    private final Map<String, HealthState> baseline;
    private final Instant start;
    private final Set<String> anomalousNeighbours = new TreeSet<>();
    private Instant wellSince;
    private Instant worseSince;

    /**
     * @param watched  the components whose recovery is judged (the symptom's, and the cause's unless the playbook works
     *                 around it)
     * @param baseline each watched component's health when the action started
     */
    public Verifier(Playbook.Verification criteria, List<String> watched, Map<String, HealthState> baseline, Instant start) {
        this(criteria, watched, baseline, start, dev.firebreak.engine.heal.SignalHistory.NONE, start);
    }

    /**
     * As above, also holding each watched component's signals to the level they had in the ten minutes before
     * {@code onset} (the 95th percentile x1.25 plus a little absolute slack; traffic to its 5th percentile /1.25).
     */
    public Verifier(Playbook.Verification criteria, List<String> watched, Map<String, HealthState> baseline, Instant start,
            dev.firebreak.engine.heal.SignalHistory history, Instant onset) {
        this.criteria = criteria;
        this.watched = List.copyOf(watched);
        this.baseline = Map.copyOf(baseline);
        this.start = start;
        this.history = history;
        Map<String, Map<String, Limit>> byComponent = new java.util.HashMap<>();
        for (String component : watched) {
            Map<String, Limit> forComponent = new java.util.LinkedHashMap<>();
            for (Bound bound : BOUNDS) {
                double[] before = finite(history.values(component, bound.signal(),
                        onset.minus(java.time.Duration.ofMinutes(10)), onset.minusSeconds(1)));
                if (before.length >= 30) {
                    double value = bound.higherIsWorse() ? quantile(before, 0.95) * CEILING_FACTOR + bound.slack()
                            : quantile(before, 0.05) / CEILING_FACTOR - bound.slack();
                    if (criteria.addsCapacity() && bound.isCapacity()) {
                        value = Math.max(value, MetricSpec.SATURATION_LINE_PERCENT);
                    }
                    forComponent.put(bound.signal(), new Limit(bound, value));
                }
            }
            byComponent.put(component, forComponent);
        }
        this.limits = Map.copyOf(byComponent);
    }

    /** The components judged. */
    public List<String> watched() {
        return watched;
    }

    /**
     * {@code component}'s signals beyond their level before the incident now (median of the last 15 s), with their
     * values: only the golden signals, or all it has.
     */
    private List<String> beyondTheirLevel(String component, Instant now, boolean goldenOnly) {
        List<String> beyond = new java.util.ArrayList<>();
        for (Limit limit : limits.getOrDefault(component, Map.of()).values()) {
            String signal = limit.bound().signal();
            if (goldenOnly && !SIGNALS.contains(signal)) {
                continue;
            }
            double[] recent = finite(history.values(component, signal, now.minus(RECENT), now));
            if (recent.length > 0) {
                double median = quantile(recent, 0.5);
                if (limit.exceededBy(median)) {
                    beyond.add(String.format(java.util.Locale.ROOT, "%s %s %.2f %s %s (%.2f)", component, signal, median,
                            limit.bound().higherIsWorse() ? "above" : "below", criteria.addsCapacity() && limit.bound()
                                    .isCapacity() ? "its level before the incident and the saturation line"
                                    : "its level before the incident", limit.value()));
                }
            }
        }
        return beyond;
    }

    /**
     * Every signal of the component back to its level before the incident, the golden ones among them: the metrics are
     * back even while detection still holds its verdict (its health comes back only after its own quiet spell, and the
     * hold here is the stability window already).
     */
    private boolean everySignalBack(String component, Instant now) {
        Map<String, Limit> own = limits.getOrDefault(component, Map.of());
        return own.keySet().containsAll(SIGNALS) && beyondTheirLevel(component, now, false).isEmpty();
    }

    private static double[] finite(double[] values) {
        return java.util.Arrays.stream(values).filter(Double::isFinite).toArray();
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** A neighbour (not part of the incident when the action started) was found anomalous after the action. */
    public void neighbourAnomalous(String componentId) {
        if (criteria.neighbours()) {
            anomalousNeighbours.add(componentId);
        }
    }

    public Optional<Result> observe(Instant now, java.util.function.Function<String, HealthAssessment> health) {
        boolean metricsOk = true;
        boolean checksOk = true;
        boolean worse = false;
        boolean better = false;
        StringBuilder state = new StringBuilder();
        List<String> lagging = new java.util.ArrayList<>();
        for (String component : watched) {
            HealthAssessment assessment = health.apply(component);
            boolean detectedBack = !assessment.detected().isWorseThan(HealthState.RECOVERING);
            if (!detectedBack && everySignalBack(component, now)) {
                detectedBack = true;
                lagging.add(component);
            }
            metricsOk &= detectedBack;
            checksOk &= !criteria.checks() || !assessment.checked().isWorseThan(HealthState.RECOVERING);
            HealthState before = baseline.getOrDefault(component, HealthState.HEALTHY);
            worse |= assessment.state().isWorseThan(before);
            better |= before.isWorseThan(assessment.state());
            state.append(state.isEmpty() ? "" : ", ").append(component).append(' ').append(before.name().toLowerCase())
                    .append(" -> ").append(assessment.state().name().toLowerCase());
        }
        List<String> above = new java.util.ArrayList<>();
        for (String component : watched) {
            above.addAll(beyondTheirLevel(component, now, true));
        }
        metricsOk &= above.isEmpty();
        if (!above.isEmpty()) {
            state.append("; ").append(String.join("; ", above));
        }
        if (!lagging.isEmpty()) {
            state.append("; every signal of ").append(String.join(", ", lagging))
                    .append(" back to its level before the incident").append(criteria.addsCapacity()
                            ? " (CPU, memory and disk under the saturation line: the playbook adds capacity)" : "")
                    .append(", detection's verdict not yet");
        }
        boolean neighboursOk = anomalousNeighbours.isEmpty();
        if (worse && !now.isBefore(start.plus(criteria.settle()))) {
            worseSince = worseSince == null ? now : worseSince;
            if (!now.isBefore(worseSince.plus(criteria.worseFor()))) {
                return Optional.of(new Result(VerificationOutcome.FAILED, "worse than before the action for "
                        + seconds(criteria.worseFor()) + ": " + state));
            }
        } else {
            worseSince = null;
        }
        if (metricsOk && checksOk && neighboursOk) {
            wellSince = wellSince == null ? now : wellSince;
            if (!now.isBefore(wellSince.plus(criteria.hold()))) {
                return Optional.of(new Result(VerificationOutcome.SUCCESS, "back in band with checks passing and quiet"
                        + " neighbours for " + seconds(criteria.hold()) + ": " + state));
            }
        } else {
            wellSince = null;
        }
        if (now.isBefore(start.plus(criteria.timeout()))) {
            return Optional.empty();
        }
        String after = " after " + seconds(criteria.timeout()) + ": " + state;
        if (metricsOk && checksOk) {
            return Optional.of(new Result(VerificationOutcome.PARTIAL, "recovered, but neighbours turned anomalous "
                    + anomalousNeighbours + after));
        }
        if (metricsOk != checksOk) {
            return Optional.of(new Result(VerificationOutcome.UNCERTAIN, (metricsOk ? "metrics back in band but checks"
                    + " failing" : "checks passing but metrics still out of band") + after));
        }
        if (better) {
            return Optional.of(new Result(VerificationOutcome.PARTIAL, "better but not recovered" + after));
        }
        return Optional.of(new Result(VerificationOutcome.TIMED_OUT, "no recovery" + after));
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }
}
