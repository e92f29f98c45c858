package dev.firebreak.views.component;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.check.CheckRun;
import dev.firebreak.engine.check.CheckStatus;
import dev.firebreak.engine.check.CheckTier;
import dev.firebreak.engine.check.ComponentChecks;
import dev.firebreak.engine.check.HealthStateRule;
import dev.firebreak.engine.check.HealthVerdict;
import dev.firebreak.engine.check.ProbeOutcome;
import dev.firebreak.engine.check.ProbeResult;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.views.testing.ScriptedSession;
import dev.firebreak.views.testing.Topologies;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The health-check panel of the component detail, without the toolkit, on scripted check results. */
class ComponentDetailChecksTests {

    private static final Instant AT = Instant.parse("2026-01-01T00:05:10Z");

    private final ScriptedSession session = new ScriptedSession(Topologies.shop(), 1);

    private static CheckStatus status(String id, CheckTier tier, ProbeResult result, int attempts, int failedRuns) {
        return new CheckStatus(id, tier, "probe of " + id, Optional.of(new CheckRun(AT, result, attempts)), failedRuns);
    }

    private void scriptCartChecks() {
        HealthVerdict verdict = HealthStateRule.evaluate(2, 0, 0);
        session.setChecks(new ComponentChecks("cart", new HealthVerdict(verdict.state(), verdict.triggerDeep(),
                verdict.remediate(), verdict.escalate(), verdict.reason() + " (failing: cart: 1 of 3 instances down)"),
                List.of(status("cart/endpoint", CheckTier.SHALLOW, ProbeResult.pass("cart: answering",
                                Duration.ofMillis(38)), 1, 0),
                        status("cart/instances", CheckTier.SHALLOW, ProbeResult.fail("cart: 1 of 3 instances down",
                                Duration.ZERO), 4, 2),
                        new CheckStatus("cart/deep-endpoint", CheckTier.DEEP, "deep", Optional.empty(), 0))));
    }

    @Test
    void shallowTierListsEachChecksLastResultWithWhenHowLongAndWhatItSaid() {
        scriptCartChecks();
        ComponentDetailViewModel vm = new ComponentDetailViewModel(session, "cart", id -> { });

        List<CheckRow> rows = vm.tierChecks();

        assertThat(rows).extracting(CheckRow::name).containsExactly("endpoint", "instances");
        assertThat(rows.get(0).timing()).isEqualTo("00:05:10 · 38 ms");
        assertThat(rows.get(1).failing()).isTrue();
        assertThat(rows.get(1).outcome()).contains(ProbeOutcome.FAIL);
        assertThat(rows.get(1).timing()).isEqualTo("00:05:10 · 0 ms · 4 attempts · failed 2 runs in a row");
        assertThat(rows.get(1).message()).isEqualTo("cart: 1 of 3 instances down");
        assertThat(vm.tierSummaryProperty().get()).isEqualTo("Shallow: 1 of 2 failing · every 10s, timeout 1s, 3 retries");
        assertThat(vm.tierNameProperty(CheckTier.SHALLOW).get()).isEqualTo("Shallow 2");
        assertThat(vm.tierFailingProperty(CheckTier.SHALLOW).get()).isTrue();
        assertThat(vm.tierFailingProperty(CheckTier.DEEP).get()).isFalse();
        assertThat(vm.tierNameProperty(CheckTier.COMPREHENSIVE).get()).isEqualTo("Comprehensive 0");
    }

    @Test
    void selectingATierListsItsChecksAndSaysWhenNoneHasRunYet() {
        scriptCartChecks();
        ComponentDetailViewModel vm = new ComponentDetailViewModel(session, "cart", id -> { });

        vm.selectedTierProperty().set(CheckTier.DEEP);

        assertThat(vm.tierChecks()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("deep-endpoint");
            assertThat(row.outcome()).isEmpty();
            assertThat(row.timing()).isEqualTo("not run yet");
        });
        vm.selectedTierProperty().set(CheckTier.COMPREHENSIVE);
        assertThat(vm.tierChecks()).isEmpty();
        assertThat(vm.tierSummaryProperty().get()).startsWith("Comprehensive: no checks · every 15m");
    }

    @Test
    void verdictAndHealthBasisFollowTheChecksAndTheCombinationRule() {
        scriptCartChecks();
        ComponentDetailViewModel vm = new ComponentDetailViewModel(session, "cart", id -> { });

        assertThat(vm.stateProperty().get()).isEqualTo(HealthState.DEGRADED);
        assertThat(vm.checkedStateProperty().get()).isEqualTo(HealthState.DEGRADED);
        assertThat(vm.verdictProperty().get())
                .isEqualTo("Checks: 2 shallow failures: degraded, deep checks triggered (failing: cart: 1 of 3 instances down)");
        assertThat(vm.healthBasisProperty().get()).isEqualTo(
                "Low severity · from health checks alone, no user-visible signal · detection: healthy, checks: degraded");
    }

    @Test
    void detectedTroubleIsSaidToComeFromDetection() {
        session.setHealth("cart", HealthState.CRITICAL);
        ComponentDetailViewModel vm = new ComponentDetailViewModel(session, "cart", id -> { });

        assertThat(vm.healthBasisProperty().get())
                .isEqualTo("High severity · from detection · detection: critical, no health checks");
    }

    @Test
    void componentWithoutChecksSaysSo() {
        ComponentDetailViewModel vm = new ComponentDetailViewModel(session, "orders", id -> { });

        assertThat(vm.checks()).isEmpty();
        assertThat(vm.checkedStateProperty().get()).isNull();
        assertThat(vm.verdictProperty().get()).isEqualTo("No health check speaks for this component.");
        assertThat(vm.healthBasisProperty().get()).isEqualTo("No alert · from detection · detection: healthy, no health checks");
    }
}
