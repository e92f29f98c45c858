package dev.firebreak.engine.rca.internal;

import dev.firebreak.engine.rca.Cause;
import dev.firebreak.engine.rca.ChangeRecord;
import dev.firebreak.engine.rca.MetricSpec;
import dev.firebreak.engine.rca.RcaInput;
import dev.firebreak.engine.rca.SimilarIncident;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Names a candidate's likely fault and writes its evidence in plain sentences. */
final class CauseWriter {

    /** Samples since a memory rise's onset needed to tell a climb from a step. */
    private static final int SHAPE_SAMPLES = 20;
    /** Samples the trend of a memory rise is read from, at most. */
    private static final int SHAPE_POINTS = 200;
    /** Appended to "resource exhaustion: memory": it kept climbing (a leak), or rose at once and holds (pressure). */
    private static final String STILL_RISING = ", still rising";
    private static final String STEPPED_UP = ", stepped up and holding";

    private final RcaInput input;
    private final Map<Integer, NodeState> states;
    private final int[][] callers;
    private final double threshold;
    private final List<SimilarIncident> similar;
    private final long[] times;

    CauseWriter(RcaInput input, Map<Integer, NodeState> states, int[][] callers, double threshold,
            List<SimilarIncident> similar) {
        this.input = input;
        this.states = states;
        this.callers = callers;
        this.threshold = threshold;
        this.similar = similar;
        this.times = input.times();
    }

    Cause write(NodeState s, double confidence, boolean detailed) {
        Optional<ChangeRecord> change = changeBefore(s);
        String kind = kind(s, change);
        List<String> path = path(s);
        if (!detailed) {
            return new Cause(s.id, kind, confidence, s.combined, List.of(), path, onset(s));
        }
        List<String> evidence = new ArrayList<>();
        moved(s, evidence);
        if (s.explainedBy >= 0) {
            NodeState by = states.get(s.explainedBy);
            evidence.add("its callee " + by.id + " moved " + (by.onset < s.onset ? "before it" : "with it")
                    + ", so its own anomaly may be passed on from there");
        }
        if (s.seenInsideBy >= 0) {
            evidence.add("it reports nothing of its own: its callers measured this; " + states.get(s.seenInsideBy).id
                    + ", called by the same caller, moved with it and measures it from inside");
        }
        boolean ownQuiet = s.readings.stream().noneMatch(r -> r.moved(threshold) && !r.label().startsWith(Analysis.CALLS_FROM));
        boolean callsMoved = s.readings.stream().anyMatch(r -> r.moved(threshold) && r.label().startsWith(Analysis.CALLS_FROM));
        if (ownQuiet && callsMoved) {
            evidence.add("no metric of its own moved: its callers' calls to it did");
        }
        if (s.losesCallsOf >= 0) {
            evidence.add(states.get(s.losesCallsOf).id + " loses its calls to it at its own end: what moved here may be"
                    + " those calls hanging or retried, passed down");
        }
        if (s.linkPartner >= 0) {
            String other = states.get(s.linkPartner).id;
            evidence.add("only " + other + "'s calls to it fail, beyond what it answered with, and nothing else is lost"
                    + " at either end: the link between them, or " + other + "'s end of it, is as likely");
        }
        if (losesCallsAtItsEnd(s)) {
            evidence.add("calls to it and from it are lost on the way: the network at this node (packet loss, a cut"
                    + " link) rather than any one callee");
        } else if (lossAtItsEnd(s)) {
            evidence.add("its callers lose their calls to it beyond what it answered, while its own error rate did not"
                    + " move: what reached it was answered, so the network at its end loses the rest");
        } else if (callsRefused(s)) {
            evidence.add("its calls fail at once, with no wait for a timeout: its callees answer them and refuse them,"
                    + " so what it sends is wrong (its clock, credentials or quota) rather than the network or a callee");
        }
        if (s.lostTraffic) {
            evidence.add("its requests dropped while its callers kept sending and failed: their calls to it are lost");
        }
        if (s.loadFromAbove) {
            evidence.add("its traffic moved after its callers' did: it may just be called more");
        }
        if (path.size() > 1) {
            evidence.add("call path from the symptom: " + String.join(" -> ", path));
        }
        if (input.down().contains(s.id)) {
            evidence.add("its own checks found instances it should have not serving during this incident");
        }
        change.ifPresent(c -> evidence.add(c.kind() + " '" + c.description() + "' on " + s.id + " at "
                + Instant.ofEpochSecond(c.epochSecond()) + ", " + relative(input.symptom().epochSecond() - c.epochSecond())));
        for (SimilarIncident like : similar) {
            if (like.incident().cause().equals(s.id)) {
                evidence.add(String.format(Locale.ROOT, "resembles %s (%.0f %% of what moved is shared), where a person %s"
                        + " %s as the cause (%s)%s", like.incident().reference(), 100 * like.similarity(),
                        like.incident().confirmed() ? "confirmed" : "rejected", s.id, like.incident().kind(),
                        like.incident().resolution().isBlank() ? "" : "; resolved by: " + like.incident().resolution()));
                break;
            }
        }
        if (evidence.isEmpty()) {
            evidence.add("none of its metrics moved beyond " + fmt(threshold) + " deviations from normal");
        }
        return new Cause(s.id, kind, confidence, s.combined, evidence, path, onset(s));
    }

