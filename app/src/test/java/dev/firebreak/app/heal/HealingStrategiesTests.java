package dev.firebreak.app.heal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.assess.AssessedHealthChanged;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.heal.Gate;
import dev.firebreak.engine.heal.HealingAction;
import dev.firebreak.engine.heal.HealingConfig;
import dev.firebreak.engine.heal.HealingDecision;
import dev.firebreak.engine.heal.HealingMode;
import dev.firebreak.engine.heal.Strategy;
import dev.firebreak.engine.heal.Verdict;
import dev.firebreak.engine.health.HealthState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Proactive against reactive on the real engine (ADR 0042): a decision made while everything in the incident is only
 * anomalous is proactive; once something in it is critical, failed or recovering it is reactive. A memory leak is the
 * case that shows the difference: its service degrades for minutes before it fails.
 */
class HealingStrategiesTests {

    private static final HealingConfig AUTO = HealingConfig.defaults().withDefaultMode(HealingMode.AUTOMATIC);
    private static final Duration FAULT_AT = Duration.ofMinutes(5);

    /** A leak on catalog, five points a minute, and when a component first became worse than degraded after it began. */
    private record LeakRun(List<HealingDecision> decisions, List<HealingAction> actions, Optional<Instant> firstFailure) {
    }

    private static LeakRun leakOnCatalog(HealingConfig config) {
        try (HealingRig rig = new HealingRig(7, config)) {
            List<Instant> failures = new ArrayList<>();
            rig.engine.events().subscribe(AssessedHealthChanged.class, change -> {
                HealthState to = change.to();
                boolean afterFault = !change.at().isBefore(HealingRig.START.plus(FAULT_AT));
                if (afterFault && (to == HealthState.CRITICAL || to == HealthState.FAILED)) {
                    failures.add(change.at());
                }
            });
            rig.inject(FaultType.MEMORY_LEAK, "catalog", 5, FAULT_AT, Duration.ofMinutes(30));
            rig.run(Duration.ofMinutes(20));
            return new LeakRun(rig.engine.healing().decisions(), rig.engine.healing().actions(),
                    failures.stream().findFirst());
        }
    }

    @Test
    void aLeakIsRestartedProactivelyBeforeItsServiceFails() {
        LeakRun run = leakOnCatalog(AUTO);

        HealingAction restart = run.actions().stream().filter(a -> a.playbookId().equals("heal-restart-memory-leak"))
                .findFirst().orElseThrow();
        assertThat(restart.decision().strategy()).isEqualTo(Strategy.PROACTIVE);
        run.firstFailure().ifPresent(failed -> assertThat(restart.decision().at()).isBefore(failed));
    }

    @Test
    void withProactiveHealingSwitchedOffNothingActsUntilSomethingHasFailed() {
        LeakRun proactive = leakOnCatalog(AUTO);
        LeakRun reactiveOnly = leakOnCatalog(AUTO.withStrategies(EnumSet.of(Strategy.REACTIVE, Strategy.PREDICTIVE)));

        Instant proactiveRestart = proactive.actions().getFirst().decision().at();
        assertThat(reactiveOnly.decisions()).filteredOn(d -> d.at().isBefore(proactiveRestart.plusSeconds(1)))
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.refusedBy().map(g -> g.gate())).contains(Gate.STRATEGY));
        assertThat(reactiveOnly.decisions()).filteredOn(d -> d.verdict() != Verdict.REFUSED)
                .allSatisfy(d -> assertThat(d.strategy()).isEqualTo(Strategy.REACTIVE));
        assertThat(reactiveOnly.actions()).allSatisfy(a -> assertThat(a.decision().at())
                .isAfterOrEqualTo(reactiveOnly.firstFailure().orElseThrow()));
    }
}
