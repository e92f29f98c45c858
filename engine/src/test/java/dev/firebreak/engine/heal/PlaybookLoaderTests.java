package dev.firebreak.engine.heal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.engine.health.HealthState;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlaybookLoaderTests {

    @Test
    void readsTheHealingBlockBesideTheRunbook() throws PlaybookException {
        Playbook playbook = PlaybookLoader.parse("p.yaml", DecisionChainTests.RESTART.replace("scope: instance",
                "scope: instance\n  confidence: 0.9\n  priority: 4\n  mode: approval\n  verify: {hold: 45s, timeout: 3m}"),
                Optional.empty());

        assertThat(playbook.id()).isEqualTo("restart-leak");
        assertThat(playbook.runbook().steps()).hasSize(1);
        assertThat(playbook.confidence()).contains(0.9);
        assertThat(playbook.mode()).contains(HealingMode.APPROVAL);
        assertThat(playbook.priority()).isEqualTo(4);
        assertThat(playbook.verification().hold()).isEqualTo(Duration.ofSeconds(45));
        assertThat(playbook.verification().timeout()).isEqualTo(Duration.ofMinutes(3));
        assertThat(playbook.verification().addsCapacity()).isFalse();
        assertThat(playbook.strategies()).containsExactly(Strategy.REACTIVE);
    }

    @Test
    void aPlaybookThatAddsCapacitySaysSoInItsVerification() throws PlaybookException {
        Playbook playbook = PlaybookLoader.parse("p.yaml", DecisionChainTests.RESTART.replace("scope: instance",
                "scope: instance\n  verify: {addsCapacity: true}"), Optional.empty());

        assertThat(playbook.verification().addsCapacity()).isTrue();
        assertThat(playbook.verification().hold()).isEqualTo(Playbook.Verification.DEFAULT.hold());
    }

    @Test
    void aVerificationFlagThatIsNotABooleanIsNamed() {
        assertThatThrownBy(() -> PlaybookLoader.parse("p.yaml", DecisionChainTests.RESTART.replace("scope: instance",
                "scope: instance\n  verify: {addsCapacity: lots}"), Optional.empty()))
                .isInstanceOf(PlaybookException.class).hasMessageContaining("healing.verify.addsCapacity");
    }

    @Test
    void aPlaybookWithARollbackLastsAndOneWithoutLastsOnlyWhenItSaysSo() throws PlaybookException {
        Playbook breaker = PlaybookLoader.parse("p.yaml", DecisionChainTests.BREAKER, Optional.empty());
        Playbook restart = PlaybookLoader.parse("p.yaml", DecisionChainTests.RESTART, Optional.empty());
        Playbook failover = PlaybookLoader.parse("p.yaml", DecisionChainTests.FAILOVER.replace("scope: dependents",
                "scope: dependents\n  lasting: true"), Optional.empty());

        assertThat(breaker.lasting()).as("its rollback closes the breaker it opened").isTrue();
        assertThat(breaker.undoable()).isTrue();
        assertThat(restart.lasting()).isFalse();
        assertThat(failover.lasting()).isTrue();
        assertThat(failover.undoable()).as("nothing here fails a database back").isFalse();
        assertThatThrownBy(() -> PlaybookLoader.parse("p.yaml", DecisionChainTests.RESTART.replace("scope: instance",
                "scope: instance\n  lasting: forever"), Optional.empty()))
                .isInstanceOf(PlaybookException.class).hasMessageContaining("healing.lasting");
    }

    @Test
    void aListOfTriggersAnswersWhatAnyOfThemAnswers() throws PlaybookException {
        Playbook playbook = PlaybookLoader.parse("p.yaml", DecisionChainTests.FAILOVER.replace(
                "trigger: {faultKinds: [\"dependency failing\"], componentKinds: [database]}", """
                trigger:
                    - {faultKinds: [any], componentKinds: [database], health: critical}
                    - {faultKinds: ["network: calls to it are lost"], componentKinds: [database], strategies: [proactive]}
                """.stripTrailing()), Optional.empty());

        assertThat(playbook.triggers()).hasSize(2);
        assertThat(playbook.answers("latency in its own handling", "DATABASE", Strategy.REACTIVE, HealthState.CRITICAL))
                .contains("any");
        assertThat(playbook.answers("latency in its own handling", "DATABASE", Strategy.REACTIVE, HealthState.DEGRADED))
                .as("the first trigger waits for the database to be critical").isEmpty();
        assertThat(playbook.answers("network: calls to it are lost at its end", "DATABASE", Strategy.PROACTIVE,
                HealthState.DEGRADED)).contains("network: calls to it are lost");
        assertThat(playbook.answers("network: calls to it are lost at its end", "SERVICE", Strategy.PROACTIVE,
                HealthState.CRITICAL)).isEmpty();
        assertThat(playbook.strategies()).containsExactlyInAnyOrder(Strategy.REACTIVE, Strategy.PROACTIVE);
        assertThat(playbook.triggers().getFirst().describe()).isEqualTo("any, when critical");
    }

    @Test
    void aTriggerInAListIsNamedByItsPlaceWhenItIsWrong() {
        assertThatThrownBy(() -> PlaybookLoader.parse("p.yaml", DecisionChainTests.FAILOVER.replace(
                "trigger: {faultKinds: [\"dependency failing\"], componentKinds: [database]}", """
                trigger:
                    - {faultKinds: ["dependency failing"]}
                    - {faultKinds: [any]}
                """.stripTrailing()), Optional.empty()))
                .isInstanceOf(PlaybookException.class).hasMessageContaining("healing.trigger[1]")
                .hasMessageContaining("needs a health condition");
        assertThatThrownBy(() -> PlaybookLoader.parse("p.yaml", DecisionChainTests.FAILOVER.replace(
                "trigger: {faultKinds: [\"dependency failing\"], componentKinds: [database]}", "trigger: []"),
                Optional.empty()))
                .isInstanceOf(PlaybookException.class).hasMessageContaining("healing.trigger")
                .hasMessageContaining("at least one");
    }

    @Test
    void anUnknownScopeIsNamedWithItsLine() {
        assertThatThrownBy(() -> PlaybookLoader.parse("p.yaml", DecisionChainTests.RESTART.replace("scope: instance",
                "scope: galaxy"), Optional.empty()))
                .isInstanceOf(PlaybookException.class)
                .hasMessageContaining("p.yaml:13: healing.scope: unknown scope 'galaxy'");
    }

    @Test
    void aRunbookWithoutAHealingBlockIsNotAPlaybook() {
        String runbook = DecisionChainTests.RESTART.substring(0, DecisionChainTests.RESTART.indexOf("healing:"));
        assertThatThrownBy(() -> PlaybookLoader.parse("p.yaml", runbook, Optional.empty()))
                .isInstanceOf(PlaybookException.class).hasMessageContaining("healing");
    }

    @Test
    void runbookProblemsAreReportedAsPlaybookProblemsWithTheirLine() {
        assertThatThrownBy(() -> PlaybookLoader.parse("p.yaml", DecisionChainTests.RESTART.replace("type: command",
                "type: teleport"), Optional.empty()))
                .isInstanceOf(PlaybookException.class).hasMessageContaining("p.yaml:8").hasMessageContaining("teleport");
    }

    @Test
    void aVerificationWhoseTimeoutIsShorterThanItsHoldIsRefused() {
        assertThatThrownBy(() -> PlaybookLoader.parse("p.yaml", DecisionChainTests.RESTART.replace("scope: instance",
                "scope: instance\n  verify: {hold: 5m, timeout: 1m}"), Optional.empty()))
                .isInstanceOf(PlaybookException.class).hasMessageContaining("healing.verify")
                .hasMessageContaining("must be at least the hold");
    }
}