    private static Optional<Instant> onset(NodeState s) {
        return s.moved && s.onset != Long.MAX_VALUE ? Optional.of(Instant.ofEpochSecond(s.onset)) : Optional.empty();
    }

    private void moved(NodeState s, List<String> evidence) {
        List<MetricReading> moved = new ArrayList<>(s.readings.stream().filter(r -> r.moved(threshold)).toList());
        // its own metrics first: what its callers saw of it follows from them (and their 5 s buckets can place an
        // onset a few seconds early)
        moved.sort(Comparator.comparing((MetricReading r) -> r.label().startsWith(Analysis.CALLS_FROM))
                .thenComparingLong(MetricReading::onset)
                .thenComparing(Comparator.comparingDouble(MetricReading::deviation).reversed()));
        int shown = 0;
        for (MetricReading r : moved) {
            if (shown++ == 3) {
                evidence.add((moved.size() - 3) + " more of its metrics moved");
                break;
            }
            evidence.add(String.format(Locale.ROOT, "%s %s at %s, %s deviations %s normal (%s -> %s)", r.label(),
                    shown == 1 ? "moved first" : "moved", Instant.ofEpochSecond(r.onset()), fmt(r.deviation()),
                    r.reached() >= r.normal() ? "above" : "below", fmt(r.normal()), fmt(r.reached())));
        }
    }

    private String kind(NodeState s, Optional<ChangeRecord> change) {
        if (change.isPresent() && s.moved) {
            ChangeRecord c = change.get();
            if (c.isDeployment()) {
                return "bad deployment " + (c.version().isBlank() ? c.description() : c.version());
            }
            return "bad " + c.kind() + " (" + c.description() + ")";
        }
        if (input.down().contains(s.id)) {
            return Cause.DOWN_KIND;
        }
        if (losesCallsAtItsEnd(s)) {
            return Cause.LOST_AT_BOTH_ENDS_KIND;
        }
        if (lossAtItsEnd(s)) {
            return Cause.LOST_AT_ITS_END_KIND;
        }
        if (callsRefused(s)) {
            return "its calls are refused: what it sends is turned away (clock, credentials, quota)";
        }
        boolean ownQuiet = s.readings.stream().noneMatch(r -> r.moved(threshold) && !r.label().startsWith(Analysis.CALLS_FROM));
        if (onTheLink(s)) {
            return Cause.LINK_KIND;
        }
        if (ownQuiet && s.moved || s.lostTraffic) {
            return "dependency failing: calls to it fail";
        }
        if (!s.moved) {
            return "no anomaly of its own";
        }
        MetricReading fault = s.strongestFault != null && s.strongestFault.moved(threshold) ? s.strongestFault
                : s.readings.stream().filter(r -> r.spec().role() != MetricSpec.Role.TRAFFIC)
                        .max(Comparator.comparingDouble(MetricReading::deviation)).orElse(null);
        boolean ownSymptoms = s.readings.stream().anyMatch(r -> r.moved(threshold) && ownSymptom(r));
        if (fault == null || !fault.moved(threshold)) {
            return "traffic " + (trafficUp(s) ? "surge" : "drop") + (s.loadFromAbove ? " from its callers" : "");
        }
        if (fault.label().startsWith(Analysis.CALLS_FROM)) {
            // its callers' calls failing are what its own trouble does to them; only without any, they are the fault
            MetricReading own = s.readings.stream().filter(r -> r.moved(threshold) && r.spec().role() != MetricSpec.Role.TRAFFIC
                    && !r.label().startsWith(Analysis.CALLS_FROM)).max(Comparator.comparingDouble(MetricReading::deviation))
                    .orElse(null);
            if (own == null) {
                return "dependency failing: calls to it fail";
            }
            fault = own;
        }
        fault = saturatedFirst(s, fault);
        return switch (fault.spec().role()) {
            case RESOURCE -> !ownSymptoms && callersFailing(s) ? "dependency failing: calls to it fail or hang ("
                    + fault.spec().resource() + " up)" : "resource exhaustion: " + fault.spec().resource() + shape(s, fault);
            case LATENCY -> s.explainedBy >= 0 ? "slow because a callee is slow" : "latency in its own handling";
            case ERRORS -> s.explainedBy >= 0 ? "failing because a callee fails" : "errors in its own handling";
            case TRAFFIC -> "traffic change";
        };
    }

