package dev.firebreak.engine.executor.internal;

import java.time.Duration;

/** Durations as a person reads them in a message: {@code 500 ms}, {@code 30 s}, {@code PT1M30.5S} beyond that. */
final class Durations {

    private Durations() {
    }

    static String describe(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000 || (millis < 60_000 && millis % 1000 != 0)) {
            return millis + " ms";
        }
        return millis % 1000 == 0 && millis < 3_600_000 ? millis / 1000 + " s" : duration.toString();
    }

    /** The duration in nanoseconds, saturated: a timeout of centuries means "no practical limit", not an error. */
    static long nanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
