package dev.firebreak.engine.heal;

import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The decision chain of self-healing-system.md 6-7 as one pure function: the same inputs give the same decision, so a
 * shadow run decides what an automatic one would, and the decision can be measured alone. Every gate after the playbook
 * is checked and recorded (the panel shows each); the first that failed is the one the refusal names.
 */
public final class DecisionChain {

    private DecisionChain() {
    }

    /**
     * Parameters healing fills for a playbook, or why it cannot.
     *
     * @param applies false when the problem is the component itself (a parameter the topology cannot fill for it, such
     *                as a replica's replica), not the situation: the next playbook answering the cause is tried instead
     */
    public record Fill(Map<String, String> values, Optional<String> problem, boolean applies) {

        public Fill(Map<String, String> values, Optional<String> problem) {
            this(values, problem, true);
        }
    }

    /**
     * Everything one decision reads.
     *
     * @param history   earlier decisions (rate limit and cooldown count every start, shadow ones included, so shadow
     *                  and automatic decide alike)
     * @param actions   earlier actions (the breaker, the parallel cap and the playbooks' records read them)
     * @param instancesDownAt when root cause last found the component's own instances down, if it did: its supervisor
     *                  restarts them, so a restart playbook cools down from then as from an action of its own
     */
    public record Input(Instant now, Strategy strategy, Optional<Long> incidentId, String component, String componentKind,
            String faultKind, double causeConfidence, String environment, HealingConfig config, boolean protectedEnvironment,
            Optional<String> halt, PlaybookLibrary library, Topology topology, List<HealingDecision> history,
            List<HealingAction> actions, Function<Playbook, Fill> parameters, HealthState componentHealth,
            Optional<Instant> instancesDownAt) {
    }

    /** Playbooks that restart the component: pointless right after its own supervisor restarted it. */
    static final java.util.Set<String> RESTART_CATEGORIES = java.util.Set.of("restart", "process-restart");

