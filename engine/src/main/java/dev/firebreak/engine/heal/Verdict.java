package dev.firebreak.engine.heal;

/** Where a decision ended. */
public enum Verdict {
    /** Every gate passed: the playbook runs. */
    ACT,
    /** Every gate passed, but the mode is shadow: recorded as "would have done", nothing runs. */
    SHADOW,
    /** Every gate passed; the run waits for a person's approval. */
    AWAIT_APPROVAL,
    /** A gate said no (it is named). */
    REFUSED
}
