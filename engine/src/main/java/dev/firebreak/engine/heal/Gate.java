package dev.firebreak.engine.heal;

/** One link of the decision chain (self-healing-system.md 6-7), in the order they are checked and shown. */
public enum Gate {
    /** Root cause named a top cause. */
    DIAGNOSIS("diagnosis"),
    /** What set the decision off (reactive, proactive, predictive) is switched on. */
    STRATEGY("strategy"),
    /** A playbook answers the cause's kind on this kind of component. */
    PLAYBOOK("playbook"),
    /** Healing is not off in this environment or for this playbook. */
    MODE("mode"),
    /** The emergency stop is not latched. */
    HALT("HALT"),
    /** The cause's confidence, adjusted by the playbook's record, reaches the threshold. */
    CONFIDENCE("confidence"),
    /** What the action can hurt is within the allowed class. */
    BLAST_RADIUS("blast radius"),
    /** Healing itself has not failed too often lately. */
    BREAKER("healing breaker"),
    /** Not too many actions in the last hour. */
    RATE_LIMIT("rate limit"),
    /** The component was not acted on too recently. */
    COOLDOWN("cooldown"),
    /** Not too many actions running at once. */
    PARALLEL("parallel actions"),
    /** No change freeze is open. */
    CHANGE_FREEZE("change freeze"),
    /** The playbook's parameters can be filled and its pre-checks hold (checked when the run starts). */
    PRE_CHECK("pre-checks"),
    /** Protected environments and approval mode need a person's approval before anything runs. */
    APPROVAL("approval");

    private final String label;

    Gate(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
