package dev.firebreak.engine.runbook;

/** The seven kinds of step (sre-automation-guide.md "Step Types"). */
public enum StepType {
    /** Runs a program from an argument vector, a {@code kubectl} call or a simulator action. */
    COMMAND,
    /** Runs a script file shipped beside the runbook, with arguments. */
    SCRIPT,
    /** Makes an HTTP request and checks the answer. */
    API_CALL,
    /** A person does it and confirms it is done. */
    MANUAL,
    /** Branches on a condition over earlier outputs, parameters or metrics. */
    DECISION,
    /** Asserts a state, optionally held for a while (a metric back in band for 30 s). */
    VALIDATION,
    /** Undoes earlier steps by running their rollbacks, newest first. */
    ROLLBACK
}
