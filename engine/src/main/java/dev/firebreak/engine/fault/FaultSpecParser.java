package dev.firebreak.engine.fault;

import dev.firebreak.engine.time.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads fault specs written on a command line or in a scenario:
 * {@code type:target[->peer][,magnitude=M][,at=OFFSET][,for=DURATION]}, for example
 * {@code dependency-failure:orders->payments,at=10m,for=5m} or {@code memory-leak:cart,magnitude=4}.
 *
 * <p>Magnitude defaults to the type's default, {@code at} (offset from the run's start) to 0 and
 * {@code for} to 10 minutes.
 */
public final class FaultSpecParser {

    public static final Duration DEFAULT_DURATION = Duration.ofMinutes(10);

    private FaultSpecParser() {
    }

    /**
     * @param text      the spec
     * @param runStart  the instant {@code at} offsets count from
     * @throws IllegalArgumentException naming the part of the spec that is wrong
     */
    public static FaultSpec parse(String text, Instant runStart) {
        String[] parts = text.trim().split(",");
        String head = parts[0];
        int colon = head.indexOf(':');
        if (colon <= 0 || colon == head.length() - 1) {
            throw new IllegalArgumentException("fault spec '" + text + "' must start with type:target, e.g. latency:payments");
        }
        FaultType type = FaultType.parse(head.substring(0, colon));
        String where = head.substring(colon + 1).trim();
        Optional<String> peer = Optional.empty();
        int arrow = where.indexOf("->");
        if (arrow >= 0) {
            peer = Optional.of(where.substring(arrow + 2).trim());
            where = where.substring(0, arrow).trim();
        }
        double magnitude = type.defaultMagnitude();
        Duration offset = Duration.ZERO;
        Duration duration = DEFAULT_DURATION;
        for (int i = 1; i < parts.length; i++) {
            String option = parts[i].trim();
            int equals = option.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("fault spec option '" + option + "' must be key=value (magnitude, at, for)");
            }
            String key = option.substring(0, equals).trim();
            String value = option.substring(equals + 1).trim();
            switch (key) {
                case "magnitude" -> magnitude = parseMagnitude(value);
                case "at" -> offset = value.equals("0") ? Duration.ZERO : Durations.parse(value);
                case "for" -> duration = Durations.parse(value);
                default -> throw new IllegalArgumentException("unknown fault spec option '" + key + "'; known: magnitude, at, for");
            }
        }
        return new FaultSpec(type, where, peer, magnitude, runStart.plus(offset), duration);
    }

    private static double parseMagnitude(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("magnitude '" + value + "' is not a number", e);
        }
    }

    /** The inverse of {@link #parse}, for reports. */
    public static String format(FaultSpec spec, Instant runStart) {
        StringBuilder text = new StringBuilder(spec.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .append(':').append(spec.target());
        spec.peer().ifPresent(p -> text.append("->").append(p));
        text.append(",magnitude=").append(spec.magnitude());
        Duration offset = Duration.between(runStart, spec.start());
        if (!offset.isNegative() && !offset.isZero()) {
            text.append(",at=").append(Durations.format(offset));
        }
        text.append(",for=").append(Durations.format(spec.duration()));
        return text.toString();
    }
}
