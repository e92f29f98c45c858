package dev.firebreak.engine.time;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and prints the short durations people type: "500ms", "90s", "5m", "2h", "1d", "1h30m". */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * Parses one or more number+unit parts.
     *
     * @throws IllegalArgumentException naming the text when it is not a positive duration
     */
    public static Duration parse(String text) {
        String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = PART.matcher(trimmed);
        int position = 0;
        double millis = 0;
        while (position < trimmed.length()) {
            if (!matcher.find(position) || matcher.start() != position) {
                throw new IllegalArgumentException("'" + text + "' is not a duration; use e.g. 500ms, 90s, 5m, 2h, 1d or 1h30m");
            }
            millis += Double.parseDouble(matcher.group(1)) * unitMillis(matcher.group(2));
            position = matcher.end();
        }
        if (trimmed.isEmpty() || millis <= 0 || millis > Long.MAX_VALUE / 2.0) {
            throw new IllegalArgumentException("'" + text + "' is not a positive duration; use e.g. 500ms, 90s, 5m, 2h, 1d");
        }
        return Duration.ofMillis(Math.round(millis));
    }

    private static long unitMillis(String unit) {
        return switch (unit) {
            case "ms" -> 1L;
            case "s" -> 1_000L;
            case "m" -> 60_000L;
            case "h" -> 3_600_000L;
            case "d" -> 86_400_000L;
            default -> throw new IllegalStateException("unit " + unit);
        };
    }

    /** The shortest exact form: "1h30m", "90s" is printed as "1m30s", "250ms". */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        long millis = duration.toMillis();
        StringBuilder text = new StringBuilder();
        long days = millis / 86_400_000L;
        millis %= 86_400_000L;
        long hours = millis / 3_600_000L;
        millis %= 3_600_000L;
        long minutes = millis / 60_000L;
        millis %= 60_000L;
        long seconds = millis / 1_000L;
        millis %= 1_000L;
        append(text, days, "d");
        append(text, hours, "h");
        append(text, minutes, "m");
        append(text, seconds, "s");
        append(text, millis, "ms");
        return text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(amount).append(unit);
        }
    }
}
