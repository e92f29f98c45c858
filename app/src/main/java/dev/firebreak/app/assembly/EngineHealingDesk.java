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
import dev.firebreak.views.shell.Preference;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The healing screens' port on a session's healing service and HALT latch; the mode is kept in {@code mode}. */
final class EngineHealingDesk implements HealingDesk {

    private final EngineSession session;
    private final HealingService healing;
    private final Preference mode;

    EngineHealingDesk(EngineSession session, Preference mode) {
        this.session = session;
        this.healing = session.healing();
        this.mode = mode;
    }

    @Override public String environment() { return healing.environment(); }
    @Override public HealingMode mode() { return healing.config().modeFor(healing.environment()); }

    @Override
    public void setMode(HealingMode next, String person) {
        HealingMode before = mode();
        healing.setMode(healing.environment(), next);
        mode.save(next.name());
        session.runbookSetup().audit().ifPresent(audit -> audit.append(person, "healing.mode", "healing/"
                + healing.environment(), Map.of("from", before.label(), "to", next.label())));
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

    @Override public Optional<HaltRecord> halt() { return session.halt().current(); }
    @Override public HaltRecord pressHalt(String person, String reason) { return session.halt().press(person, reason); }
    @Override public HaltRecord releaseHalt(String person, String reason) { return session.halt().release(person, reason); }
}
