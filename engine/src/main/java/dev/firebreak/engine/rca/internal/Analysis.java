package dev.firebreak.engine.rca.internal;

import dev.firebreak.engine.rca.CallGraph;
import dev.firebreak.engine.rca.Cause;
import dev.firebreak.engine.rca.ChangeRecord;
import dev.firebreak.engine.rca.Diagnosis;
import dev.firebreak.engine.rca.MetricSpec;
import dev.firebreak.engine.rca.PastIncident;
import dev.firebreak.engine.rca.RcaConfig;
import dev.firebreak.engine.rca.RcaInput;
import dev.firebreak.engine.rca.RcaMethod;
import dev.firebreak.engine.rca.SimilarIncident;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * One run of root-cause analysis. The candidates are the symptom's node, the incident's other nodes and everything
 * they call, directly or not: a fault travels up the calls (a failing callee fails its callers), so a cause lies
 * below what hurts. Each method scores every candidate in [0, 1]; the combined score is their weighted mean.
 */
public final class Analysis {

    /** Weights of the methods in the combined score; onset ordering carries the graph's main argument. */
    private static final Map<RcaMethod, Double> WEIGHTS = Map.of(RcaMethod.ROBUST_CHANGE, 1.0, RcaMethod.ONSET_ORDER, 2.0,
            RcaMethod.RANDOM_WALK, 1.0, RcaMethod.CHANGE_EVENTS, 1.0, RcaMethod.SIMILARITY, 1.0);
    /** A node explained by a callee keeps this share of its onset score: it is still on the path. */
    private static final double EXPLAINED_SHARE = 0.15;
    /** Load from above halves what the node's own metrics say: busy because called more, not broken. */
    private static final double LOAD_SHARE = 0.5;
    /** A node seen only from outside, whose instrumented sibling moved with it, draws the walk half as much. */
    private static final double OUTSIDE_VIEW_SHARE = 0.5;
    /** With nothing moved, the flagged node leads the best noise-sized score by this factor. */
    private static final double NOTHING_MOVED_LEAD = 1.1;
    private static final int SIMULTANEOUS_STEPS = 5;
    /** Sharpening of the raw share: a clear winner should read as one. */
    private static final double SHARE_POWER = 4;
    /** Causes after this rank get kind and evidence only from their strongest metric. */
    private static final int DETAILED = 10;
    /** No timeout sits below this quantile of a callee's normal latency. */
    private static final double TIMEOUT_FLOOR_QUANTILE = 0.95;

    private final RcaConfig config;
    private final RcaInput input;
    private final long[] times;
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Integer> indexOf = new HashMap<>();
    private int[][] callees;
    private boolean[] observedOnly;
    /** The first sample of the normal period's recent part: correlations span it and the anomalous period. */
    private int recentFrom;
    private int[][] callers;
    private final Map<Integer, NodeState> states = new HashMap<>();
    private final List<NodeState> candidates = new ArrayList<>();
    /** Callers of the candidates that are not candidates themselves: their anomalies are what a cause explains. */
    private final List<NodeState> context = new ArrayList<>();
    /** Candidates nothing detection flagged points at, left unread ({@link #leaveOutWhatNothingPointsAt()}). */
    private final Set<String> unread = new java.util.HashSet<>();
    /** Calls that failed beyond what their callee answered with, read before they are given to an end. */
    private final List<Loss> losses = new ArrayList<>();

    /** A call's failures beyond what its callee answered with, and the reading of that excess. */
    private record Loss(int caller, int callee, MetricReading reading) {
    }

    private final NormalSummaries summaries;
    private double[] lostScratch;

    public Analysis(RcaConfig config, RcaInput input) {
        this(config, input, null);
    }

    /** With {@code summaries}, normal summaries of a source with a stable history are kept for the next analysis. */
    public Analysis(RcaConfig config, RcaInput input, NormalSummaries summaries) {
        this.summaries = summaries;
        this.config = config;
        this.input = input;
        this.times = input.times();
    }

    public Diagnosis run() {
        CallGraph graph = input.graph();
        if (graph.nodes().isEmpty()) {
            notes.add("the call graph is empty: there is nothing to blame");
            return new Diagnosis(input.symptom(), List.of(), Set.of(), notes, List.of());
        }
        index(graph);
        int[] window = window();
        if (window == null) {
            return new Diagnosis(input.symptom(), List.of(), Set.of(), notes, List.of());
        }
        findCandidates();
        leaveOutWhatNothingPointsAt();
        findContext();
        MetricSpec.Role symptomRole = Optional.ofNullable(input.metrics().get(input.symptom().metric()))
                .map(MetricSpec::role).orElse(null);
        read(window, symptomRole);
        double threshold = config.anomalyThreshold();
        candidates.forEach(s -> s.summarise(threshold, symptomRole));
        context.forEach(s -> s.summarise(threshold, symptomRole));
        foundDown(window);
        new Explanations(candidates, states, callees, callers, observedOnly, threshold, tolerance(window)).apply();
        scoreRobust();
        if (config.uses(RcaMethod.ONSET_ORDER)) {
            scoreOnset();
        }
        if (config.uses(RcaMethod.RANDOM_WALK)) {
            new PersonalisedWalk(candidates, states, callees, callers, config.walkRestart(), recentFrom, window[3],
                    ownScore(), symptomSeries()).apply();
        }
        if (config.uses(RcaMethod.CHANGE_EVENTS)) {
            scoreChanges();
        }
        Set<String> signature = signature();
        List<SimilarIncident> similar = config.uses(RcaMethod.SIMILARITY) ? scoreSimilarity(signature) : List.of();
        combine();
        whenNothingMoved();
        return new Diagnosis(input.symptom(), causes(similar), signature, notes, similar);
    }

