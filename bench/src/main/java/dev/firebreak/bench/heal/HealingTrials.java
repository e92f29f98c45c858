package dev.firebreak.bench.heal;

import dev.firebreak.app.assembly.EngineOptions;
import dev.firebreak.app.assembly.EngineSession;
import dev.firebreak.app.wiring.TopologyCatalog;
import dev.firebreak.bench.FaultTargets;
import dev.firebreak.engine.action.RemediationAction;
import dev.firebreak.engine.fault.FaultSpec;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.heal.Gate;
import dev.firebreak.engine.heal.HealingAction;
import dev.firebreak.engine.heal.HealingConfig;
import dev.firebreak.engine.heal.HealingDecision;
import dev.firebreak.engine.heal.HealingMode;
import dev.firebreak.engine.heal.HealingState;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.incident.Incident;
import dev.firebreak.engine.sim.SimulationConfig;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Self-healing on the simulator (issue 15): the seeded fault trials of detection's accuracy harness (every fault type,
 * targets picked by {@link FaultTargets}), each run twice through the real composition root, healing off and healing
 * automatic, from the same seed. Per fault type: the share of trials healing healed (an action verified and the target
 * well again at least 30 s sooner than without healing), and the time from the fault's start until the target was
 * healthy again by the simulator's own judgement (no worse than recovering for 30 s after it had been unwell), median and p95 in simulated seconds for both runs, as a ratio auto / off. Then the end-to-end time (fault ->
 * detected -> incident -> diagnosed -> healed -> verified) of a postgres-primary kill and a memory leak. Last line JSON.
 *
 * <p>Options: {@code --seeds N} (default 8), {@code --first-seed N} (default 1; seeds no change was made from, such as
 * 201, check that a change holds beyond the trials it came from), {@code --types a,b} (default all),
 * {@code --e2e-seeds N} (default 8),
 * {@code --healable} (also asks {@link HealableTrials} which trials any playbook action could have healed);
 * {@code --quiet-hours H} instead runs H fault-free hours with healing automatic and counts what it did.
 */
public final class HealingTrials {

    static final Duration WARM_UP = Duration.ofMinutes(20);
    static final Duration FAULT = Duration.ofMinutes(10);
    static final Duration AFTER = Duration.ofMinutes(15);
    static final Duration STABLE = Duration.ofSeconds(30);
    static final double RESOURCE_POINTS = 10;

    /**
     * One run: when the target was healthy again, and what healing did.
     *
     * @param stages seconds from the fault's start to each stage of the end-to-end chain: an incident with the target
     *               open, healing's first decision on the target, the verified action issued, and verified
     */
    record Run(OptionalLong recovery, boolean affected, boolean healed, boolean acted, boolean answered, boolean matched,
            List<String> actions, List<String> decisions, String target, Optional<String> peer, Stages stages) {
    }

    /** Where an end-to-end time goes; each stage empty when it was not reached. */
    record Stages(OptionalLong incident, OptionalLong decided, OptionalLong issued, OptionalLong verified) {
        static final Stages NONE = new Stages(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty());
    }

    private HealingTrials() {
    }