    public static HealingDecision decide(Input in) {
        List<GateVerdict> gates = new ArrayList<>();
        HealingMode environmentMode = in.config().modeFor(in.environment());
        gates.add(GateVerdict.pass(Gate.DIAGNOSIS, String.format(Locale.ROOT, "%s: %s (confidence %.2f, %s)", in.component(),
                in.faultKind(), in.causeConfidence(), in.strategy().label())));
        gates.add(in.config().strategies().contains(in.strategy())
                ? GateVerdict.pass(Gate.STRATEGY, in.strategy().label() + " healing is on")
                : GateVerdict.fail(Gate.STRATEGY, in.strategy().label() + " healing is switched off" + (in.strategy()
                        == Strategy.PROACTIVE ? ": it waits until something in the incident has failed" : "")));
        List<Playbook> answering = in.library().matches(in.faultKind(), in.componentKind(), in.strategy(),
                in.componentHealth());
        if (answering.isEmpty()) {
            gates.add(GateVerdict.fail(Gate.PLAYBOOK, noPlaybook(in)));
            return decision(in, gates, Optional.empty(), in.causeConfidence(), in.config().confidenceThreshold(),
                    OptionalDouble.empty(), Optional.empty(), Map.of(), environmentMode);
        }
        // a playbook that cannot be filled in for this component does not apply to it: the next one answering is asked
        Playbook playbook = answering.getFirst();
        Fill fill = in.parameters().apply(playbook);
        for (int i = 1; !fill.applies() && i < answering.size(); i++) {
            Fill next = in.parameters().apply(answering.get(i));
            if (next.applies()) {
                playbook = answering.get(i);
                fill = next;
            }
        }
        HealingLearning.Record record = HealingLearning.record(in.actions(), playbook.id(), in.faultKind());
        Optional<HealingAction> triedHere = triedWithoutHelp(in, playbook);
        Optional<HealingAction> inEffect = inEffect(in, playbook);
        gates.add(triedHere.isPresent()
                ? GateVerdict.fail(Gate.PLAYBOOK, playbook.id() + " already ran on " + in.component() + " for this incident"
                        + " and did not help (" + triedHere.get().state().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + " at " + triedHere.get().updatedAt() + "); not run again for it: a person decides")
                : inEffect.isPresent() ? GateVerdict.fail(Gate.PLAYBOOK, inEffectWhy(in, playbook, inEffect.get()))
                : GateVerdict.pass(Gate.PLAYBOOK, playbook.id() + " (" + playbook.category() + ")"
                + record.successRate().stream().mapToObj(rate -> String.format(Locale.ROOT,
                        "; %d of %d past actions on this kind verified", record.successes(), record.attempts()))
                        .findFirst().orElse("; no past actions on this kind")));
        HealingMode mode = playbook.mode().map(environmentMode::strictest).orElse(environmentMode);
        gates.add(mode == HealingMode.OFF
                ? GateVerdict.fail(Gate.MODE, "healing is off" + (playbook.mode().orElse(null) == HealingMode.OFF
                        ? " for playbook " + playbook.id() : " in " + in.environment()))
                : GateVerdict.pass(Gate.MODE, mode.label() + " in " + in.environment()));
        gates.add(in.halt().isPresent() ? GateVerdict.fail(Gate.HALT, "HALT is latched: " + in.halt().get())
                : GateVerdict.pass(Gate.HALT, "not latched"));
        double threshold = playbook.confidence().orElse(in.config().confidenceThreshold());
        double confidence = HealingLearning.adjust(in.causeConfidence(), record, in.config().adaptiveBound());
        String adjusted = confidence == in.causeConfidence() ? "" : String.format(Locale.ROOT,
                " (cause %.2f, moved by the playbook's record)", in.causeConfidence());
        gates.add(confidence >= threshold
                ? GateVerdict.pass(Gate.CONFIDENCE, compared(confidence, ">=", threshold) + adjusted)
                : GateVerdict.fail(Gate.CONFIDENCE, compared(confidence, "<", threshold) + adjusted));
        BlastRadius radius = BlastRadius.of(playbook.scope(), in.topology(), in.component());
        gates.add(radius.within(in.config().allowedRadius())
                ? GateVerdict.pass(Gate.BLAST_RADIUS, radius.label() + " within " + in.config().allowedRadius().label())
                : GateVerdict.fail(Gate.BLAST_RADIUS, radius.label() + " exceeds the allowed " + in.config().allowedRadius()
                        .label()));
        gates.add(breaker(in));
        gates.add(rateLimit(in));
        gates.add(cooldown(in, playbook));
        long running = in.actions().stream().filter(a -> !a.state().isFinal()).count();
        gates.add(running < in.config().maxParallel()
                ? GateVerdict.pass(Gate.PARALLEL, running + " running of at most " + in.config().maxParallel())
                : GateVerdict.fail(Gate.PARALLEL, running + " running, the cap is " + in.config().maxParallel()));
        Optional<ChangeFreeze> freeze = in.config().freezeAt(in.now());
        gates.add(freeze.isPresent()
                ? GateVerdict.fail(Gate.CHANGE_FREEZE, "frozen until " + freeze.get().to() + ": " + freeze.get().reason())
                : GateVerdict.pass(Gate.CHANGE_FREEZE, "no freeze open"));
        gates.add(fill.problem().isPresent() ? GateVerdict.fail(Gate.PRE_CHECK, fill.problem().get())
                : GateVerdict.pass(Gate.PRE_CHECK, fill.values().isEmpty() ? "no parameters" : "parameters " + fill.values()));
        boolean approval = mode == HealingMode.APPROVAL || in.protectedEnvironment();
        gates.add(GateVerdict.pass(Gate.APPROVAL, approval ? (in.protectedEnvironment() ? in.environment()
                + " is protected: a person approves each step" : "approval mode: a person approves each step")
                : "not needed in " + mode.label() + " mode"));
        return decision(in, gates, Optional.of(playbook), confidence, threshold, record.successRate(), Optional.of(radius),
                fill.values(), mode);
    }

    /** Why nothing answers, naming a playbook that would for another strategy (it waits for a failure, say). */
    private static String noPlaybook(Input in) {
        String where = "'" + in.faultKind() + "' on a " + in.componentKind().toLowerCase(Locale.ROOT).replace('_', '-')
                + " that is " + in.componentHealth().name().toLowerCase(Locale.ROOT);
        for (Strategy other : Strategy.values()) {
            Optional<Playbook> elsewhere = other == in.strategy() ? Optional.empty()
                    : in.library().match(in.faultKind(), in.componentKind(), other, in.componentHealth());
            if (elsewhere.isPresent()) {
                return elsewhere.get().id() + " answers " + where + " only as "
                        + Strategy.labels(elsewhere.get().strategies(), " or ") + ", and this decision is "
                        + in.strategy().label();
            }
        }
        return "no playbook answers " + where;
    }

    private static HealingDecision decision(Input in, List<GateVerdict> gates, Optional<Playbook> playbook, double confidence,
            double threshold, OptionalDouble successRate, Optional<BlastRadius> radius, Map<String, String> parameters,
            HealingMode mode) {
        Verdict verdict;
        if (gates.stream().anyMatch(g -> !g.passed())) {
            verdict = Verdict.REFUSED;
        } else if (mode == HealingMode.SHADOW) {
            verdict = Verdict.SHADOW;
        } else if (mode == HealingMode.APPROVAL || in.protectedEnvironment()) {
            verdict = Verdict.AWAIT_APPROVAL;
        } else {
            verdict = Verdict.ACT;
        }
        return new HealingDecision(0, in.incidentId(), in.now(), in.strategy(), in.component(), in.faultKind(),
                in.causeConfidence(), playbook.map(Playbook::id), confidence, threshold, successRate, radius, parameters,
                gates, verdict, mode);
    }

