package dev.firebreak.engine.notify;

import java.util.Locale;

/** An incident's priority as the playbook ranks it: P0 (complete outage) down to P4 (informational). */
public enum Priority {
    P0, P1, P2, P3, P4;

    /**
     * Reads {@code "P0"} to {@code "P4"}, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static Priority parse(String text) {
        String normalized = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (Priority priority : values()) {
            if (priority.name().equals(normalized)) {
                return priority;
            }
        }
        throw new IllegalArgumentException("priority must be one of P0, P1, P2, P3, P4, was '" + text + "'");
    }
}