    /**
     * Five sampling steps of the anomalous period: onsets this close are simultaneous (a fault reaches a caller within
     * a sample or two, and rates, averaged over their window, move a few samples late).
     */
    private long tolerance(int[] window) {
        int from = window[2];
        int until = window[3];
        if (until - from < 2) {
            return from > 0 ? SIMULTANEOUS_STEPS * (times[from] - times[from - 1]) : 0;
        }
        return SIMULTANEOUS_STEPS * (times[until - 1] - times[from]) / (until - from - 1);
    }

    private void index(CallGraph graph) {
        List<String> nodes = graph.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            indexOf.put(nodes.get(i), i);
        }
        List<List<Integer>> down = new ArrayList<>();
        List<List<Integer>> up = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            down.add(new ArrayList<>());
            up.add(new ArrayList<>());
        }
        for (CallGraph.Call call : graph.calls()) {
            int caller = indexOf.get(call.caller());
            int callee = indexOf.get(call.callee());
            down.get(caller).add(callee);
            up.get(callee).add(caller);
        }
        observedOnly = new boolean[nodes.size()];
        graph.observedOnly().forEach(n -> observedOnly[indexOf.get(n)] = true);
        callees = down.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        callers = up.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    /** Sample indices {normalFrom, normalUntil, anomalousFrom, anomalousUntil}; null (with a note) if one is empty. */
    private int[] window() {
        int nf = lowerBound(input.normal().from());
        int nu = lowerBound(input.normal().until());
        int af = lowerBound(input.anomalous().from());
        int au = lowerBound(input.anomalous().until());
        nu = Math.min(nu, af);
        if (nu - nf < Readings.MIN_NORMAL_SAMPLES) {
            notes.add("the normal period " + input.normal() + " holds " + Math.max(0, nu - nf) + " samples, fewer than "
                    + Readings.MIN_NORMAL_SAMPLES + ": nothing to compare with");
            return null;
        }
        if (au <= af) {
            notes.add("the anomalous period " + input.anomalous() + " holds no samples");
            return null;
        }
        return new int[] {nf, nu, af, au};
    }

    private int lowerBound(long epochSecond) {
        int i = Arrays.binarySearch(times, epochSecond);
        return i >= 0 ? i : -i - 1;
    }

    /** Breadth first from the symptom's node and then the incident's other nodes, down the calls. */
    private void findCandidates() {
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        List<String> roots = new ArrayList<>();
        roots.add(input.symptom().node());
        roots.addAll(input.affected());
        for (String root : roots) {
            int r = indexOf.get(root);
            if (!states.containsKey(r)) {
                NodeState s = new NodeState(r, root);
                states.put(r, s);
                s.candidate = true;
                candidates.add(s);
                queue.add(r);
            }
        }
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (int c : callees[u]) {
                if (!states.containsKey(c)) {
                    NodeState s = new NodeState(c, input.graph().nodes().get(c));
                    s.depth = states.get(u).depth + 1;
                    s.parent = u;
                    states.put(c, s);
                    s.candidate = true;
                    candidates.add(s);
                    queue.add(c);
                }
            }
        }
    }

    /**
     * With detection's flags, the candidates nothing points at are not read: neither flagged, down nor changed, not
     * called by a flagged node or one of the incident's (a callee whose own metrics hold while its callers' calls to
     * it fail), and no call path from them leads to such a node. What is kept is closed upwards within the
     * candidates, so every call path from the symptom to a kept node is kept whole and each kept node's parent with it.
     */
    private void leaveOutWhatNothingPointsAt() {
        if (input.flagged().isEmpty()) {
            return;
        }
        boolean[] pointed = new boolean[indexOf.size()];
        List<String> evidence = new ArrayList<>(input.down());
        input.changes().forEach(c -> evidence.add(c.node()));
        for (String node : evidence) {
            Integer i = indexOf.get(node);
            if (i != null) {
                pointed[i] = true;
            }
        }
        // flagged nodes and the incident's own: pointed at, and so is everything they call
        List<String> callingInto = new ArrayList<>(input.flagged());
        callingInto.add(input.symptom().node());
        callingInto.addAll(input.affected());
        for (String node : callingInto) {
            Integer i = indexOf.get(node);
            if (i != null) {
                pointed[i] = true;
                for (int c : callees[i]) {
                    pointed[c] = true;
                }
            }
        }
        // a backward sweep of the breadth-first order settles most candidates at once (callees are mostly found
        // after their callers); sweeping until nothing changes settles a callee found earlier by another path
        boolean[] keep = new boolean[indexOf.size()];
        candidates.forEach(s -> keep[s.index] = pointed[s.index]);
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int k = candidates.size() - 1; k >= 0; k--) {
                NodeState s = candidates.get(k);
                if (keep[s.index]) {
                    continue;
                }
                for (int c : callees[s.index]) {
                    NodeState callee = states.get(c);
                    if (keep[c] && callee != null && callee.candidate) {
                        keep[s.index] = true;
                        changed = true;
                        break;
                    }
                }
            }
        }
        int before = candidates.size();
        candidates.removeIf(s -> {
            if (keep[s.index]) {
                return false;
            }
            states.remove(s.index);
            unread.add(s.id);
            return true;
        });
        if (candidates.size() < before) {
            notes.add((before - candidates.size()) + " of " + before + " candidate components were not read: detection"
                    + " flagged none of them, and none is on a call path to one it flagged");
        }
    }

    /** Up the calls from the candidates: every node whose anomaly a candidate could explain. */
    private void findContext() {
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        candidates.forEach(s -> queue.add(s.index));
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (int p : callers[u]) {
                if (!states.containsKey(p)) {
                    NodeState s = new NodeState(p, input.graph().nodes().get(p));
                    states.put(p, s);
                    context.add(s);
                    queue.add(p);
                }
            }
        }
    }

    private void read(int[] window, MetricSpec.Role symptomRole) {
        recentFrom = lowerBound(times[window[1] - 1] + 1 - config.recentLevelSeconds());
        Readings readings = new Readings(times, window[0], window[1], recentFrom, window[2], window[3],
                config.anomalyThreshold(), summaries, input.series().history());
        List<MetricSpec> specs = input.metrics().values().stream().sorted(Comparator.comparing(MetricSpec::name)).toList();
        // a caller outside the candidates is read for whether it suffers the symptom's kind of trouble and whether its
        // traffic moved; its resources say nothing about a fault below it (and are half of a large graph's series)
        List<MetricSpec> contextSpecs = specs.stream().filter(spec -> spec.role() == MetricSpec.Role.TRAFFIC
                || spec.role() != MetricSpec.Role.RESOURCE && NodeState.explains(spec.role(), symptomRole)).toList();
        List<NodeState> all = new ArrayList<>(candidates);
        all.addAll(context);
        String errors = errorsMetric();
        // the calls' horizon as a sample index: past the axis when they are as complete as the rest
        OptionalLong reported = input.series().callsReportedUntil();
        int callsUntil = reported.isPresent() ? lowerBound(reported.getAsLong()) : times.length;
        Map<Long, Optional<double[]>> callsRead = new HashMap<>();
        Map<Integer, Readings> byHorizon = new HashMap<>();
        // a caller's series is summarised and dropped (only the candidates' are correlated later): one buffer serves all
        double[] scratch = new double[times.length];
        for (NodeState s : all) {
            Readings own = errors == null ? readings
                    : ownReadings(s, errors, callsUntil, window, readings, byHorizon, callsRead);
            for (MetricSpec spec : s.candidate ? specs : contextSpecs) {
                Optional<double[]> series = s.candidate ? input.series().series(s.id, spec.name())
                        : input.series().seriesInto(s.id, spec.name(), scratch) ? Optional.of(scratch) : Optional.empty();
                Optional<MetricReading> reading = series.flatMap(v -> own.read(spec, v, s.id + "/" + spec.name()))
                        .map(r -> s.candidate ? r : r.withoutSeries());
                if (reading.isPresent()) {
                    s.readings.add(reading.get());
                } else if (series.isPresent()) {
                    s.missing.add(spec.name() + " (too few samples in the normal period)");
                }
                for (int p : callers[s.index]) {
                    String caller = input.graph().nodes().get(p);
                    Optional<double[]> calls = spec.name().equals(errors) && callsRead.containsKey(callKey(p, s.index))
                            ? callsRead.get(callKey(p, s.index))
                            : input.series().callSeries(caller, s.id, spec.name());
                    calls.flatMap(v -> readings.read(spec, v, caller + " -> " + s.id + "/" + spec.name()))
                            .ifPresent(r -> s.readings.add(new MetricReading(r.spec(), r.deviation(), r.onset(), r.normal(),
                                    r.reached(), r.series(), CALLS_FROM + caller + ": " + spec.name())));
                    if (spec.role() == MetricSpec.Role.ERRORS && calls.isPresent() && series.isPresent()) {
                        readLoss(readings, spec, p, s, calls.get(), series.get());
                    }
                }
            }
        }
        attributeLosses();
        NodeState symptom = states.get(indexOf.get(input.symptom().node()));
        boolean hasMetric = symptom.readings.stream().anyMatch(r -> r.spec().name().equals(input.symptom().metric()));
        if (!hasMetric && !input.symptom().metric().isBlank()) {
            notes.add("the symptom's metric '" + input.symptom().metric() + "' is missing on " + symptom.id
                    + "; its other metrics were used");
        }
        for (NodeState s : candidates) {
            if (s.readings.isEmpty()) {
                notes.add(s.id + " reports none of the metrics, so only the call graph speaks for or against it");
            }
        }
    }

    /**
     * What judges a node's own metrics: the anomalous period cut where its calls out are reported until. Call telemetry
     * comes in buckets, published after the node's own metrics; errors, or a pool filling with calls that hang, read
     * over seconds whose calls are not yet known would look like the node's own, where a few seconds later its
     * failing calls explain them. A node none of whose calls is measured is read to the end.
     */
    private Readings ownReadings(NodeState s, String errors, int callsUntil, int[] window, Readings readings,
            Map<Integer, Readings> byHorizon, Map<Long, Optional<double[]>> callsRead) {
        if (callsUntil >= window[3] || callsUntil <= window[2]) {
            return readings;
        }
        boolean measured = false;
        for (int c : callees[s.index]) {
            if (!states.containsKey(c)) {
                continue; // a call to a node not read: its series would be fetched for this alone
            }
            Optional<double[]> calls = input.series().callSeries(s.id, input.graph().nodes().get(c), errors);
            callsRead.put(callKey(s.index, c), calls);
            measured |= calls.isPresent();
        }
        if (!measured) {
            return readings;
        }
        return byHorizon.computeIfAbsent(callsUntil, u -> new Readings(times, window[0], window[1], recentFrom,
                window[2], u, config.anomalyThreshold(), summaries, input.series().history()));
    }

    private String errorsMetric() {
        return input.metrics().values().stream().filter(m -> m.role() == MetricSpec.Role.ERRORS
                && m.bad() == MetricSpec.Bad.UP).map(MetricSpec::name).sorted().findFirst().orElse(null);
    }

    private long callKey(int caller, int callee) {
        return (long) caller * indexOf.size() + callee;
    }

    /**
     * A candidate whose own checks found its instances down during the incident failed, whatever its metrics say now:
     * a process its supervisor restarted in seconds leaves a blip the anomalous period's high passes over. It counts
     * as moved by the threshold at least, from the anomalous period's start: when its instances went down is not
     * known, and its checks saw it before its callers' metrics could.
     */
    private void foundDown(int[] window) {
        for (String node : input.down()) {
            Integer index = indexOf.get(node);
            NodeState s = index == null ? null : states.get(index);
            if (s == null || !s.candidate) {
                continue;
            }
            s.foundDown = true;
            if (!s.faultMoved(config.anomalyThreshold())) {
                s.markFailed(config.anomalyThreshold(), times[window[2]]);
            }
        }
    }

    /**
     * Calls that failed more than the callee itself failed requests: lost between them (packets dropped, a link cut, a
     * dependency refusing this caller alone). The callee's own error rate is what it answered; the caller's view of the
     * call adds what never reached it or never came back.
     */
    private void readLoss(Readings readings, MetricSpec spec, int caller, NodeState callee, double[] calls, double[] own) {
        // most calls lose nothing: the excess is worked out in one buffer and copied only when it moved
        if (lostScratch == null || lostScratch.length != calls.length) {
            lostScratch = new double[calls.length];
        }
        double[] lost = lostScratch;
        for (int i = 0; i < lost.length; i++) {
            lost[i] = calls[i] - own[i];
        }
        String label = input.graph().nodes().get(caller) + " -> " + callee.id;
        readings.read(spec, lost, label + "/lost").filter(r -> r.moved(config.anomalyThreshold()))
                .ifPresent(r -> losses.add(new Loss(caller, callee.index, r.withSeries(lost.clone()))));
    }

    /**
     * Lost calls belong to the end they gather at: packet loss on a node loses calls to it and from it, so that node
     * is on every lossy call, while its callee is on one; a callee that all its callers lose is the one failing, and
     * when its own error rate says it answered what reached it, the network at its end lost the rest. One
     * lossy call with nothing else lossy at either end is a link, and nothing either end reports says which end is at
     * fault: the callee is named (a dependency failing, as its caller sees it, which the caller can break its circuit
     * to whichever end it is) and the caller follows just behind, unless the caller's calls were refused at once: then
     * the caller owns it. A caller that owns a loss carries it as its own reading (lost, or refused), and its callee no
     * longer answers for it.
     */
    private void attributeLosses() {
        if (losses.isEmpty()) {
            return;
        }
        // a slow callee's callers time out on it: failures it never counted, but its own latency says why
        losses.removeIf(this::slowEnoughToLose);
        Map<Integer, Integer> lossy = new HashMap<>();
        for (Loss loss : losses) {
            lossy.merge(loss.caller(), 1, Integer::sum);
            lossy.merge(loss.callee(), 1, Integer::sum);
        }
        for (Loss loss : losses) {
            NodeState caller = states.get(loss.caller());
            NodeState callee = states.get(loss.callee());
            if (caller == null) {
                continue;
            }
            int atCaller = lossy.get(loss.caller());
            int atCallee = lossy.get(loss.callee());
            boolean link = atCaller == 1 && atCallee == 1;
            boolean refused = refusedAtOnce(caller, callee);
            if (atCallee >= 2 && atCallee > atCaller && !refused && answeredAsBefore(callee)) {
                callee.lossAtItsEnd = true;
            }
            if (link && !refused) {
                // a caller outside the candidates (the incident reached only the callee and below) is still the
                // link's other end: the callee's only caller losing its calls is a link, not the callee failing
                callee.linkPartner = caller.index;
            }
            if (!caller.candidate || atCaller <= atCallee && !(link && refused)) {
                continue;
            }
            String from = CALLS_FROM + caller.id + ": ";
            callee.readings.removeIf(r -> r.label().startsWith(from) && r.spec().role() == MetricSpec.Role.ERRORS);
            callee.losesCallsOf = loss.caller();
            MetricReading r = loss.reading();
            caller.readings.add(new MetricReading(r.spec(), r.deviation(), r.onset(), r.normal(), r.reached(), r.series(),
                    (refused ? REFUSED_CALLS_BY : LOST_CALLS_TO) + callee.id + ": " + r.spec().name()));
        }
    }

    /**
     * Whether a caller's failed calls were turned away at once rather than lost. A call lost on the way, or to a callee
     * that hangs, keeps its caller waiting out its timeout (above the callee's normal p95), and so does the request
     * that made it; with a share E of the caller's requests failing, its latency at quantile 1 - E rose by that much at
     * least. A caller whose latency there hardly moved was answered, and refused; and when the callee's own error rate
     * did not move, it serves its other requests as before, so what is wrong is in what this caller sends (its clock,
     * its credentials, its quota).
     */
    private boolean refusedAtOnce(NodeState caller, NodeState callee) {
        List<MetricReading> callerPercentiles = percentiles(caller);
        List<MetricReading> calleePercentiles = percentiles(callee);
        Optional<MetricReading> errors = ownErrors(caller);
        if (callerPercentiles.isEmpty() || calleePercentiles.isEmpty() || errors.isEmpty()
                || ownErrors(callee).map(r -> r.moved(config.anomalyThreshold())).orElse(true)) {
            return false;
        }
        double failing = Math.clamp((errors.get().reached() - errors.get().normal()) / 100, 0, 1);
        double quantile = 1 - failing;
        if (quantile > callerPercentiles.getLast().spec().quantile()) {
            return false; // too few failed to show in the percentiles it reports
        }
        double rise = latencyAt(callerPercentiles, quantile, MetricReading::reached)
                - latencyAt(callerPercentiles, quantile, MetricReading::normal);
        return rise < latencyAt(calleePercentiles, TIMEOUT_FLOOR_QUANTILE, MetricReading::normal);
    }

    /**
     * It reports its own error rate and that did not move: what reached it was answered as before, so calls its callers
     * lost to it were lost on the way. A node that reports none (an external seen only by its callers) is not known to
     * have answered anything.
     */
    private boolean answeredAsBefore(NodeState s) {
        return ownErrors(s).map(r -> !r.moved(config.anomalyThreshold())).orElse(false);
    }

    private static Optional<MetricReading> ownErrors(NodeState s) {
        return s.readings.stream().filter(r -> r.spec().role() == MetricSpec.Role.ERRORS && r.spec().bad() == MetricSpec.Bad.UP
                && r.label().equals(r.spec().name())).findFirst();
    }

    /** A node's own latency percentiles, lowest first. */
    private static List<MetricReading> percentiles(NodeState s) {
        return s.readings.stream().filter(r -> r.spec().isLatencyQuantile() && r.label().equals(r.spec().name()))
                .sorted(Comparator.comparingDouble(r -> r.spec().quantile())).toList();
    }

    /**
     * Whether the callee's slowness accounts for the calls lost to it. A call given up on waited out its caller's
     * timeout, and a timeout sits above the callee's normal p95 (else one call in twenty would time out on any day), so
     * with a share L of the calls lost the callee's latency at quantile 1 - L must have passed its normal p95. That
     * quantile is read off its percentiles by straight lines, which overstate a latency whose tail is long, so a loss
     * this rules out is lost elsewhere: the retries of a caller whose own calls are refused make its callees a little
     * slower, not slow enough to lose it half its calls. A callee without percentiles is taken at its word.
     */
    private boolean slowEnoughToLose(Loss loss) {
        NodeState callee = states.get(loss.callee());
        List<MetricReading> own = callee.readings.stream().filter(r -> r.spec().role() == MetricSpec.Role.LATENCY
                && r.label().equals(r.spec().name())).toList();
        if (own.stream().noneMatch(r -> r.moved(config.anomalyThreshold()))) {
            return false;
        }
        List<MetricReading> percentiles = percentiles(callee);
        if (percentiles.isEmpty()) {
            return true;
        }
        // error rates are percentages of calls
        double lostShare = Math.clamp((loss.reading().reached() - loss.reading().normal()) / 100, 0, 1);
        double waitedPast = 1 - lostShare;
        if (waitedPast > percentiles.getLast().spec().quantile()) {
            return true; // beyond the highest percentile reported: nothing bounds it
        }
        return latencyAt(percentiles, waitedPast, MetricReading::reached)
                > latencyAt(percentiles, TIMEOUT_FLOOR_QUANTILE, MetricReading::normal);
    }

    /** A latency at a quantile, straight between the percentiles around it; the nearest one outside them. */
    private static double latencyAt(List<MetricReading> percentiles, double quantile, ToDoubleFunction<MetricReading> level) {
        MetricReading below = percentiles.getFirst();
        if (quantile <= below.spec().quantile()) {
            return level.applyAsDouble(below);
        }
        for (MetricReading above : percentiles) {
            double q0 = below.spec().quantile();
            double q1 = above.spec().quantile();
            if (quantile <= q1) {
                double from = level.applyAsDouble(below);
                return from + (level.applyAsDouble(above) - from) * (quantile - q0) / (q1 - q0);
            }
            below = above;
        }
        return level.applyAsDouble(below);
    }

    /** Label of a reading of a caller's calls to this node. */
    static final String CALLS_FROM = "calls from ";
    /** Label of a reading of this node's calls lost on the way to a callee. */
    static final String LOST_CALLS_TO = "its calls lost to ";
    /** Label of a reading of this node's calls a callee turned away at once. */
    static final String REFUSED_CALLS_BY = "its calls refused by ";

    /** The symptom's own series (its metric, else its node's strongest), null if the node reports nothing. */
    private double[] symptomSeries() {
        NodeState symptom = states.get(indexOf.get(input.symptom().node()));
        return symptom.readings.stream().filter(r -> r.spec().name().equals(input.symptom().metric())).findFirst()
                .or(() -> Optional.ofNullable(symptom.strongest)).map(MetricReading::series).orElse(null);
    }

    /** What a node's own metrics say, load from above discounted, blame from its callers added. */
    private double[] ownScore() {
        double[] own = new double[callees.length];
        for (NodeState s : candidates) {
            // what can explain the symptom: a callee busy with traffic alone is not where the walk should go
            own[s.index] = Math.min(s.robust, squash(s.faultDeviation)) * (s.seenInsideBy >= 0 ? OUTSIDE_VIEW_SHARE : 1);
        }
        return own;
    }

    private double squash(double deviation) {
        return deviation / (deviation + config.halfScore());
    }

    private void scoreRobust() {
        double threshold = config.anomalyThreshold();
        // load from above and blame from callers are the onset ordering's reading of the graph
        boolean graphAware = config.uses(RcaMethod.ONSET_ORDER);
        for (NodeState s : candidates) {
            if (!graphAware) {
                // BARO alone: the largest deviation of any metric, nothing else
                s.robust = s.strongest == null ? 0 : squash(s.strongest.deviation());
                continue;
            }
            double own = Math.max(s.faultDeviation, NodeState.OTHER_SHARE * Math.max(s.otherDeviation,
                    s.loadFromAbove ? 0 : s.trafficDeviation));
            double score = squash(own) * (s.loadFromAbove ? LOAD_SHARE : 1);
            s.robust = s.moved ? score : score * Math.min(1, own / threshold);
        }
    }

    /**
     * Unexplained anomalous nodes score by how early they moved and by how much of what moved they can explain (the
     * share of anomalous nodes that call them, directly or through others: a fault travels up the calls); explained
     * ones keep a little.
     */
    private void scoreOnset() {
        long[] onsets = candidates.stream().filter(s -> s.moved).mapToLong(s -> s.onset).sorted().toArray();
        long anomalous = states.values().stream().filter(s -> s.moved).count();
        long suffering = context.stream().filter(this::suffers).count();
        int[] seen = new int[callers.length];
        int visit = 0;
        for (NodeState s : candidates) {
            if (!s.moved) {
                continue;
            }
            int firstAtOrAfter = firstAtOrAfter(onsets, s.onset);
            double earliness = onsets.length == 0 ? 1 : (double) (onsets.length - firstAtOrAfter) / onsets.length;
            double coverage = anomalous == 0 ? 0 : (double) anomalousAbove(s, seen, ++visit) / anomalous;
            double elsewhere = suffering == 0 ? 0 : (double) sufferingAbove(s, seen, ++visit) / suffering;
            double explained = s.explainedBy >= 0 || s.seenInsideBy >= 0 || s.losesCallsOf >= 0 ? EXPLAINED_SHARE : 1;
            // moved, but not in a way that explains the symptom (latency only, for an error symptom): involved at most
            double relevant = s.faultMoved(config.anomalyThreshold()) ? 1 : NodeState.OTHER_SHARE;
            s.onsetScore = explained * relevant * (0.4 + 0.2 * earliness + 0.2 * coverage + 0.2 * elsewhere);
        }
    }

    /** Off the incident's calls, a caller with the symptom's kind of trouble: something below it must explain it too. */
    private boolean suffers(NodeState s) {
        return s.faultMoved(config.anomalyThreshold());
    }

    /**
     * Suffering callers outside the candidates that call this node, directly or not: one fault that also explains the
     * trouble beside the symptom's path is a better explanation than a sibling that explains the symptom alone.
     */
    private int sufferingAbove(NodeState start, int[] seen, int visit) {
        int[] queue = new int[callers.length];
        int head = 0;
        int tail = 0;
        queue[tail++] = start.index;
        seen[start.index] = visit;
        int count = 0;
        while (head < tail) {
            int u = queue[head++];
            NodeState s = states.get(u);
            count += s != start && !s.candidate && suffers(s) ? 1 : 0;
            for (int p : callers[u]) {
                if (seen[p] != visit && states.containsKey(p)) {
                    seen[p] = visit;
                    queue[tail++] = p;
                }
            }
        }
        return count;
    }

    /** Index of the first onset at or after {@code onset} in a sorted array. */
    private static int firstAtOrAfter(long[] sorted, long onset) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < onset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * Anomalous nodes among this one and everything that calls it, directly or not. {@code seen} marks visited nodes
     * with this visit's number, so one array serves every call.
     */
    private int anomalousAbove(NodeState start, int[] seen, int visit) {
        int[] queue = new int[callers.length];
        int head = 0;
        int tail = 0;
        queue[tail++] = start.index;
        seen[start.index] = visit;
        int count = 0;
        while (head < tail) {
            int u = queue[head++];
            NodeState s = states.get(u);
            count += s.moved ? 1 : 0;
            for (int p : callers[u]) {
                if (seen[p] != visit && states.containsKey(p)) {
                    seen[p] = visit;
                    queue[tail++] = p;
                }
            }
        }
        return count;
    }

    private void scoreChanges() {
        // instances found down during the incident are an event in the component's life as much as a release is (a
        // crash, a kill, a replacement), and one its metrics forget once its supervisor has brought them back
        candidates.stream().filter(s -> s.foundDown).forEach(s -> s.change = 1);
        long onset = input.symptom().epochSecond();
        long from = Math.min(onset, input.anomalous().from()) - config.changeLookbackSeconds();
        double threshold = config.anomalyThreshold();
        for (ChangeRecord change : input.changes()) {
            Integer index = indexOf.get(change.node());
            NodeState s = index == null ? null : states.get(index);
            if (s == null || change.epochSecond() < from || change.epochSecond() > input.anomalous().until()) {
                continue;
            }
            // a change matters when its node moved, or the incident itself holds the node (detection flagged it even
            // if the move is small against this normal period); a routine release elsewhere at the same time earns
            // little
            double gate = s.moved || flagged(s) ? 1 : Math.min(1, s.faultDeviation / threshold) * 0.25;
            double before = Math.max(0, onset - change.epochSecond());
            double recency = Math.exp(-before / (config.changeLookbackSeconds() / 3.0));
            s.change = Math.max(s.change, gate * recency);
        }
    }

    /** The symptom's node or one of the incident's: what detection or the checks flagged. */
    private boolean flagged(NodeState s) {
        return s.id.equals(input.symptom().node()) || input.affected().contains(s.id);
    }

    /**
     * When no candidate moved beyond the threshold, the scores are noise-sized and a quiet callee can lead by chance;
     * the metrics then say nothing beyond what detection saw, so the node it flagged first leads, just ahead.
     */
    private void whenNothingMoved() {
        if (candidates.stream().anyMatch(s -> s.moved)) {
            return;
        }
        NodeState symptom = states.get(indexOf.get(input.symptom().node()));
        double best = candidates.stream().mapToDouble(s -> s.combined).max().orElse(0);
        if (symptom.combined < best) {
            symptom.combined = best * NOTHING_MOVED_LEAD;
        }
        notes.add("no candidate's metrics moved beyond " + config.anomalyThreshold() + " deviations from normal: "
                + symptom.id + ", where the incident started, leads on that alone");
    }

    private Set<String> signature() {
        Set<String> signature = new LinkedHashSet<>();
        for (NodeState s : candidates) {
            for (MetricReading r : s.readings) {
                if (r.moved(config.anomalyThreshold())) {
                    signature.add(Diagnosis.signatureKey(s.id, r.spec().name()));
                }
            }
        }
        return signature;
    }

    private List<SimilarIncident> scoreSimilarity(Set<String> signature) {
        List<SimilarIncident> similar = new ArrayList<>();
        for (PastIncident past : input.past()) {
            double jaccard = jaccard(signature, past.signature());
            Integer index = indexOf.get(past.cause());
            NodeState s = index == null ? null : states.get(index);
            if (jaccard <= 0 || s == null) {
                continue;
            }
            similar.add(new SimilarIncident(past, jaccard));
            s.similarity = past.confirmed() ? Math.max(s.similarity, jaccard) : s.similarity - 0.5 * jaccard;
        }
        for (NodeState s : candidates) {
            s.similarity = Math.max(0, s.similarity);
        }
        similar.sort(Comparator.comparingDouble(SimilarIncident::similarity).reversed());
        return similar;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long both = a.stream().filter(b::contains).count();
        return (double) both / (a.size() + b.size() - both);
    }

    private void combine() {
        double total = 0;
        for (RcaMethod m : config.methods()) {
            total += WEIGHTS.get(m);
        }
        for (NodeState s : candidates) {
            double sum = 0;
            sum += config.uses(RcaMethod.ROBUST_CHANGE) ? WEIGHTS.get(RcaMethod.ROBUST_CHANGE) * s.robust : 0;
            sum += config.uses(RcaMethod.ONSET_ORDER) ? WEIGHTS.get(RcaMethod.ONSET_ORDER) * s.onsetScore : 0;
            sum += config.uses(RcaMethod.RANDOM_WALK) ? WEIGHTS.get(RcaMethod.RANDOM_WALK) * s.walk : 0;
            sum += config.uses(RcaMethod.CHANGE_EVENTS) ? WEIGHTS.get(RcaMethod.CHANGE_EVENTS) * s.change : 0;
            sum += config.uses(RcaMethod.SIMILARITY) ? WEIGHTS.get(RcaMethod.SIMILARITY) * s.similarity : 0;
            s.combined = sum / total;
        }
        // one lossy call and nothing else lossy at either end: the link's other end is the next suspect, just behind
        for (NodeState s : candidates) {
            NodeState partner = s.linkPartner < 0 ? null : states.get(s.linkPartner);
            if (partner != null && partner.candidate) {
                partner.combined = Math.max(partner.combined, s.combined * LINK_PARTNER_SHARE);
            }
        }
    }

    private static double share(NodeState s, double denominator) {
        return denominator > 0 ? Math.pow(s.combined, SHARE_POWER) / denominator : 0;
    }

    /** The other end of a node's one lossy call scores at least this share of the node's score. */
    private static final double LINK_PARTNER_SHARE = 0.95;

    private List<Cause> causes(List<SimilarIncident> similar) {
        List<NodeState> ranked = new ArrayList<>(candidates);
        ranked.sort(Comparator.comparingDouble((NodeState s) -> s.combined).reversed()
                .thenComparing(Comparator.comparingDouble((NodeState s) -> s.robust).reversed())
                .thenComparing(Comparator.comparingInt((NodeState s) -> s.depth).reversed())
                .thenComparing(s -> s.id));
        double denominator = 0;
        for (NodeState s : ranked) {
            denominator += Math.pow(s.combined, SHARE_POWER);
        }
        CauseWriter writer = new CauseWriter(input, states, callers, config.anomalyThreshold(), similar);
        List<Cause> causes = new ArrayList<>();
        for (int rank = 0; rank < ranked.size(); rank++) {
            NodeState s = ranked.get(rank);
            double share = share(s, denominator);
            NodeState partner = s.linkPartner < 0 ? null : states.get(s.linkPartner);
            if (partner != null && partner.candidate && CauseWriter.onTheLink(s, config.anomalyThreshold())) {
                // the link is where the fault is, at whichever end: what names either end names it
                share = Math.min(1, share + share(partner, denominator));
            }
            Cause cause = writer.write(s, 0, rank < DETAILED);
            causes.add(cause.withConfidence(config.calibrationFor(cause).apply(share)));
        }
        // the candidates left unread next; then every other node, which the symptom does not call at all
        for (String node : unread.stream().sorted().toList()) {
            causes.add(new Cause(node, "nothing detection flagged points at it", 0, 0,
                    List.of("not read: detection flagged neither it nor anything it calls, directly or through others,"
                            + " nor any of its callers"), List.of(node), Optional.empty()));
        }
        Set<Integer> blamable = new java.util.HashSet<>();
        candidates.forEach(s -> blamable.add(s.index));
        List<String> others = new ArrayList<>();
        for (String node : input.graph().nodes()) {
            if (!blamable.contains(indexOf.get(node)) && !unread.contains(node)) {
                others.add(node);
            }
        }
        others.sort(Comparator.naturalOrder());
        for (String node : others) {
            causes.add(new Cause(node, "not on the symptom's calls", 0, 0,
                    List.of(input.symptom().node() + " does not call it, directly or through others"), List.of(node),
                    Optional.empty()));
        }
        return causes;
    }
}