    /**
     * Errors or latency of its own that a saturated resource of the node moved before or with: the resource is the
     * mechanism and so the cause (saturation explains errors, as the USE method reads them), however far each moved
     * in its own scale. Only a resource measured against the node's capacity and at its saturation line counts (CPU,
     * memory, disk at 90 %), or CPU below it whose queueing alone accounts for the slowdown: a resource that merely rose
     * rises with the work a slower node holds, and connections in use and queues grow with latency itself.
     */
    private MetricReading saturatedFirst(NodeState s, MetricReading fault) {
        if (!ownSymptom(fault)) {
            return fault;
        }
        return s.readings.stream().filter(r -> r.spec().role() == MetricSpec.Role.RESOURCE && r.moved(threshold)
                        && (r.reached() >= r.spec().saturatedAt() || queueingExplains(r, fault))
                        && r.onset() <= fault.onset())
                .min(Comparator.comparingLong(MetricReading::onset)
                        .thenComparing(Comparator.comparingDouble(MetricReading::deviation).reversed()))
                .orElse(fault);
    }

    /**
     * CPU short of its saturation line that alone accounts for the node's slowdown. A queue's response time grows as
     * 1 / (1 - utilisation), every percentile alike (M/M/1), so CPU taken from 30 % to 87 % makes answers up to 5.4
     * times slower by itself; when that covers the whole slowdown seen, the CPU is the mechanism (ADR 0050). CPU that
     * merely rose with the work of a node slowed by something else (a bandwidth limit: 30 to 40 %, 1.2 times, its
     * latency 3 times) explains little of it. Only CPU, measured in percent of capacity: memory and disk do not queue.
     */
    static boolean queueingExplains(MetricReading resource, MetricReading latency) {
        if (latency.spec().role() != MetricSpec.Role.LATENCY || !"CPU".equals(resource.spec().resource())
                || !Double.isFinite(resource.spec().saturatedAt())) {
            return false;
        }
        double idleBefore = 100 - resource.normal();
        double idleNow = 100 - resource.reached();
        double slowdown = latency.reached() / latency.normal();
        if (!(idleBefore > 0) || !(latency.normal() > 0) || !(slowdown > 1)) {
            return false;
        }
        return idleNow <= 0 || idleBefore / idleNow >= slowdown;
    }

