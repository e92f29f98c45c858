package dev.firebreak.engine.assess;

/** Which judgement set a component's assessed health. */
public enum HealthSource {
    /** Detection's verdict on the component's signals (the checks say the same or less). */
    DETECTION,
    /** The health checks alone: no user-visible signal moved, or a comprehensive flow failed. */
    CHECKS,
    /** Detection sees users affected and the checks find it worse still. */
    BOTH
}
