package dev.firebreak.engine.escalation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One step of a policy's chain.
 *
 * @param level     1 for the first
 * @param delay     after the incident opened (and after each repeat of the chain)
 * @param condition what must still hold for this level to fire
 * @param targets   who: a rotation's name (its person on call then) or a person's name
 * @param method    how, e.g. phone_call, pagerduty, slack (passed to notifications)
 */
public record EscalationLevel(int level, Duration delay, Condition condition, List<String> targets, String method) {

    /** When a level fires. */
    public enum Condition {
        /** Always (the first level). */
        ALWAYS,
        /** Nobody acknowledged the incident yet. */
        NOT_ACKNOWLEDGED,
        /** The incident is not resolved yet. */
        NOT_RESOLVED
    }

    public EscalationLevel {
        if (level < 1) {
            throw new IllegalArgumentException("levels count from 1, was " + level);
        }
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
        Objects.requireNonNull(condition, "condition");
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("level " + level + " notifies nobody");
        }
        Objects.requireNonNull(method, "method");
    }
}
