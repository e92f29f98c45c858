package dev.firebreak.engine.assess;

/** Which judgement set a component's assessed health. */
public enum HealthSource {
    /** Detection's verdict on the component's signals; the checks see nothing wrong. */
    DETECTION,
    /** The health checks alone: no user-visible signal moved, or a comprehensive flow failed. */
    CHECKS,
    /** Detection sees trouble and the checks fail too: detection's state and severity, confirmed by the checks. */
    BOTH
}
