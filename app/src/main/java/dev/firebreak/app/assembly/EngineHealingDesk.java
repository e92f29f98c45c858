package dev.firebreak.app.assembly;

import dev.firebreak.engine.heal.HaltRecord;
import dev.firebreak.engine.heal.HealingAction;
import dev.firebreak.engine.heal.HealingDecision;
import dev.firebreak.engine.heal.HealingGates;
import dev.firebreak.engine.heal.HealingLearning;
import dev.firebreak.engine.heal.HealingMode;
import dev.firebreak.engine.heal.HealingService;
import dev.firebreak.engine.heal.Playbook;
import dev.firebreak.engine.heal.PlaybookException;
import dev.firebreak.views.session.HealingDesk;
import dev.firebreak.engine.heal.Strategy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The healing screens' port on a session's healing service and HALT latch; mode and strategies kept in {@code settings}. */
final class EngineHealingDesk implements HealingDesk {

    private final EngineSession session;
    private final HealingService healing;
    private final HealingSettings settings;

    EngineHealingDesk(EngineSession session, HealingSettings settings) {
        this.session = session;
        this.healing = session.healing();
        this.settings = settings;
    }

    @Override public String environment() { return healing.environment(); }
    @Override public HealingMode mode() { return healing.config().modeFor(healing.environment()); }

    @Override
    public void setMode(HealingMode next, String person) {
        HealingMode before = mode();
        healing.setMode(healing.environment(), next);
        settings.mode().save(next.name());
        session.runbookSetup().audit().ifPresent(audit -> audit.append(person, "healing.mode", "healing/"
                + healing.environment(), Map.of("from", before.label(), "to", next.label())));
    }

    @Override public Set<Strategy> strategies() { return healing.config().strategies(); }

    @Override
    public void setStrategies(Set<Strategy> next, String person) {
        Set<Strategy> before = strategies();
        healing.setConfig(healing.config().withStrategies(next));
        settings.saveStrategies(next);
        session.runbookSetup().audit().ifPresent(audit -> audit.append(person, "healing.strategies", "healing/"
                + healing.environment(), Map.of("from", labels(before), "to", labels(next))));
    }

    private static String labels(Set<Strategy> strategies) {
        return strategies.isEmpty() ? "none" : Strategy.labels(strategies, ", ");
    }

    @Override public List<HealingDecision> decisions() { return healing.decisions(); }
    @Override public List<HealingDecision> decisions(long incidentId) { return healing.decisions(incidentId); }
    @Override public List<HealingAction> actions() { return healing.actions(); }
    @Override public List<HealingAction> actions(long incidentId) { return healing.actions(incidentId); }
    @Override public HealingGates gates() { return healing.gateStatus(); }
    @Override public List<Playbook> playbooks() { return healing.library().all(); }
    @Override public List<PlaybookException> problems() { return healing.library().problems(); }

    @Override
    public HealingLearning.Record record(String playbookId, String faultKind) {
        return healing.record(playbookId, faultKind);
    }

    @Override
    public HealingAction deny(long actionId, String person, String reason) {
        return healing.deny(actionId, person, reason);
    }

    @Override
    public HealingAction undo(long actionId, String person, String reason) {
        HealingAction undone = healing.undo(actionId, person, reason);
        session.runbookSetup().audit().ifPresent(audit -> audit.append(person, "healing.undo",
                "healing/action/" + actionId, Map.of("playbook", undone.playbookId(),
                        "run", String.valueOf(undone.rollbackId().orElseThrow()), "reason", reason.strip())));
        return undone;
    }

    @Override public Optional<HaltRecord> halt() { return session.halt().current(); }
    @Override public HaltRecord pressHalt(String person, String reason) { return session.halt().press(person, reason); }
    @Override public HaltRecord releaseHalt(String person, String reason) { return session.halt().release(person, reason); }
}
