package dev.firebreak.engine.notify;

import dev.firebreak.engine.time.Durations;
import java.time.Duration;
import java.util.Objects;

/** Range checks for the config records; messages name the field, the allowed range and the value. */
final class Checks {

    private Checks() {
    }

    static Duration between(Duration value, String name, Duration min, Duration max) {
        Objects.requireNonNull(value, name);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be between " + Durations.format(min) + " and "
                    + Durations.format(max) + ", was " + (value.isNegative() ? value.toString() : Durations.format(value)));
        }
        return value;
    }

    static int between(int value, String name, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    static double between(double value, String name, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }
}
