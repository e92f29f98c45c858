package dev.firebreak.views.session;

import dev.firebreak.engine.heal.HaltRecord;
import dev.firebreak.engine.heal.HealingAction;
import dev.firebreak.engine.heal.HealingDecision;
import dev.firebreak.engine.heal.HealingGates;
import dev.firebreak.engine.heal.HealingLearning;
import dev.firebreak.engine.heal.HealingMode;
import dev.firebreak.engine.heal.Playbook;
import dev.firebreak.engine.heal.PlaybookException;
import dev.firebreak.engine.heal.Strategy;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the healing screens need: the mode, every decision with its gates, the actions and their verification, the gates'
 * current state, the playbooks and their records, and the emergency stop. Changes arrive as
 * {@link dev.firebreak.engine.heal.HealingDecided}, {@link dev.firebreak.engine.heal.HealingChanged} and
 * {@link dev.firebreak.engine.heal.HaltChanged} on the session's event bus. Approving a step of a healing run goes
 * through the {@link RunbookDesk} like any other run.
 */
public interface HealingDesk {

    /** The environment healing acts in. */
    String environment();

    HealingMode mode();

    /** Changes the mode; it is kept across restarts and audited. */
    void setMode(HealingMode mode, String person);

    /** What may set healing off (reactive, proactive, predictive). */
    Set<Strategy> strategies();

    /** Switches strategies on and off; kept across restarts and audited. */
    void setStrategies(Set<Strategy> strategies, String person);

    List<HealingDecision> decisions();

    List<HealingDecision> decisions(long incidentId);

    List<HealingAction> actions();

    List<HealingAction> actions(long incidentId);

    HealingGates gates();

    List<Playbook> playbooks();

    List<PlaybookException> problems();

    HealingLearning.Record record(String playbookId, String faultKind);

    /** Denies a healing action waiting for approval; its run is aborted. */
    HealingAction deny(long actionId, String person, String reason);

    /**
     * Undoes a verified action (its steps' rollbacks run, started by the person): a breaker opened to contain a failing
     * dependency is closed once it is back.
     *
     * @throws IllegalStateException if the action is not verified, was undone, or did nothing that can be undone
     */
    HealingAction undo(long actionId, String person, String reason);

    /** The HALT press that holds now, if any. */
    Optional<HaltRecord> halt();

    /** @throws IllegalStateException if already latched; IllegalArgumentException without a reason */
    HaltRecord pressHalt(String person, String reason);

    /** @throws IllegalStateException if not latched; IllegalArgumentException without a reason */
    HaltRecord releaseHalt(String person, String reason);
}
