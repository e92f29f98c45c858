package dev.firebreak.engine.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock whose time moves only when it is advanced.
 *
 * <p>The simulator and every test use it: simulated time is advanced tick by tick, whatever the
 * wall clock does, which is what makes a run deterministic for a seed and lets tests move time
 * without sleeping. Readers on other threads see a consistent instant (the field is volatile and
 * written by one thread at a time).
 */
public final class SimulationClock extends Clock {

    private final ZoneId zone;
    private volatile long epochMillis;

    public SimulationClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    public SimulationClock(Instant start, ZoneId zone) {
        this.epochMillis = Objects.requireNonNull(start, "start").toEpochMilli();
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Moves time forward; a negative or zero step is a programming error. */
    public void advance(Duration step) {
        long millis = step.toMillis();
        if (millis <= 0) {
            throw new IllegalArgumentException("step must be positive, was " + step);
        }
        epochMillis += millis;
    }

    @Override
    public long millis() {
        return epochMillis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(epochMillis);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** Views of this clock in another zone share its time; they cannot advance it. */
    @Override
    public Clock withZone(ZoneId newZone) {
        SimulationClock self = this;
        return new Clock() {
            @Override public ZoneId getZone() { return newZone; }
            @Override public Clock withZone(ZoneId z) { return self.withZone(z); }
            @Override public Instant instant() { return self.instant(); }
            @Override public long millis() { return self.millis(); }
        };
    }
}
