package dev.firebreak.engine.heal;

/** What verification concluded (self-healing-system.md 8). */
public enum VerificationOutcome {
    SUCCESS, PARTIAL, FAILED, UNCERTAIN, TIMED_OUT
}