    /** Failed heals within the window, counting a healed cause that came back on the same component as a failure. */
    public static int failures(List<HealingAction> actions, Instant now, Duration window, Duration recurrence) {
        Instant from = now.minus(window);
        // only actions that ended within the window count, and only later ones can show a heal came back
        List<HealingAction> recent = actions.stream().filter(a -> !a.updatedAt().isBefore(from)).toList();
        int failures = 0;
        for (HealingAction action : recent) {
            if (action.state().isFailure()) {
                failures++;
            } else if (action.state() == HealingState.SUCCEEDED && cameBack(action, recent, recurrence)) {
                failures++;
            }
        }
        return failures;
    }

    private static boolean cameBack(HealingAction healed, List<HealingAction> actions, Duration recurrence) {
        return actions.stream().anyMatch(later -> later.id() != healed.id()
                && later.component().equals(healed.component())
                && later.startedAt().isAfter(healed.updatedAt())
                && !later.startedAt().isAfter(healed.updatedAt().plus(recurrence)));
    }

    /** Outcomes after which the same playbook is not run again on the same component for the same incident. */
    static final java.util.Set<HealingState> DID_NOT_HELP = java.util.EnumSet.of(HealingState.FAILED,
            HealingState.ROLLED_BACK, HealingState.PARTIAL, HealingState.UNCERTAIN);

    /**
     * The playbook's last action on this component for this incident, if it did not help: running it again on the same
     * evidence repeats what failed (and a restart at the moment the fault ends only delays the recovery); the failure
     * was escalated to a person already.
     */
    private static Optional<HealingAction> triedWithoutHelp(Input in, Playbook playbook) {
        if (in.incidentId().isEmpty()) {
            return Optional.empty();
        }
        return in.actions().stream().filter(a -> a.decision().incidentId().equals(in.incidentId())
                && a.component().equals(in.component()) && a.playbookId().equals(playbook.id())
                && DID_NOT_HELP.contains(a.state())).reduce((first, second) -> second);
    }

    /**
     * A verified run of this playbook on this component for this incident whose changes stay until undone (an open
     * breaker, a reroute, a failover): running it again would change nothing or, for a failover, fail back onto the
     * node it left, and undoing it is a person's call. Another incident (a second bad deployment) may need it again.
     */
    private static Optional<HealingAction> inEffect(Input in, Playbook playbook) {
        return in.incidentId().isEmpty() ? Optional.empty() : in.actions().stream()
                .filter(a -> a.decision().incidentId().equals(in.incidentId()) && a.component().equals(in.component())
                && a.state() == HealingState.SUCCEEDED && !a.undone()
                && (a.playbookId().equals(playbook.id()) ? playbook.lasting() : aroundForGood(in, playbook, a)))
                .reduce((first, second) -> second);
    }

    /**
     * Whether a verified change of another playbook already takes the component's callers around it for good (a
     * failover, which nothing here undoes): a second way around it has nothing left to move. A way around that can be
     * undone (half the reads rerouted, one caller's breaker open) leaves calls reaching it, so a failover may follow.
     */
    private static boolean aroundForGood(Input in, Playbook playbook, HealingAction earlier) {
        return playbook.scope() == ActionScope.DEPENDENTS && in.library().get(earlier.playbookId())
                .filter(other -> other.lasting() && !other.undoable() && other.scope() == ActionScope.DEPENDENTS)
                .isPresent();
    }

    private static String inEffectWhy(Input in, Playbook playbook, HealingAction earlier) {
        String which = earlier.playbookId() + " is in effect on " + in.component() + " (action " + earlier.id()
                + ", verified at " + earlier.updatedAt() + ") for this incident";
        if (!earlier.playbookId().equals(playbook.id())) {
            return in.component() + "'s callers already go around it for good: " + which + ", so " + playbook.id()
                    + " has nothing left to move";
        }
        return which + (playbook.undoable() ? " until a person undoes it"
                : " and nothing undoes it automatically: a person decides what comes next");
    }

    private static GateVerdict breaker(Input in) {
        HealingConfig c = in.config();
        int failures = failures(in.actions(), in.now(), c.breakerWindow(), c.recurrence());
        String window = " in the last " + minutes(c.breakerWindow());
        Optional<Instant> tripped = trippedUntil(in.history(), in.now(), c.breakerWindow());
        if (tripped.isPresent()) {
            return GateVerdict.fail(Gate.BREAKER, "open until " + tripped.get() + " (it opened on " + c.breakerFailures()
                    + " failed heals and stays open for " + minutes(c.breakerWindow()) + "); automatic healing stopped");
        }
        return failures < c.breakerFailures()
                ? GateVerdict.pass(Gate.BREAKER, "closed: " + failures + " failed heal(s)" + window + ", opens at "
                        + c.breakerFailures())
                : GateVerdict.fail(Gate.BREAKER, "open: " + failures + " failed heal(s)" + window + " (a cause that came back"
                        + " within " + minutes(c.recurrence()) + " of its heal counts); automatic healing stopped");
    }

