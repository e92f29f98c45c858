package dev.firebreak.engine.heal;

import java.util.Locale;

/** How far healing goes on its own in an environment or for a playbook. */
public enum HealingMode {
    /** Decides nothing and does nothing; the decision chain records that healing is off. */
    OFF,
    /** Decides exactly as automatic would and records "would have done X" on the timeline, acting on nothing. */
    SHADOW,
    /** Decides, then the playbook's run waits for a person to approve each step (the runbook step-through). */
    APPROVAL,
    /** Decides and acts; every gate still applies. */
    AUTOMATIC;

    /** The most cautious of two modes: a playbook can make an environment's mode stricter, never looser. */
    public HealingMode strictest(HealingMode other) {
        return ordinal() <= other.ordinal() ? this : other;
    }

    /** Parses {@code off}, {@code shadow}, {@code approval} or {@code auto}/{@code automatic}. */
    public static HealingMode parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "off" -> OFF;
            case "shadow" -> SHADOW;
            case "approval", "approval-required" -> APPROVAL;
            case "auto", "automatic" -> AUTOMATIC;
            default -> throw new IllegalArgumentException("unknown healing mode '" + text
                    + "'; modes: off, shadow, approval, auto");
        };
    }

    public String label() {
        return this == AUTOMATIC ? "auto" : name().toLowerCase(Locale.ROOT);
    }
}
