package dev.firebreak.engine.heal;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One healing action: the decision that allowed it, the runbook run that carries it out, and how verification judged
 * it.
 *
 * @param id           unique in the store
 * @param decision     the decision (verdict ACT or AWAIT_APPROVAL) it came from
 * @param executionId  the playbook's runbook run
 * @param state        see {@link HealingState#TABLE}
 * @param verification what verification concluded, once it has
 * @param note         why it is in this state, in words
 * @param startedAt    when the decision let it start
 * @param updatedAt    the last change
 * @param rollbackId   the run that undid it: when verification failed, or a person undid it once verified
 */
public record HealingAction(long id, HealingDecision decision, Optional<Long> executionId, HealingState state,
        Optional<VerificationOutcome> verification, String note, Instant startedAt, Instant updatedAt,
        Optional<Long> rollbackId) {

    public HealingAction {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(executionId, "executionId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(verification, "verification");
        note = note == null ? "" : note;
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(rollbackId, "rollbackId");
    }

    public String playbookId() {
        return decision.playbookId().orElse("");
    }

    public String component() {
        return decision.component();
    }

    /** The same action in {@code next}, checked against {@link HealingState#TABLE}. */
    public HealingAction moveTo(HealingState next, Instant at, String why) {
        HealingState to = next == state ? state : HealingState.TABLE.check(state, next);
        return new HealingAction(id, decision, executionId, to, verification, why, startedAt, at, rollbackId);
    }

    public HealingAction verified(VerificationOutcome outcome) {
        return new HealingAction(id, decision, executionId, state, Optional.of(outcome), note, startedAt, updatedAt,
                rollbackId);
    }

    public HealingAction withRollback(long runId) {
        return new HealingAction(id, decision, executionId, state, verification, note, startedAt, updatedAt,
                Optional.of(runId));
    }

    public HealingAction withExecution(long runId) {
        return new HealingAction(id, decision, Optional.of(runId), state, verification, note, startedAt, updatedAt,
                rollbackId);
    }

    /** Verified, then undone by a person: its rollbacks ran as {@link #rollbackId}, and it stays succeeded. */
    public boolean undone() {
        return state == HealingState.SUCCEEDED && rollbackId.isPresent();
    }

    /** From the decision to the last change (to the verdict, once final). */
    public Duration duration() {
        return Duration.between(startedAt, updatedAt);
    }
}
