package dev.firebreak.engine.notify.internal;

import dev.firebreak.engine.notify.Notification;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Text helpers for payloads: vendor length limits and display times. */
final class Texts {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Texts() {
    }

    /** At most {@code max} characters; a cut text ends with an ellipsis and never splits a surrogate pair. */
    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "\u2026";
    }

    static String display(Instant instant) {
        return DISPLAY.format(instant);
    }

    /** "[P1] title". */
    static String summary(Notification notification) {
        return "[" + notification.priority() + "] " + notification.title();
    }
}
