package dev.firebreak.engine.heal;

import dev.firebreak.engine.lifecycle.Transitions;

/**
 * Where one healing action stands (self-healing-system.md 8's verification states among them). {@link #TABLE} lists
 * the legal moves.
 */
public enum HealingState {
    AWAITING_APPROVAL, EXECUTING, VERIFYING, ROLLING_BACK,
    /** Verified: the symptom is back in its bands, the checks pass, the neighbours are quiet. */
    SUCCEEDED,
    /** Better, not well: some signals recovered, others did not by the timeout. */
    PARTIAL,
    /** The signals disagree (metrics in band, checks failing, or the reverse). */
    UNCERTAIN,
    /** The run failed, or its rollback did. */
    FAILED,
    /** Verified failed or timed out, and rolled back. */
    ROLLED_BACK,
    /** A person denied it. */
    DENIED,
    /** Stopped by HALT. */
    HALTED;

    public static final Transitions<HealingState> TABLE = Transitions.of(HealingState.class)
            .allow(AWAITING_APPROVAL, EXECUTING, DENIED, HALTED, FAILED)
            .allow(EXECUTING, AWAITING_APPROVAL, VERIFYING, FAILED, DENIED, HALTED, UNCERTAIN)
            .allow(VERIFYING, SUCCEEDED, PARTIAL, UNCERTAIN, ROLLING_BACK, HALTED)
            .allow(ROLLING_BACK, ROLLED_BACK, FAILED, HALTED, UNCERTAIN)
            .build();

    public boolean isFinal() {
        return TABLE.isFinal(this);
    }

    /** Counts against the healing breaker and the playbook's record. */
    public boolean isFailure() {
        return this == FAILED || this == ROLLED_BACK;
    }
}
