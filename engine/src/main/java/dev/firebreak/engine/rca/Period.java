package dev.firebreak.engine.rca;

/**
 * A stretch of time in epoch seconds, {@code from} included, {@code until} excluded.
 */
public record Period(long from, long until) {
    public Period {
        if (until <= from) {
            throw new IllegalArgumentException("a period must end after it starts, was [" + from + ", " + until + ")");
        }
    }

    public boolean contains(long epochSecond) {
        return epochSecond >= from && epochSecond < until;
    }
}
