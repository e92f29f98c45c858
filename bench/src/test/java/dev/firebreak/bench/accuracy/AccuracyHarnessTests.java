package dev.firebreak.bench.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.firebreak.bench.DetectionAccuracy;
import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.fault.FaultStarted;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.sim.SimulatedConditionChanged;
import dev.firebreak.engine.sim.Simulator;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyException;
import dev.firebreak.engine.topology.TopologyLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AccuracyHarnessTests {

    private static Topology shop;

    // Short trials keep the suite quick; the harness's defaults are longer.
    private static final TrialSettings SHORT = new TrialSettings(Duration.ofMinutes(3), Duration.ofMinutes(2),
            Duration.ofMinutes(2), Severity.MEDIUM);

    @BeforeAll
    static void loadShop() throws TopologyException {
        shop = TopologyLoader.loadResource("topologies/shop.yaml");
    }

    @Test
    void shareOfActiveTimeCountsOnlyTheTargetsNonHealthyStretchesInsideTheFault() {
        java.time.Instant from = java.time.Instant.parse("2026-11-02T14:00:00Z");
        java.time.Instant to = from.plusSeconds(600);
        List<HealthRecord> changes = List.of(
                new HealthRecord(from.minusSeconds(30), "db", HealthState.DEGRADED),
                new HealthRecord(from.plusSeconds(60), "db", HealthState.RECOVERING),
                new HealthRecord(from.plusSeconds(120), "web", HealthState.FAILED),
                new HealthRecord(from.plusSeconds(180), "db", HealthState.HEALTHY),
                new HealthRecord(from.plusSeconds(540), "db", HealthState.CRITICAL),
                new HealthRecord(to.plusSeconds(10), "db", HealthState.HEALTHY));

        double notHealthy = FaultTrialRunner.shareOfTime(changes, "db", from, to, s -> s != HealthState.HEALTHY);
        double unhealthy = FaultTrialRunner.shareOfTime(changes, "db", from, to,
                s -> s != HealthState.HEALTHY && s != HealthState.RECOVERING);

        // degraded 0-60 s, recovering 60-180 s, healthy 180-540 s, critical 540-600 s
        assertThat(notHealthy).isCloseTo(240.0 / 600, within(1e-9));
        assertThat(unhealthy).isCloseTo(120.0 / 600, within(1e-9));
    }

    @Test
    void worstHealthIsTheStateTheTargetEnteredWithOrTheWorstItReachedWhileTheFaultActed() {
        Instant from = Instant.parse("2026-11-02T14:00:00Z");
        Instant to = from.plusSeconds(600);
        List<HealthRecord> changes = List.of(
                new HealthRecord(from.minusSeconds(30), "db", HealthState.RECOVERING),
                new HealthRecord(from.plusSeconds(60), "db", HealthState.DEGRADED),
                new HealthRecord(from.plusSeconds(90), "web", HealthState.FAILED),
                new HealthRecord(from.plusSeconds(120), "db", HealthState.HEALTHY),
                new HealthRecord(to.plusSeconds(10), "db", HealthState.FAILED));

        assertThat(FaultTrialRunner.worstOf(changes, "db", from, to)).isEqualTo(HealthState.DEGRADED);
        assertThat(FaultTrialRunner.worstOf(changes, "db", from.plusSeconds(121), to)).isEqualTo(HealthState.HEALTHY);
        assertThat(FaultTrialRunner.worstOf(changes, "db", from.minusSeconds(100), from)).isEqualTo(HealthState.RECOVERING);
        assertThat(FaultTrialRunner.worstOf(changes, "auth", from, to)).isEqualTo(HealthState.HEALTHY);
        assertThat(FaultTrialRunner.firstAtLeast(changes, "db", from, to, HealthState.DEGRADED)).hasValue(60);
        assertThat(FaultTrialRunner.firstAtLeast(changes, "web", from, to, HealthState.DEGRADED)).hasValue(90);
        assertThat(FaultTrialRunner.firstAtLeast(changes, "db", from.plusSeconds(70), to, HealthState.DEGRADED))
                .as("entered the window degraded").hasValue(0);
        assertThat(FaultTrialRunner.firstAtLeast(changes, "db", from.plusSeconds(121), to, HealthState.DEGRADED)).isEmpty();
    }

    @Test
    void lowSeverityOnTheTargetIsSeenButNotDetected() {
        FaultTrialRunner runner = new FaultTrialRunner(shop, SHORT,
                () -> new FiresAtFaultStart(Optional.empty(), Severity.LOW));

        FaultTrial trial = runner.run(FaultType.INSTANCE_KILL, 5);
        AccuracySummary summary = AccuracySummary.of(List.of(trial));

        assertThat(trial.detected()).isFalse();
        assertThat(trial.seen()).isTrue();
        assertThat(trial.timeToSee()).isEqualTo(OptionalLong.of(0));
        assertThat(trial.highestSeverity()).isEqualTo(Severity.LOW);
        assertThat(summary.seenAll()).isEqualTo(1);
        assertThat(summary.detectedAll()).isZero();
        assertThat(summary.highest()).containsEntry(Severity.LOW, 1);
        assertThat(DetectionAccuracy.counts(summary.highest())).isEqualTo("low 1");
    }

    @Test
    void interimRuleMapsBadHealthStatesToSeverities() {
        assertThat(InterimHealthRuleDetection.severityOf(HealthState.HEALTHY)).isEqualTo(Severity.NONE);
        assertThat(InterimHealthRuleDetection.severityOf(HealthState.RECOVERING)).isEqualTo(Severity.NONE);
        assertThat(InterimHealthRuleDetection.severityOf(HealthState.DEGRADED)).isEqualTo(Severity.MEDIUM);
        assertThat(InterimHealthRuleDetection.severityOf(HealthState.CRITICAL)).isEqualTo(Severity.HIGH);
        assertThat(InterimHealthRuleDetection.severityOf(HealthState.FAILED)).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void fullPartitionIsDetectedByTheInterimRuleWithinSeconds() {
        FaultTrialRunner runner = new FaultTrialRunner(shop, SHORT, InterimHealthRuleDetection::new);

        FaultTrial trial = runner.run(FaultType.NETWORK_PARTITION, 3);

        assertThat(trial.peer()).isPresent();
        assertThat(trial.movedGoldenSignal()).isTrue();
        assertThat(trial.detected()).isTrue();
        assertThat(trial.timeToDetect().getAsLong()).isLessThan(30);
    }

    @Test
    void detectionThatNeverFiresMissesTheFault() {
        FaultTrialRunner runner = new FaultTrialRunner(shop, SHORT, () -> new Silent());

        FaultTrial trial = runner.run(FaultType.NETWORK_PARTITION, 3);

        assertThat(trial.detected()).isFalse();
        assertThat(trial.detectedOnlyFarAway()).isFalse();
    }

    @Test
    void detectionOnAFarComponentCountsAsAMissInTheWrongPlace() {
        // the detection fires on email-provider while the fault sits somewhere whose neighbourhood excludes it
        FaultTrialRunner runner = new FaultTrialRunner(shop, SHORT, () -> new FiresAtFaultStart(Optional.of("email-provider")));

        FaultTrial trial = runTrialAwayFrom(runner, "email-provider");

        assertThat(trial.detected()).isFalse();
        assertThat(trial.detectedOnlyFarAway()).isTrue();
        assertThat(trial.farDetections()).isEqualTo(1);
    }

    @Test
    void detectionOnTheTargetAtFaultStartTakesZeroSeconds() {
        FaultTrialRunner runner = new FaultTrialRunner(shop, SHORT, () -> new FiresAtFaultStart(Optional.empty()));

        FaultTrial trial = runner.run(FaultType.CPU_PRESSURE, 5);

        assertThat(trial.timeToDetect()).isEqualTo(OptionalLong.of(0));
    }

    @Test
    void neighbourhoodHoldsTargetPeerAndTheirDirectCallersAndCallees() {
        FaultTrialRunner runner = new FaultTrialRunner(shop, SHORT, Silent::new);
        int checkout = shop.indexOf("checkout");

        var neighbourhood = runner.neighbourhood(checkout, Optional.empty());

        assertThat(neighbourhood).contains(checkout);
        for (int callee : shop.calleesOf(checkout)) {
            assertThat(neighbourhood).contains(callee);
        }
        for (int caller : shop.callersOf(checkout)) {
            assertThat(neighbourhood).contains(caller);
        }
        assertThat(neighbourhood).doesNotContain(shop.indexOf("email-provider"));
    }

    @Test
    void faultFreeRunCountsDetectionsAfterTheWarmUpPerHundredComponentDays() {
        // fires once a minute on one component: 60 minutes -> 60 alarms
        FaultFreeRun run = FaultFreeRun.simulate(shop, 1, Duration.ofMinutes(5), Duration.ofHours(1), Severity.MEDIUM,
                new OncePerMinute());

        assertThat(run.falseAlarms()).isEqualTo(60);
        assertThat(run.falseAlarmsPerComponent()).containsOnlyKeys("web");
        assertThat(run.perHundredComponentDays()).isCloseTo(100.0 * 60 / (shop.size() / 24.0),
                within(1e-9));
        assertThat(run.perWeek()).containsExactly(60);
        // each week's alarms split by the simulator's judgement: on an unhealthy component <= while any is
        assertThat(run.perWeekOnUnhealthyComponent()).hasSize(1);
        assertThat(run.perWeekOnUnhealthyComponent().getFirst()).isEqualTo(run.whileSimulatorUnhealthy())
                .isLessThanOrEqualTo(run.perWeekWhileSystemUnhealthy().getFirst());
        assertThat(run.perWeekWhileSystemUnhealthy()).containsExactly(run.whileSystemUnhealthy());
    }

    @Test
    void anAlarmCountsAsRaisedWhileTheSimulatorJudgedAComponentUnhealthyOnlyBetweenItsChanges() {
        Instant t0 = Instant.parse("2026-11-18T13:46:00Z");
        List<SimulatedConditionChanged> changes = List.of(
                new SimulatedConditionChanged(t0, "postgres-replica", HealthState.HEALTHY, HealthState.FAILED, "disk full"),
                new SimulatedConditionChanged(t0.plusSeconds(5), "web", HealthState.HEALTHY, HealthState.DEGRADED, "errors"),
                new SimulatedConditionChanged(t0.plusSeconds(60), "postgres-replica", HealthState.FAILED, HealthState.HEALTHY,
                        "cleaned up"));

        assertThat(FaultFreeRun.simulatedCondition(changes, "postgres-replica", t0.minusSeconds(1))).isEqualTo(HealthState.HEALTHY);
        assertThat(FaultFreeRun.simulatedCondition(changes, "postgres-replica", t0)).isEqualTo(HealthState.FAILED);
        assertThat(FaultFreeRun.simulatedCondition(changes, "postgres-replica", t0.plusSeconds(59))).isEqualTo(HealthState.FAILED);
        assertThat(FaultFreeRun.simulatedCondition(changes, "postgres-replica", t0.plusSeconds(60))).isEqualTo(HealthState.HEALTHY);
        assertThat(FaultFreeRun.simulatedCondition(changes, "web", t0.plusSeconds(61))).isEqualTo(HealthState.DEGRADED);
        assertThat(FaultFreeRun.simulatedCondition(changes, "catalog", t0.plusSeconds(61))).isEqualTo(HealthState.HEALTHY);
        assertThat(FaultFreeRun.anyUnhealthy(changes, t0.minusSeconds(1))).isFalse();
        assertThat(FaultFreeRun.anyUnhealthy(changes, t0.plusSeconds(61))).isTrue();
    }

    @Test
    void goldenSignalMovesOnAStepButNotOnNoise() {
        SplittableRandom random = new SplittableRandom(1);
        double[] before = noisy(random, 100, 5, 600);
        double[] sameNoise = noisy(random, 100, 5, 600);
        double[] stepUp = noisy(random, 150, 5, 600);

        assertThat(GoldenSignals.moved(before, sameNoise, 1)).isFalse();
        assertThat(GoldenSignals.moved(before, stepUp, 1)).isTrue();
        // a flat error rate rising by 0.2 points stays below the absolute floor
        assertThat(GoldenSignals.moved(new double[] {0, 0, 0}, new double[] {0.2, 0.2, 0.2}, 0.5)).isFalse();
    }

    @Test
    void summaryGivesShareAndNearestRankPercentilesOverMovedTrials() {
        List<FaultTrial> trials = List.of(trial(OptionalLong.of(1), true), trial(OptionalLong.of(3), true),
                trial(OptionalLong.of(40), true), trial(OptionalLong.empty(), true), trial(OptionalLong.of(7), false));

        AccuracySummary summary = AccuracySummary.of(trials);

        assertThat(summary.moved()).isEqualTo(4);
        assertThat(summary.detectedMoved()).isEqualTo(3);
        assertThat(summary.detectedAll()).isEqualTo(4);
        assertThat(summary.detectedShare()).isEqualTo(0.75);
        assertThat(summary.medianSeconds()).isEqualTo(OptionalLong.of(3));
        assertThat(summary.p95Seconds()).isEqualTo(OptionalLong.of(40));
    }

    private static FaultTrial trial(OptionalLong timeToDetect, boolean moved) {
        return new FaultTrial(FaultType.LATENCY, 1, "web", Optional.empty(), timeToDetect, 0, moved);
    }

    private static double[] noisy(SplittableRandom random, double mean, double sd, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = mean + sd * (random.nextDouble() * 2 - 1) * Math.sqrt(3);
        }
        return values;
    }

    /** Finds a seed whose latency fault lands away from the given component's neighbourhood. */
    private static FaultTrial runTrialAwayFrom(FaultTrialRunner runner, String far) {
        for (long seed = 1; seed < 50; seed++) {
            FaultTrial trial = runner.run(FaultType.LATENCY, seed);
            int target = shop.indexOf(trial.target());
            if (!runner.neighbourhood(target, Optional.empty()).contains(shop.indexOf(far))) {
                return trial;
            }
        }
        throw new AssertionError("no seed put the fault away from " + far);
    }

    private static final class Silent implements DetectionUnderTest {
        @Override
        public String name() {
            return "silent";
        }

        @Override
        public void attach(Simulator simulator, EventBus bus, MetricStore store, Consumer<DetectionRecord> sink) {
        }
    }

    /** Reports a detection when a fault starts, on its target or on a fixed component. */
    private record FiresAtFaultStart(Optional<String> component, Severity severity) implements DetectionUnderTest {

        FiresAtFaultStart(Optional<String> component) {
            this(component, Severity.HIGH);
        }

        @Override
        public String name() {
            return "fault-start";
        }

        @Override
        public void attach(Simulator simulator, EventBus bus, MetricStore store, Consumer<DetectionRecord> sink) {
            bus.subscribe(FaultStarted.class, started -> sink.accept(new DetectionRecord(started.at(),
                    component.orElse(started.fault().spec().target()), severity, "test")));
        }
    }

    private static final class OncePerMinute implements DetectionUnderTest {
        @Override
        public String name() {
            return "once-per-minute";
        }

        @Override
        public void attach(Simulator simulator, EventBus bus, MetricStore store, Consumer<DetectionRecord> sink) {
            bus.subscribe(MetricsTicked.class, tick -> {
                if (tick.epochSecond() % 60 == 0) {
                    sink.accept(new DetectionRecord(tick.at(), "web", Severity.MEDIUM, "test"));
                    sink.accept(new DetectionRecord(tick.at(), "auth", Severity.LOW, "below the minimum"));
                }
            });
        }
    }
}
