package dev.firebreak.engine.runbook;

import java.util.Optional;

/**
 * The latched emergency stop (owned by healing): while it reports a reason, every execution stops at its next safe
 * point (before a step, before a retry, between a validation's polls), its defined rollbacks run, and it ends saying
 * why; nothing new starts.
 */
@FunctionalInterface
public interface HaltSwitch {

    HaltSwitch NEVER = Optional::empty;

    /** Why everything is halted, or empty when it is not. */
    Optional<String> halted();
}