    public static void main(String[] args) throws Exception {
        int seeds = 8;
        int firstSeed = 1;
        int e2eSeeds = 8;
        boolean askHealable = false;
        List<FaultType> types = new ArrayList<>(Arrays.asList(FaultType.values()));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seeds" -> seeds = Integer.parseInt(args[++i]);
                case "--first-seed" -> firstSeed = Integer.parseInt(args[++i]);
                case "--e2e-seeds" -> e2eSeeds = Integer.parseInt(args[++i]);
                case "--healable" -> askHealable = true;
                case "--quiet-hours" -> {
                    quiet(Long.parseLong(args[++i]));
                    return;
                }
                case "--types" -> types = Arrays.stream(args[++i].split(",")).map(t -> FaultType.valueOf(t.strip()
                        .toUpperCase(Locale.ROOT).replace('-', '_'))).toList();
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; options: --seeds N, --first-seed N, --e2e-seeds N, --types a,b, --healable");
            }
        }
        Topology shop = TopologyCatalog.resolve("shop", 1);
        System.out.printf(Locale.ROOT, "%-20s %6s %6s %6s %6s %6s %7s %6s %6s | %8s %8s | %8s %8s | %6s %6s%n", "fault",
                "trials", "answd", "fit", "acted", "healed", "healed%", "of fit", "noeff", "off p50", "off p95", "auto p50",
                "auto p95", "r p50", "r p95");
        int fittingTypes = 0;
        int fittingTypesAtTarget = 0;
        int healableTypes = 0;
        int healableTypesAtTarget = 0;
        List<String> healableRows = new ArrayList<>();
        List<Long> allOff = new ArrayList<>();
        List<Long> allAuto = new ArrayList<>();
        int totalTrials = 0;
        int totalHealed = 0;
        Map<FaultType, Double> healedShare = new EnumMap<>(FaultType.class);
        for (FaultType type : types) {
            List<Long> off = new ArrayList<>();
            List<Long> auto = new ArrayList<>();
            int healed = 0;
            int acted = 0;
            int matched = 0;
            int answered = 0;
            int verifiedOnly = 0;
            int healedWhereFit = 0;
            int healable = 0;
            for (int s = firstSeed; s < firstSeed + seeds; s++) {
                Run withoutHealing = run(shop, type, s, HealingMode.OFF, Optional.empty());
                Run withHealing = run(shop, type, s, HealingMode.AUTOMATIC, Optional.empty());
                if (withoutHealing.affected() || withHealing.affected()) {
                    off.add(withoutHealing.recovery().orElse(window()));
                    auto.add(withHealing.recovery().orElse(window()));
                }
                // healed = an action was verified AND the target was well again at least 30 s sooner than without it
                boolean effective = withHealing.healed() && withoutHealing.affected() && withHealing.recovery().isPresent()
                        && withHealing.recovery().getAsLong() <= withoutHealing.recovery().orElse(window())
                                - STABLE.toSeconds();
                healed += effective ? 1 : 0;
                healedWhereFit += effective && withHealing.matched() ? 1 : 0;
                verifiedOnly += withHealing.healed() && !effective ? 1 : 0;
                acted += withHealing.acted() ? 1 : 0;
                // a fault that never made its target unwell (by the simulator's judgement) left nothing to heal
                matched += withHealing.matched() && withoutHealing.affected() ? 1 : 0;
                answered += withHealing.answered() && withoutHealing.affected() ? 1 : 0;
                Optional<String> healedBy = effective ? Optional.of("healing")
                        : askHealable && withoutHealing.affected() ? HealableTrials.healedBy(shop, type, s, withoutHealing)
                        : Optional.empty();
                healable += healedBy.isPresent() ? 1 : 0;
                if (askHealable && Boolean.getBoolean("heal.explain") && !effective && withoutHealing.affected()) {
                    System.err.printf("%s seed %d healable: %s%n", type, s, healedBy.orElse("no action of the playbooks heals it"));
                }
                if (Boolean.getBoolean("heal.explain")) {
                    System.err.printf("%s seed %d off %s auto %s actions %s%n", type, s, withoutHealing.recovery(),
                            withHealing.recovery(), withHealing.actions());
                    if (!effective) {
                        withHealing.decisions().forEach(d -> System.err.println("    " + d));
                    }
                }
            }
            totalTrials += seeds;
            totalHealed += healed;
            allOff.addAll(off);
            allAuto.addAll(auto);
            double share = (double) healed / seeds;
            healedShare.put(type, share);
            double shareOfFit = matched == 0 ? Double.NaN : (double) healedWhereFit / matched;
            if (matched > 0) {
                fittingTypes++;
                fittingTypesAtTarget += shareOfFit >= 0.9 ? 1 : 0;
            }
            if (healable > 0) {
                healableTypes++;
                healableTypesAtTarget += (double) healed / healable >= 0.9 ? 1 : 0;
            }
            healableRows.add(String.format(Locale.ROOT, "%-20s %8d %8d %7.0f%%", type, healable, healed,
                    healable == 0 ? Double.NaN : 100.0 * healed / healable));
            System.out.printf(Locale.ROOT, "%-20s %6d %6d %6d %6d %6d %6.0f%% %5.0f%% %6d | %8s %8s | %8s %8s | %6s %6s%n", type,
                    seeds, answered, matched, acted, healed, 100 * share, 100 * shareOfFit, verifiedOnly, q(off, 0.5), q(off, 0.95),
                    q(auto, 0.5), q(auto, 0.95), ratio(auto, off, 0.5),
                    ratio(auto, off, 0.95));
        }
        System.out.printf(Locale.ROOT, "%-20s %6d %6s %6s %6s %6d %6.0f%% %6s %6s | %8s %8s | %8s %8s | %6s %6s%n", "ALL",
                totalTrials, "", "", "", totalHealed, 100.0 * totalHealed / Math.max(1, totalTrials), "", "", q(allOff, 0.5), q(allOff, 0.95),
                q(allAuto, 0.5), q(allAuto, 0.95), ratio(allAuto, allOff, 0.5), ratio(allAuto, allOff, 0.95));
        System.out.println("(answd: trials where the fault made its target unwell without healing and a playbook's trigger"
                + " answered the target (or peer); fit: those where its pre-checks held too; of fit: healed among them;"
                + " healed: an action verified and the target well again >= 30 s sooner than without healing; noeff:"
                + " an action verified without that effect. Recovery in simulated seconds from the fault's start until the"
                + " target is well by the simulator's own judgement, its memory and disk within 10 points of where they were;"
                + " 0 when it never became unwell; trials where it was unwell in neither run are left out; not well again by"
                + " the end counts as " + window() + " s)");
        if (askHealable) {
            System.out.printf(Locale.ROOT, "%-20s %8s %8s %8s%n", "fault", "healable", "healed", "of them");
            healableRows.forEach(System.out::println);
            System.out.println("(healable: trials where the fault made its target unwell and healing healed it, or one of the"
                    + " playbooks' actions, issued by hand on the fault's own target or peer " + HealableTrials.REMEDY_AFTER
                    .toSeconds() + " s into the fault with healing off, brought the target back >= 30 s sooner than doing"
                    + " nothing)");
            System.out.printf(Locale.ROOT, "types with a healable trial: %d; healed in >= 90 %% of their healable trials: %d%n",
                    healableTypes, healableTypesAtTarget);
        }
        List<Stages> killStages = endToEnd(shop, FaultType.INSTANCE_KILL, Optional.of("postgres-primary"), e2eSeeds);
        List<Stages> leakStages = endToEnd(shop, FaultType.MEMORY_LEAK, Optional.empty(), e2eSeeds);
        List<Long> kill = verified(killStages);
        List<Long> leak = verified(leakStages);
        System.out.printf(Locale.ROOT, "end to end (fault -> verified), %d seeds: postgres-primary kill median %s s (%d"
                + " verified); memory leak median %s s (%d verified)%n", e2eSeeds, q(kill, 0.5), kill.size(), q(leak, 0.5),
                leak.size());
        if (e2eSeeds > 0) {
            System.out.println("  kill stages: " + stageMedians(killStages));
            System.out.println("  leak stages: " + stageMedians(leakStages));
        }
        System.out.printf(Locale.ROOT, "{\"trials\":%d,\"healedShare\":%.3f,\"fittingTypes\":%d,\"fittingTypesAt90\":%d,"
                + "%s\"recoveryRatioP50\":%s,\"recoveryRatioP95\":%s,\"killE2eP50\":%s,\"leakE2eP50\":%s}%n", totalTrials,
                (double) totalHealed / Math.max(1, totalTrials), fittingTypes, fittingTypesAtTarget, askHealable
                        ? String.format(Locale.ROOT, "\"healableTypes\":%d,\"healableTypesAt90\":%d,", healableTypes,
                                healableTypesAtTarget) : "",
                json(ratio(allAuto, allOff, 0.5)), json(ratio(allAuto, allOff, 0.95)), json(q(kill, 0.5)), json(q(leak, 0.5)));
    }

    /** A fault-free stretch with healing automatic: every decision and action it took (there should be none). */
    static void quiet(long hours) throws Exception {
        Topology shop = TopologyCatalog.resolve("shop", 1);
        EngineOptions options = EngineOptions.headless(1, SimulationConfig.DEFAULT_START)
                .withHealing(HealingConfig.defaults().withDefaultMode(HealingMode.AUTOMATIC));
        try (EngineSession engine = EngineSession.assemble(shop, options)) {
            for (long s = 0; s < hours * 3600; s++) {
                engine.step();
            }
            long acted = engine.healing().decisions().stream().filter(d -> d.verdict() != dev.firebreak.engine.heal.Verdict
                    .REFUSED).count();
            engine.healing().decisions().forEach(d -> System.out.println("decision " + d.at() + " " + d.summary()));
            System.out.printf(Locale.ROOT, "fault-free %d h, healing auto: %d incident(s), %d decision(s), %d allowed,"
                    + " %d action(s)%n", hours, engine.incidents().incidents().size(), engine.healing().decisions().size(),
                    acted, engine.healing().actions().size());
            System.out.printf(Locale.ROOT, "{\"hours\":%d,\"incidents\":%d,\"decisions\":%d,\"actions\":%d}%n", hours,
                    engine.incidents().incidents().size(), engine.healing().decisions().size(),
                    engine.healing().actions().size());
        }
    }

    private static long window() {
        return FAULT.plus(AFTER).toSeconds();
    }

    private static OptionalLong after(Instant start, Optional<Instant> at) {
        return at.map(moment -> OptionalLong.of(Duration.between(start, moment).toSeconds())).orElse(OptionalLong.empty());
    }

    private static List<Stages> endToEnd(Topology topology, FaultType type, Optional<String> target, int seeds) {
        List<Stages> stages = new ArrayList<>();
        for (int s = 1; s <= seeds; s++) {
            Run run = run(topology, type, 1000 + s, HealingMode.AUTOMATIC, target);
            stages.add(run.stages());
            if (Boolean.getBoolean("heal.explain")) {
                System.err.printf("e2e %s seed %d verified after %s actions %s%n", type, 1000 + s, run.stages().verified(),
                        run.actions());
                run.decisions().forEach(d -> System.err.println("    " + d));
            }
        }
        return stages;
    }

    /** The verified end-to-end times, one per seed that got that far. */
    static List<Long> verified(List<Stages> stages) {
        return reached(stages, Stages::verified);
    }

    private static List<Long> reached(List<Stages> stages, Function<Stages, OptionalLong> stage) {
        return stages.stream().map(stage).filter(OptionalLong::isPresent).map(OptionalLong::getAsLong).toList();
    }

    /** "incident 150, decided 150, issued 150, verified 203 (medians, s after the fault; 8, 8, 8, 8 seeds)". */
    static String stageMedians(List<Stages> stages) {
        List<Function<Stages, OptionalLong>> each = List.of(Stages::incident, Stages::decided,
                Stages::issued, Stages::verified);
        List<String> names = List.of("incident", "decided", "issued", "verified");
        List<String> medians = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        for (int i = 0; i < each.size(); i++) {
            List<Long> times = reached(stages, each.get(i));
            medians.add(names.get(i) + " " + q(times, 0.5));
            counts.add(String.valueOf(times.size()));
        }
        return String.join(", ", medians) + " (medians, s after the fault; " + String.join(", ", counts) + " seeds)";
    }

    static Run run(Topology topology, FaultType type, long seed, HealingMode mode, Optional<String> fixedTarget) {
        return run(topology, type, seed, mode, fixedTarget, Optional.empty(), Long.MAX_VALUE);
    }

    /**
     * @param remedy   an action issued by hand {@link HealableTrials#REMEDY_AFTER} into the fault (healing should be off);
     *                 one the simulator refuses ends the run at once, unrecovered
     * @param giveUpAt seconds into the fault after which a run not yet recovered ends (it can no longer beat that)
     */
    static Run run(Topology topology, FaultType type, long seed, HealingMode mode, Optional<String> fixedTarget,
            Optional<RemediationAction> remedy, long giveUpAt) {
        SplittableRandom random = new SplittableRandom(seed * 31 + type.ordinal());
        Instant start = SimulationConfig.DEFAULT_START.plus(Duration.ofHours(random.nextInt(7 * 24)));
        EngineOptions options = EngineOptions.headless(seed, start)
                .withHealing(HealingConfig.defaults().withDefaultMode(mode));
        try (EngineSession engine = EngineSession.assemble(topology, options)) {
            int target = FaultTargets.pick(type, engine, random);
            if (fixedTarget.isPresent()) {
                target = topology.indexOf(fixedTarget.get());
            }
            Optional<String> peer = Optional.empty();
            if (type.needsPeer()) {
                int[] callees = topology.calleesOf(target);
                peer = Optional.of(topology.component(callees[random.nextInt(callees.length)]).id());
            }
            Instant faultStart = start.plus(WARM_UP).plusSeconds(1);
            String targetId = topology.component(target).id();
            engine.simulator().inject(new FaultSpec(type, targetId, peer, type.defaultMagnitude(), faultStart, FAULT));
            long total = WARM_UP.plus(FAULT).plus(AFTER).toSeconds();
            boolean unwell = false;
            long wellSince = -1;
            OptionalLong recovery = OptionalLong.empty();
            Optional<Integer> memory = engine.store().handle(new SeriesKey(targetId, MetricName.MEMORY));
            Optional<Integer> disk = engine.store().handle(new SeriesKey(targetId, MetricName.DISK_USED));
            double memoryBefore = Double.NaN;
            double diskBefore = Double.NaN;
            for (long s = 0; s < total; s++) {
                engine.step();
                settle(engine);
                Instant now = engine.clock().instant();
                if (now.isBefore(faultStart)) {
                    memoryBefore = memory.map(engine.store()::latest).orElse(Double.NaN);
                    diskBefore = disk.map(engine.store()::latest).orElse(Double.NaN);
                    continue;
                }
                long since = Duration.between(faultStart, now).toSeconds();
                if (remedy.isPresent() && since == HealableTrials.REMEDY_AFTER.toSeconds()
                        && !engine.simulator().execute(remedy.get()).applied()) {
                    return new Run(OptionalLong.empty(), unwell, false, false, false, false, List.of(), List.of(), targetId,
                            peer, Stages.NONE);
                }
                if (remedy.isPresent() && (recovery.isPresent() || unwell && since > giveUpAt)) {
                    break;
                }
                if (unwell(engine, target, memory, memoryBefore, disk, diskBefore)) {
                    unwell = true;
                    wellSince = -1;
                } else if (unwell && recovery.isEmpty()) {
                    wellSince = wellSince < 0 ? since : wellSince;
                    if (since - wellSince >= STABLE.toSeconds()) {
                        recovery = OptionalLong.of(wellSince);
                    }
                }
            }
            if (!unwell) {
                recovery = OptionalLong.of(0); // never unwell: nothing to recover from (prevented, or the fault did no harm)
            }
            List<HealingAction> actions = engine.healing().actions();
            List<HealingDecision> decisions = engine.healing().decisions();
            Optional<String> peerId = peer;
            List<HealingDecision> onTarget = decisions.stream().filter(d -> d.playbookId().isPresent()
                    && !d.at().isBefore(faultStart)
                    && (d.component().equals(targetId) || peerId.map(d.component()::equals).orElse(false))).toList();
            boolean answered = !onTarget.isEmpty();
            // a playbook whose own pre-checks refuse the situation (a call the caller needs, no replica to fail over to)
            // said it does not fit
            boolean matched = onTarget.stream().anyMatch(d -> d.gates().stream()
                    .anyMatch(g -> g.gate() == Gate.PRE_CHECK && g.passed()));
            boolean healed = actions.stream().anyMatch(a -> a.state() == HealingState.SUCCEEDED
                    && !a.startedAt().isBefore(faultStart));
            Optional<HealingAction> firstVerified = actions.stream().filter(a -> a.state() == HealingState.SUCCEEDED
                    && !a.startedAt().isBefore(faultStart)).min(Comparator.comparing(HealingAction::updatedAt));
            Stages stages = new Stages(
                    after(faultStart, engine.incidents().incidents().stream().filter(i -> !i.openedAt().isBefore(faultStart)
                            && i.components().contains(targetId)).map(Incident::openedAt).min(Instant::compareTo)),
                    after(faultStart, decisions.stream().filter(d -> !d.at().isBefore(faultStart)
                            && d.component().equals(targetId)).map(HealingDecision::at).min(Instant::compareTo)),
                    after(faultStart, firstVerified.map(HealingAction::startedAt)),
                    after(faultStart, firstVerified.map(HealingAction::updatedAt)));
            List<String> described = actions.stream().map(a -> a.playbookId() + "@" + a.component() + ":" + a.state()).toList();
            List<String> decided = decisions.stream().filter(d -> !d.at().isBefore(faultStart))
                    .map(d -> d.at().toString().substring(11, 19) + " " + d.summary()).toList();
            return new Run(recovery, unwell, healed, !actions.isEmpty(), answered, matched, described,
                    decided, targetId, peer, stages);
        }
    }

    /**
     * The target as the simulator itself sees it, not as detection reports it (detection adapts to a slow fault and would
     * call it recovered while it still acts): its condition (errors, latency, availability, saturation) worse than
     * recovering, or its memory or disk more than 10 points above where they were when the fault started (a leak or a
     * filling disk harms before the condition shows it, and stays until something clears it).
     */
    private static boolean unwell(EngineSession engine, int target, Optional<Integer> memory, double memoryBefore,
            Optional<Integer> disk, double diskBefore) {
        if (engine.simulator().health(target).isWorseThan(HealthState.RECOVERING)) {
            return true;
        }
        if (memory.isPresent() && engine.store().latest(memory.get()) > memoryBefore + RESOURCE_POINTS) {
            return true;
        }
        return disk.isPresent() && engine.store().latest(disk.get()) > diskBefore + RESOURCE_POINTS;
    }

    /**
     * Playbook runs execute on the runbook engine's threads; waiting for them after each simulated second (as a console
     * with a free core would not notice) makes a trial repeat exactly whatever else the machine is doing.
     */
    private static void settle(EngineSession engine) {
        while (engine.runbooks().executions().stream()
                .anyMatch(run -> run.state() == dev.firebreak.engine.runbook.ExecutionState.RUNNING)) {
            java.util.concurrent.locks.LockSupport.parkNanos(100_000);
        }
    }

    private static String json(String figure) {
        return figure.equals("-") ? "null" : figure;
    }

    static String q(List<Long> values, double quantile) {
        if (values.isEmpty()) {
            return "-";
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return String.valueOf(sorted[Math.max(0, Math.min(sorted.length - 1, index))]);
    }

    static String ratio(List<Long> auto, List<Long> off, double quantile) {
        if (auto.isEmpty() || off.isEmpty()) {
            return "-";
        }
        double a = Double.parseDouble(q(auto, quantile));
        double o = Double.parseDouble(q(off, quantile));
        return o == 0 ? "-" : String.format(Locale.ROOT, "%.2f", a / o);
    }
}
