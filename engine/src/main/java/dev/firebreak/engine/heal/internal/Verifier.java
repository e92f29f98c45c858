package dev.firebreak.engine.heal.internal;

import dev.firebreak.engine.assess.HealthAssessment;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.heal.Playbook;
import dev.firebreak.engine.heal.VerificationOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Judges one action after its run (self-healing-system.md 8), one observation a simulated second: the watched components'
 * metrics back inside their bands (detection's health no worse than recovering, and their error rate and p95 latency
 * back to the level they had before the incident, since detection's bands adapt to a fault that goes on) and their
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
    /** How far above the 95th percentile of its level before the incident a signal may be and count as back. */
    static final double CEILING_FACTOR = 1.25;
    /** Absolute slack on top, per signal (percentage points of errors, milliseconds), so a near-zero level is no trap. */
    static final Map<String, Double> CEILING_SLACK = Map.of("error_rate", 0.5, "latency_p95", 20.0);
    private static final java.time.Duration RECENT = java.time.Duration.ofSeconds(15);

    private final Playbook.Verification criteria;
    private final List<String> watched;
    private final Map<String, Map<String, Double>> ceilings;
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
     * As above, also holding each watched component's error rate and p95 latency to the level they had in the ten
     * minutes before {@code onset} (the 95th percentile, x1.25, plus a little absolute slack).
     */
    public Verifier(Playbook.Verification criteria, List<String> watched, Map<String, HealthState> baseline, Instant start,
            dev.firebreak.engine.heal.SignalHistory history, Instant onset) {
        this.criteria = criteria;
        this.watched = List.copyOf(watched);
        this.baseline = Map.copyOf(baseline);
        this.start = start;
        this.history = history;
        Map<String, Map<String, Double>> limits = new java.util.HashMap<>();
        for (String component : watched) {
            Map<String, Double> forComponent = new java.util.HashMap<>();
            for (String signal : SIGNALS) {
                double[] before = finite(history.values(component, signal, onset.minus(java.time.Duration.ofMinutes(10)),
                        onset.minusSeconds(1)));
                if (before.length >= 30) {
                    forComponent.put(signal, quantile(before, 0.95) * CEILING_FACTOR + CEILING_SLACK.get(signal));
                }
            }
            limits.put(component, Map.copyOf(forComponent));
        }
        this.ceilings = Map.copyOf(limits);
    }

    /** Signals of {@code component} above their pre-incident level now (median of the last 15 s), with their values. */
    private List<String> aboveTheirLevel(String component, Instant now) {
        List<String> above = new java.util.ArrayList<>();
        for (Map.Entry<String, Double> ceiling : ceilings.getOrDefault(component, Map.of()).entrySet()) {
            double[] recent = finite(history.values(component, ceiling.getKey(), now.minus(RECENT), now));
            if (recent.length > 0) {
                double median = quantile(recent, 0.5);
                if (median > ceiling.getValue()) {
                    above.add(String.format(java.util.Locale.ROOT, "%s %s %.2f above its level before the incident (%.2f)",
                            component, ceiling.getKey(), median, ceiling.getValue()));
                }
            }
        }
        return above;
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
        for (String component : watched) {
            HealthAssessment assessment = health.apply(component);
            metricsOk &= !assessment.detected().isWorseThan(HealthState.RECOVERING);
            checksOk &= !criteria.checks() || !assessment.checked().isWorseThan(HealthState.RECOVERING);
            HealthState before = baseline.getOrDefault(component, HealthState.HEALTHY);
            worse |= assessment.state().isWorseThan(before);
            better |= before.isWorseThan(assessment.state());
            state.append(state.isEmpty() ? "" : ", ").append(component).append(' ').append(before.name().toLowerCase())
                    .append(" -> ").append(assessment.state().name().toLowerCase());
        }
        List<String> above = new java.util.ArrayList<>();
        for (String component : watched) {
            above.addAll(aboveTheirLevel(component, now));
        }
        metricsOk &= above.isEmpty();
        if (!above.isEmpty()) {
            state.append("; ").append(String.join("; ", above));
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