    /**
     * How memory moved after its onset: a leak keeps climbing, pressure from outside steps up and holds. A restart
     * clears only the first, so a playbook can tell them apart. The trend is the Theil-Sen slope of the samples since
     * the onset (the median of the slopes between every two of them, so a restart's drop in a leak that goes on
     * climbing does not hide the climb); what it adds over half that stretch, in the normal period's scale, against
     * the anomaly threshold: above it still rising, within it holding. Memory that came down by as much, and a rise
     * with fewer than {@link #SHAPE_SAMPLES} samples since its onset, stay unqualified, and so does a climb below the
     * saturation line that began with the node's own latency or errors: a slower node holds more work at once, and its
     * memory rises with it (ADR 0045), which a restart would not cure.
     */
    private String shape(NodeState s, MetricReading fault) {
        if (!"memory".equals(fault.spec().resource()) || fault.series() == null || fault.onset() == Long.MAX_VALUE
                || !(fault.deviation() > 0)) {
            return "";
        }
        if (fault.reached() < fault.spec().saturatedAt() && s.readings.stream().anyMatch(r -> r.moved(threshold)
                && ownSymptom(r) && r.onset() <= fault.onset())) {
            return "";
        }
        double scale = (fault.reached() - fault.normal()) / fault.deviation();
        int from = lowerBound(fault.onset());
        int until = lowerBound(input.anomalous().until());
        // at most SHAPE_POINTS evenly spaced samples: the pairs grow with their square
        int stride = Math.max(1, (until - from + SHAPE_POINTS - 1) / SHAPE_POINTS);
        double[] value = new double[SHAPE_POINTS + 1];
        long[] at = new long[SHAPE_POINTS + 1];
        int n = 0;
        for (int i = from; i < until; i += stride) {
            if (!Double.isNaN(fault.series()[i])) {
                value[n] = fault.series()[i];
                at[n++] = times[i];
            }
        }
        if (n < SHAPE_SAMPLES || !(scale > 0)) {
            return "";
        }
        double[] slopes = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                slopes[k++] = (value[j] - value[i]) / (at[j] - at[i]);
            }
        }
        double slope = RobustStats.quantile(slopes, k, 0.5);
        double climb = slope * (at[n - 1] - at[0]) / 2 / scale;
        if (climb <= -threshold) {
            return ""; // it came down since (a cap, pressure ending): the shape of its rise is no longer in view
        }
        return climb >= threshold ? STILL_RISING : STEPPED_UP;
    }

    private int lowerBound(long epochSecond) {
        int i = Arrays.binarySearch(times, epochSecond);
        return i >= 0 ? i : -i - 1;
    }

    private boolean losesCallsAtItsEnd(NodeState s) {
        return hasMoved(s, Analysis.LOST_CALLS_TO);
    }

    /** Lost calls gather at it while it answered as before; not a node whose requests stopped arriving at all. */
    private static boolean lossAtItsEnd(NodeState s) {
        return s.lossAtItsEnd && !s.lostTraffic;
    }

    private boolean callsRefused(NodeState s) {
        return hasMoved(s, Analysis.REFUSED_CALLS_BY);
    }

    private boolean hasMoved(NodeState s, String labelPrefix) {
        return s.readings.stream().anyMatch(r -> r.moved(threshold) && r.label().startsWith(labelPrefix));
    }

    private boolean trafficUp(NodeState s) {
        return s.readings.stream().filter(r -> r.spec().role() == MetricSpec.Role.TRAFFIC)
                .max(Comparator.comparingDouble(MetricReading::deviation))
                .map(r -> r.reached() >= r.normal()).orElse(true);
    }

    /**
     * One caller's calls to it fail and nothing else is lost at either end, while its own latency and errors stay
     * normal: it answers everyone else, so restarting or scaling it cannot help; the link (or one of its ends) is where
     * the fault is. Its own resources may move (connections held by the hanging calls), which is not its own trouble.
     */
    static boolean onTheLink(NodeState s, double threshold) {
        return s.linkPartner >= 0 && s.moved && s.readings.stream().noneMatch(r -> r.moved(threshold) && ownSymptom(r));
    }

    /** The node's own latency or errors, as it reports them (not its callers' view of their calls to it). */
    private static boolean ownSymptom(MetricReading r) {
        return (r.spec().role() == MetricSpec.Role.LATENCY || r.spec().role() == MetricSpec.Role.ERRORS)
                && !r.label().startsWith(Analysis.CALLS_FROM);
    }

    private boolean onTheLink(NodeState s) {
        return onTheLink(s, threshold);
    }

    private boolean callersFailing(NodeState s) {
        for (int p : callers[s.index]) {
            NodeState caller = states.get(p);
            if (caller != null && caller.faultMoved(threshold)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The change that explains the node: the latest one in the look-back up to the symptom; only when there is none,
     * the first one during the anomalous period. A later change (the fix-forward or rollback that ended the fault)
     * must not take the place of the one that started it.
     */
    private Optional<ChangeRecord> changeBefore(NodeState s) {
        ChangeRecord before = null;
        ChangeRecord during = null;
        long symptom = input.symptom().epochSecond();
        for (ChangeRecord c : input.changes()) {
            if (!c.node().equals(s.id) || c.epochSecond() > input.anomalous().until()
                    || c.epochSecond() < input.anomalous().from() - 15 * 60) {
                continue;
            }
            if (c.epochSecond() <= symptom) {
                if (before == null || c.epochSecond() > before.epochSecond()) {
                    before = c;
                }
            } else if (during == null || c.epochSecond() < during.epochSecond()) {
                during = c;
            }
        }
        return Optional.ofNullable(before != null ? before : during);
    }

    private List<String> path(NodeState s) {
        NodeState partner = s.linkPartner < 0 ? null : states.get(s.linkPartner);
        if (partner != null && onTheLink(s)) {
            // the fault is on the link: the path reaches it through the caller at its other end
            List<String> through = path(partner);
            if (!through.contains(s.id)) {
                through.add(s.id);
                return through;
            }
        }
        List<String> path = new ArrayList<>();
        NodeState at = s;
        while (at != null) {
            path.add(at.id);
            at = at.parent < 0 ? null : states.get(at.parent);
        }
        Collections.reverse(path);
        return path;
    }

    /** "90 s before the symptom", "12 min after the symptom": {@code seconds} is the symptom's time less the change's. */
    private static String relative(long seconds) {
        long magnitude = Math.abs(seconds);
        String span = magnitude < 120 ? magnitude + " s" : (magnitude / 60) + " min";
        return span + (seconds >= 0 ? " before" : " after") + " the symptom";
    }

    static String fmt(double value) {
        double a = Math.abs(value);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
