package dev.firebreak.engine.heal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecisionChainTests {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    static final String RESTART = """
            id: restart-leak
            title: Restart a leaking service
            parameters:
              - name: service
                type: component
            steps:
              - id: restart
                type: command
                simulator: {action: restart, target: "{{params.service}}"}
            healing:
              category: restart
              trigger: {faultKinds: ["resource exhaustion: memory"], componentKinds: [service]}
              scope: instance
            """;

    static final String FAILOVER = """
            id: failover-db
            title: Fail over
            parameters:
              - name: service
                type: component
            steps:
              - id: failover
                type: command
                simulator: {action: failover, target: "{{params.service}}"}
            healing:
              category: failover
              trigger: {faultKinds: ["dependency failing"], componentKinds: [database]}
              scope: dependents
            """;

    static final String BREAKER = """
            id: break-circuit
            title: Open the caller's breaker
            parameters:
              - name: service
                type: component
            steps:
              - id: open
                type: command
                simulator: {action: open-breaker, target: notifications, callee: "{{params.service}}"}
                rollback:
                  simulator: {action: close-breaker, target: notifications, callee: "{{params.service}}"}
            healing:
              category: circuit-break
              trigger: {faultKinds: ["link failing"]}
              scope: dependents
            """;

    private final Topology shop = shop();
    private HealingConfig config = HealingConfig.defaults().withDefaultMode(HealingMode.AUTOMATIC);
    private final List<HealingDecision> history = new ArrayList<>();
    private final List<HealingAction> actions = new ArrayList<>();
    private Optional<String> halt = Optional.empty();
    private dev.firebreak.engine.health.HealthState health = dev.firebreak.engine.health.HealthState.CRITICAL;
    private Optional<Instant> instancesDownAt = Optional.empty();
    private Strategy strategy = Strategy.REACTIVE;

    private HealingDecision decide(String component, String kind, double confidence) {
        PlaybookLibrary library = new PlaybookLibrary(List.of(playbook(RESTART), playbook(FAILOVER), playbook(BREAKER)),
                List.of());
        return DecisionChain.decide(new DecisionChain.Input(NOW, strategy, Optional.of(7L), component,
                shop.component(shop.indexOf(component)).kind().name().toLowerCase(), kind, confidence, "simulator", config,
                false, halt, library, shop, history, actions,
                playbook -> new DecisionChain.Fill(Map.of("service", component), Optional.empty()), health, instancesDownAt));
    }

    @Test
    void aConfidentCauseWithAMatchingPlaybookActsWithEveryGatePassed() {
        HealingDecision decision = decide("catalog", "resource exhaustion: memory", 0.93);

        assertThat(decision.verdict()).isEqualTo(Verdict.ACT);
        assertThat(decision.playbookId()).contains("restart-leak");
        assertThat(decision.blastRadius()).contains(BlastRadius.SINGLE_INSTANCE);
        assertThat(decision.gates()).allMatch(GateVerdict::passed);
        assertThat(decision.gates()).extracting(GateVerdict::gate).containsExactly(Gate.DIAGNOSIS, Gate.STRATEGY,
                Gate.PLAYBOOK, Gate.MODE,
                Gate.HALT, Gate.CONFIDENCE, Gate.BLAST_RADIUS, Gate.BREAKER, Gate.RATE_LIMIT, Gate.COOLDOWN, Gate.PARALLEL,
                Gate.CHANGE_FREEZE, Gate.PRE_CHECK, Gate.APPROVAL);
    }

    @Test
    void aRestartRightAfterTheComponentsOwnInstancesWereDownCoolsDownUntilTheCooldownHasPassed() {
        instancesDownAt = Optional.of(NOW.minusSeconds(120));

        HealingDecision restart = decide("catalog", "resource exhaustion: memory", 0.93);
        instancesDownAt = Optional.of(NOW.minus(config.cooldown()).minusSeconds(1));
        HealingDecision later = decide("catalog", "resource exhaustion: memory", 0.93);

        assertThat(restart.verdict()).isEqualTo(Verdict.REFUSED);
        assertThat(restart.refusedBy().orElseThrow().gate()).isEqualTo(Gate.COOLDOWN);
        assertThat(restart.refusedBy().orElseThrow().why()).contains("instances were down").contains("supervisor");
        assertThat(later.verdict()).as("once the cooldown has passed").isEqualTo(Verdict.ACT);
    }

    @Test
    void aCauseBelowTheThresholdIsRefusedByTheConfidenceGate() {
        HealingDecision decision = decide("catalog", "resource exhaustion: memory", 0.62);

        assertThat(decision.verdict()).isEqualTo(Verdict.REFUSED);
        assertThat(decision.refusedBy().orElseThrow().gate()).isEqualTo(Gate.CONFIDENCE);
        assertThat(decision.refusedBy().orElseThrow().why()).contains("0.62 < 0.80");
    }

    @Test
    void aCauseJustUnderTheThresholdIsShownWithTheDecimalsThatMakeTheRefusalVisible() {
        HealingDecision decision = decide("catalog", "resource exhaustion: memory", 0.7996);

        assertThat(decision.refusedBy().orElseThrow().why()).startsWith("0.7996 < 0.8000");
    }

    @Test
    void aProactiveDecisionIsRefusedByTheStrategyGateWhileProactiveHealingIsSwitchedOff() {
        strategy = Strategy.PROACTIVE;
        health = dev.firebreak.engine.health.HealthState.DEGRADED;
        config = config.withStrategies(java.util.EnumSet.of(Strategy.REACTIVE, Strategy.PREDICTIVE));

        HealingDecision decision = decide("catalog", "resource exhaustion: memory", 0.93);

        assertThat(decision.verdict()).isEqualTo(Verdict.REFUSED);
        assertThat(decision.refusedBy().orElseThrow().gate()).isEqualTo(Gate.STRATEGY);
        assertThat(decision.refusedBy().orElseThrow().why()).contains("proactive healing is switched off")
                .contains("waits until something in the incident has failed");
    }

    @Test
    void aPlaybookThatAnswersOnlyReactivelyRefusesAProactiveDecisionNamingItself() {
        strategy = Strategy.PROACTIVE;
        health = dev.firebreak.engine.health.HealthState.DEGRADED;

        HealingDecision decision = decide("catalog", "resource exhaustion: memory", 0.93);
        strategy = Strategy.REACTIVE;
        HealingDecision onceFailed = decide("catalog", "resource exhaustion: memory", 0.93);

        assertThat(decision.refusedBy().orElseThrow().gate()).isEqualTo(Gate.PLAYBOOK);
        assertThat(decision.refusedBy().orElseThrow().why()).contains("restart-leak answers").contains("only as reactive")
                .contains("this decision is proactive");
        assertThat(onceFailed.verdict()).isEqualTo(Verdict.ACT);
    }

    @Test
    void aPlaybookListingProactiveActsBeforeAnythingHasFailed() {
        strategy = Strategy.PROACTIVE;
        health = dev.firebreak.engine.health.HealthState.DEGRADED;
        PlaybookLibrary library = new PlaybookLibrary(List.of(playbook(RESTART.replace("componentKinds: [service]}",
                "componentKinds: [service], strategies: [reactive, proactive]}"))), List.of());

        HealingDecision decision = DecisionChain.decide(new DecisionChain.Input(NOW, strategy, Optional.of(7L), "catalog",
                "service", "resource exhaustion: memory", 0.93, "simulator", config, false, halt, library, shop, history,
                actions, playbook -> new DecisionChain.Fill(Map.of("service", "catalog"), Optional.empty()), health,
                instancesDownAt));

        assertThat(decision.verdict()).isEqualTo(Verdict.ACT);
        assertThat(decision.strategy()).isEqualTo(Strategy.PROACTIVE);
        assertThat(decision.gates().getFirst().why()).contains("proactive");
    }

    @ParameterizedTest(name = "the failover can be filled in: {0}")
    @ValueSource(booleans = {true, false})
    void aPlaybookThatCannotBeFilledInForTheComponentYieldsToTheNextOneAnswering(boolean failoverApplies) {
        // a replica has no replica of its own to fail over to; a lower-priority playbook for the same cause still fits it
        String reroute = BREAKER.replace("id: break-circuit", "id: reroute-reads")
                .replace("category: circuit-break", "category: reroute")
                .replace("trigger: {faultKinds: [\"link failing\"]}",
                        "trigger: {faultKinds: [\"dependency failing\"], componentKinds: [database]}");
        PlaybookLibrary library = new PlaybookLibrary(List.of(playbook(FAILOVER), playbook(reroute)), List.of());

        HealingDecision decision = DecisionChain.decide(new DecisionChain.Input(NOW, strategy, Optional.of(7L),
                "postgres-replica", "database", "dependency failing: calls to it fail", 0.95, "simulator", config, false,
                halt, library, shop, history, actions, playbook -> playbook.id().equals("failover-db") && !failoverApplies
                        ? new DecisionChain.Fill(Map.of(), Optional.of("parameter 'replica' cannot be filled"), false)
                        : new DecisionChain.Fill(Map.of("service", "postgres-replica"), Optional.empty()),
                health, instancesDownAt));

        assertThat(decision.playbookId()).contains(failoverApplies ? "failover-db" : "reroute-reads");
        assertThat(decision.verdict()).isEqualTo(Verdict.ACT);
    }

    @Test
    void whenNoPlaybookAnsweringCanBeFilledInTheFirstIsRefusedAtItsPreCheck() {
        PlaybookLibrary library = new PlaybookLibrary(List.of(playbook(FAILOVER)), List.of());

        HealingDecision decision = DecisionChain.decide(new DecisionChain.Input(NOW, strategy, Optional.of(7L),
                "postgres-replica", "database", "dependency failing: calls to it fail", 0.95, "simulator", config, false,
                halt, library, shop, history, actions,
                playbook -> new DecisionChain.Fill(Map.of(), Optional.of("parameter 'replica' cannot be filled"), false),
                health, instancesDownAt));

        assertThat(decision.playbookId()).contains("failover-db");
        assertThat(decision.refusedBy().orElseThrow().gate()).isEqualTo(Gate.PRE_CHECK);
        assertThat(decision.refusedBy().orElseThrow().why()).contains("replica");
    }

    @Test
    void aKindNoPlaybookAnswersIsRefusedNamingTheKind() {
        HealingDecision decision = decide("catalog", "latency in its own handling", 0.95);

        assertThat(decision.refusedBy().orElseThrow().gate()).isEqualTo(Gate.PLAYBOOK);
        assertThat(decision.refusedBy().orElseThrow().why()).contains("latency in its own handling").contains("service");
    }

    @Test
    void aPlaybookWhoseBlastRadiusExceedsTheAllowedClassIsRefused() {
        config = config.withAllowedRadius(BlastRadius.SINGLE_SERVICE);

        HealingDecision decision = decide("postgres-primary", "dependency failing: calls to it fail", 0.95);

        assertThat(decision.verdict()).isEqualTo(Verdict.REFUSED);
        assertThat(decision.refusedBy().orElseThrow().gate()).isEqualTo(Gate.BLAST_RADIUS);
        assertThat(decision.refusedBy().orElseThrow().why()).contains("several services exceeds the allowed single service");
    }

    @Test
    void shadowModeDecidesTheSameButOnlyRecordsWhatItWouldHaveDone() {
        HealingDecision automatic = decide("catalog", "resource exhaustion: memory", 0.93);
        config = config.withDefaultMode(HealingMode.SHADOW);

        HealingDecision shadow = decide("catalog", "resource exhaustion: memory", 0.93);

        assertThat(shadow.verdict()).isEqualTo(Verdict.SHADOW);
        assertThat(shadow.playbookId()).isEqualTo(automatic.playbookId());
        assertThat(shadow.parameters()).isEqualTo(automatic.parameters());
        assertThat(shadow.summary()).contains("would have run playbook restart-leak");
    }

    @Test
    void haltRefusesEverythingNew() {
        halt = Optional.of("game day went wrong (ana)");

        HealingDecision decision = decide("catalog", "resource exhaustion: memory", 0.99);

        assertThat(decision.refusedBy().orElseThrow().gate()).isEqualTo(Gate.HALT);
    }

    @Test
    void aComponentActedOnRecentlyCoolsDownAndTheRateLimitCountsEveryStart() {
        history.add(decide("catalog", "resource exhaustion: memory", 0.93).withId(1));

        HealingDecision again = decide("catalog", "resource exhaustion: memory", 0.93);
        assertThat(again.refusedBy().orElseThrow().gate()).isEqualTo(Gate.COOLDOWN);

        config = new HealingConfig(HealingMode.AUTOMATIC, Map.of(), 0.8, BlastRadius.SEVERAL_SERVICES, 3,
                Duration.ofHours(1), 1, Duration.ZERO, 3, List.of(), Duration.ofMinutes(30),
                java.util.Set.of(Strategy.REACTIVE), Duration.ofMinutes(10), 0.15);
        assertThat(decide("cart", "resource exhaustion: memory", 0.93).refusedBy().orElseThrow().gate())
                .isEqualTo(Gate.RATE_LIMIT);
    }

    @Test
    void aPlaybookThatDidNotHelpIsNotRunAgainOnTheSameComponentForTheSameIncident() {
        HealingDecision first = decide("catalog", "resource exhaustion: memory", 0.93).withId(1);
        actions.add(action(1, first, HealingState.ROLLED_BACK, NOW.minusSeconds(1200), NOW.minusSeconds(900)));

        HealingDecision again = decide("catalog", "resource exhaustion: memory", 0.93);
        HealingDecision elsewhere = decide("cart", "resource exhaustion: memory", 0.93);

        assertThat(again.verdict()).isEqualTo(Verdict.REFUSED);
        assertThat(again.refusedBy().orElseThrow().gate()).isEqualTo(Gate.PLAYBOOK);
        assertThat(again.refusedBy().orElseThrow().why()).contains("already ran on catalog").contains("rolled back");
        assertThat(elsewhere.verdict()).as("another component of the same incident").isEqualTo(Verdict.ACT);
    }

    @Test
    void aVerifiedChangeThatLastsIsNotMadeAgainForTheSameIncidentUntilAPersonUndoesIt() {
        config = config.withCooldown(Duration.ZERO);
        HealingDecision first = decide("email-provider", "link failing: only one caller's calls to it fail", 0.97).withId(1);
        assertThat(first.verdict()).isEqualTo(Verdict.ACT);
        HealingAction open = action(1, first, HealingState.SUCCEEDED, NOW.minusSeconds(600), NOW.minusSeconds(570));
        actions.add(open);

        HealingDecision again = decide("email-provider", "link failing: only one caller's calls to it fail", 0.97);
        assertThat(again.refusedBy().orElseThrow().gate()).isEqualTo(Gate.PLAYBOOK);
        assertThat(again.refusedBy().orElseThrow().why()).contains("break-circuit is in effect on email-provider (action 1")
                .contains("until a person undoes it");

        actions.set(0, open.withRollback(9));
        assertThat(decide("email-provider", "link failing: only one caller's calls to it fail", 0.97).verdict())
                .as("undone: it may be made again").isEqualTo(Verdict.ACT);
        HealingDecision restart = decide("catalog", "resource exhaustion: memory", 0.93).withId(2);
        actions.add(action(2, restart, HealingState.SUCCEEDED, NOW.minusSeconds(600), NOW.minusSeconds(570)));
        assertThat(decide("catalog", "resource exhaustion: memory", 0.93).verdict())
                .as("a restart leaves nothing in effect: a leak that climbs again is restarted again").isEqualTo(Verdict.ACT);
    }

    @Test
    void aVerifiedFailoverIsNotMadeAgainForTheSameIncidentThoughNothingUndoesIt() {
        config = config.withCooldown(Duration.ZERO);
        PlaybookLibrary library = new PlaybookLibrary(List.of(playbook(FAILOVER.replace("scope: dependents",
                "scope: dependents\n  lasting: true"))), List.of());
        HealingDecision first = decide(library, 7L, "dependency failing").withId(1);
        assertThat(first.verdict()).isEqualTo(Verdict.ACT);
        actions.add(action(1, first, HealingState.SUCCEEDED, NOW.minusSeconds(600), NOW.minusSeconds(570)));

        HealingDecision again = decide(library, 7L, "dependency failing");
        HealingDecision anotherIncident = decide(library, 8L, "dependency failing");

        assertThat(again.refusedBy().orElseThrow().gate()).isEqualTo(Gate.PLAYBOOK);
        assertThat(again.refusedBy().orElseThrow().why()).contains("failover-db is in effect on postgres-primary (action 1")
                .contains("nothing undoes it automatically");
        assertThat(anotherIncident.verdict()).isEqualTo(Verdict.ACT);
    }

    @Test
    void onceAFailoverIsVerifiedNoOtherWayAroundTheSameDatabaseIsTakenForTheIncidentButAFailoverMayFollowAReroute() {
        config = config.withCooldown(Duration.ZERO);
        String reroute = BREAKER.replace("id: break-circuit", "id: reroute-reads")
                .replace("category: circuit-break", "category: reroute")
                .replace("trigger: {faultKinds: [\"link failing\"]}",
                        "trigger: {faultKinds: [\"latency\"], componentKinds: [database]}");
        PlaybookLibrary library = new PlaybookLibrary(List.of(playbook(FAILOVER.replace("scope: dependents",
                "scope: dependents\n  lasting: true")), playbook(reroute)), List.of());
        HealingDecision half = decide(library, 7L, "latency in its own handling").withId(1);
        assertThat(half.verdict()).as("nothing in effect yet").isEqualTo(Verdict.ACT);
        actions.add(action(1, half, HealingState.SUCCEEDED, NOW.minusSeconds(900), NOW.minusSeconds(870)));
        HealingDecision failover = decide(library, 7L, "dependency failing").withId(2);
        assertThat(failover.verdict()).as("half the reads rerouted leaves the rest reaching it: the failover may follow")
                .isEqualTo(Verdict.ACT);
        actions.add(action(2, failover, HealingState.SUCCEEDED, NOW.minusSeconds(600), NOW.minusSeconds(570)));

        HealingDecision rerouteAfter = decide(library, 7L, "latency in its own handling");

        assertThat(rerouteAfter.playbookId()).contains("reroute-reads");
        assertThat(rerouteAfter.refusedBy().orElseThrow().gate()).isEqualTo(Gate.PLAYBOOK);
        assertThat(rerouteAfter.refusedBy().orElseThrow().why())
                .contains("postgres-primary's callers already go around it for good").contains("failover-db is in effect");
        assertThat(decide("catalog", "resource exhaustion: memory", 0.93).verdict())
                .as("a restart elsewhere in the incident is not a way around the database").isEqualTo(Verdict.ACT);
    }

    @Test
    void failedHealsInTheWindowOpenTheBreakerAndAHealedCauseThatCameBackCountsAsOne() {
        HealingDecision base = decide("catalog", "resource exhaustion: memory", 0.93).withId(1);
        actions.add(action(1, base, HealingState.ROLLED_BACK, NOW.minusSeconds(1800), NOW.minusSeconds(1700)));
        actions.add(action(2, base, HealingState.SUCCEEDED, NOW.minusSeconds(1500), NOW.minusSeconds(1400)));
        actions.add(action(3, base, HealingState.SUCCEEDED, NOW.minusSeconds(900), NOW.minusSeconds(800)));
        config = config.withCooldown(Duration.ZERO);

        HealingDecision decision = decide("cart", "resource exhaustion: memory", 0.93);

        // 1 rolled back + action 2 came back within 30 min (action 3) = 2 < 3
        assertThat(decision.verdict()).isEqualTo(Verdict.ACT);
        actions.add(action(4, base, HealingState.SUCCEEDED, NOW.minusSeconds(300), NOW.minusSeconds(200)));
        HealingDecision refused = decide("cart", "resource exhaustion: memory", 0.93);
        assertThat(refused.refusedBy().orElseThrow().gate()).isEqualTo(Gate.BREAKER);
        assertThat(refused.refusedBy().orElseThrow().why()).contains("open: 3 failed heal(s)");
    }

    @Test
    void anOpenChangeFreezeRefusesNamingItsReason() {
        config = config.withFreeze(new ChangeFreeze(NOW.minusSeconds(60), NOW.plusSeconds(3600), "black friday"));

        HealingDecision decision = decide("catalog", "resource exhaustion: memory", 0.93);

        assertThat(decision.refusedBy().orElseThrow().why()).contains("black friday");
        assertThat(decision.refusedBy().orElseThrow().gate()).isEqualTo(Gate.CHANGE_FREEZE);
    }

    @Test
    void aPlaybooksRecordMovesTheConfidenceWithinItsBound() {
        HealingDecision base = decide("catalog", "resource exhaustion: memory", 0.75).withId(1);
        for (int i = 0; i < 20; i++) {
            actions.add(action(10 + i, base, HealingState.SUCCEEDED, NOW.minusSeconds(86_400 * 3 + i * 4000L),
                    NOW.minusSeconds(86_400 * 3 + i * 4000L - 60)));
        }
        config = config.withCooldown(Duration.ZERO);

        HealingDecision decision = decide("catalog", "resource exhaustion: memory", 0.75);

        assertThat(decision.confidence()).isGreaterThan(0.80).isLessThanOrEqualTo(0.75 + 0.15);
        assertThat(decision.verdict()).isEqualTo(Verdict.ACT);
        assertThat(decision.successRate()).isEqualTo(OptionalDouble.of(1.0));
    }

    private HealingDecision decide(PlaybookLibrary library, long incident, String kind) {
        return DecisionChain.decide(new DecisionChain.Input(NOW, strategy, Optional.of(incident), "postgres-primary",
                "database", kind, 0.95, "simulator", config, false, halt, library, shop, history, actions,
                playbook -> new DecisionChain.Fill(Map.of("service", "postgres-primary"), Optional.empty()), health,
                instancesDownAt));
    }

    private static HealingAction action(long id, HealingDecision decision, HealingState state, Instant start, Instant end) {
        return new HealingAction(id, decision, Optional.of(id), state, Optional.empty(), "", start, end, Optional.empty());
    }

    static Playbook playbook(String yaml) {
        try {
            return PlaybookLoader.parse("test.yaml", yaml, Optional.empty());
        } catch (PlaybookException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static Topology shop() {
        try {
            return TopologyLoader.loadResource("topologies/shop.yaml");
        } catch (Exception e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
