package dev.firebreak.engine.heal;

/** What set healing off (sre-automation-guide.md's healing strategies). */
public enum Strategy {
    /** An incident was diagnosed. */
    REACTIVE,
    /** A predicted failure with enough lead time to act before it happens. */
    PREDICTIVE
}