    /**
     * Once open the breaker stays open for its window from the first refusal (a reset timeout, as circuit breakers do),
     * so a flapping fault is not healed again as soon as its oldest failure ages out.
     */
    public static Optional<Instant> trippedUntil(List<HealingDecision> history, Instant now, Duration window) {
        Optional<Instant> lastTrip = history.stream()
                .filter(d -> d.refusedBy().map(g -> g.gate() == Gate.BREAKER && g.why().startsWith("open: ")).orElse(false))
                .map(HealingDecision::at).max(Instant::compareTo);
        return lastTrip.map(at -> at.plus(window)).filter(now::isBefore);
    }

    private static GateVerdict rateLimit(Input in) {
        Instant since = in.now().minus(Duration.ofHours(1));
        long started = in.history().stream().filter(DecisionChain::started).filter(d -> d.at().isAfter(since)).count();
        int cap = in.config().actionsPerHour();
        return started < cap ? GateVerdict.pass(Gate.RATE_LIMIT, started + " of " + cap + " actions this hour")
                : GateVerdict.fail(Gate.RATE_LIMIT, started + " actions in the last hour, the limit is " + cap);
    }

    /**
     * "0.79 < 0.80", with as many decimals as it takes for the two to differ: "0.80 < 0.80" (a cause at 0.7996) read
     * as a gate that contradicts itself.
     */
    static String compared(double value, String operator, double threshold) {
        int decimals = 2;
        while (decimals < 6 && String.format(Locale.ROOT, "%." + decimals + "f", value)
                .equals(String.format(Locale.ROOT, "%." + decimals + "f", threshold)) && value != threshold) {
            decimals++;
        }
        String format = "%." + decimals + "f";
        return String.format(Locale.ROOT, format + " " + operator + " " + format, value, threshold);
    }

    private static GateVerdict cooldown(Input in, Playbook playbook) {
        Duration cooldown = in.config().cooldown();
        if (RESTART_CATEGORIES.contains(playbook.category()) && in.instancesDownAt().isPresent()
                && in.now().isBefore(in.instancesDownAt().get().plus(cooldown))) {
            return GateVerdict.fail(Gate.COOLDOWN, in.component() + "'s instances were down at " + in.instancesDownAt().get()
                    + " and its supervisor restarts them: a restart now would only take it away again; cooling down until "
                    + in.instancesDownAt().get().plus(cooldown));
        }
        Optional<Instant> last = in.history().stream().filter(DecisionChain::started)
                .filter(d -> d.component().equals(in.component())).map(HealingDecision::at).max(Instant::compareTo);
        if (last.isPresent() && in.now().isBefore(last.get().plus(cooldown))) {
            return GateVerdict.fail(Gate.COOLDOWN, in.component() + " was acted on at " + last.get() + "; cooling down "
                    + "until " + last.get().plus(cooldown));
        }
        return GateVerdict.pass(Gate.COOLDOWN, last.map(at -> "last action on " + in.component() + " at " + at)
                .orElse("no recent action on " + in.component()));
    }

    /** The gates that carry state as they stand at {@code now}, counted as {@link #decide} counts them. */
    public static HealingGates standing(List<HealingDecision> history, List<HealingAction> actions, HealingConfig c,
            Instant now, Optional<HaltRecord> halt) {
        int failures = failures(actions, now, c.breakerWindow(), c.recurrence());
        Instant hourAgo = now.minus(Duration.ofHours(1));
        long lastHour = history.stream().filter(DecisionChain::started).filter(d -> d.at().isAfter(hourAgo)).count();
        Map<String, Instant> cooling = new TreeMap<>();
        for (HealingDecision d : history) {
            if (started(d) && d.at().plus(c.cooldown()).isAfter(now)) {
                cooling.merge(d.component(), d.at().plus(c.cooldown()), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        long running = actions.stream().filter(a -> !a.state().isFinal()).count();
        boolean tripped = trippedUntil(history, now, c.breakerWindow()).isPresent();
        return new HealingGates(tripped || failures >= c.breakerFailures(), failures, c.breakerFailures(), lastHour,
                c.actionsPerHour(), cooling, running, c.maxParallel(), c.freezeAt(now), halt);
    }

    /** A decision that started (or, in shadow, would have started) an action. */
    private static boolean started(HealingDecision decision) {
        return decision.verdict() != Verdict.REFUSED;
    }

    private static String minutes(Duration duration) {
        return duration.toMinutes() + " min";
    }
}
