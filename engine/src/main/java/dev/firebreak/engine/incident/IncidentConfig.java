package dev.firebreak.engine.incident;

import java.time.Duration;
import java.util.Objects;

/**
 * How alerts become incidents.
 *
 * @param groupingHops   alerts on components at most this many calls apart (either direction) join one incident,
 *                       1..10 (default 2: a database, its callers and theirs)
 * @param groupingWindow ... if the incident saw activity this recently (default 15 min)
 * @param quietPeriod    an incident resolves by itself once every alert in it ended this long ago (default 5 min)
 * @param reopenWindow   an alert that fires again this soon after its incident resolved reopens it (default
 *                       5 min: with the quiet period, an alert flapping with a period up to 10 min stays one
 *                       incident); later it opens a new incident, so a new fault on the same components a quarter
 *                       of an hour on is a new incident. Only alerts loud enough to open an incident reopen one.
 */
public record IncidentConfig(int groupingHops, Duration groupingWindow, Duration quietPeriod, Duration reopenWindow) {

    public static final int DEFAULT_GROUPING_HOPS = 2;
    public static final Duration DEFAULT_GROUPING_WINDOW = Duration.ofMinutes(15);
    public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofMinutes(5);
    public static final Duration DEFAULT_REOPEN_WINDOW = Duration.ofMinutes(5);

    public IncidentConfig {
        if (groupingHops < 1 || groupingHops > 10) {
            throw new IllegalArgumentException("groupingHops must be between 1 and 10, was " + groupingHops);
        }
        positive(groupingWindow, "groupingWindow");
        positive(quietPeriod, "quietPeriod");
        positive(reopenWindow, "reopenWindow");
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    public static IncidentConfig defaults() {
        return new IncidentConfig(DEFAULT_GROUPING_HOPS, DEFAULT_GROUPING_WINDOW, DEFAULT_QUIET_PERIOD, DEFAULT_REOPEN_WINDOW);
    }

    public IncidentConfig withQuietPeriod(Duration quiet) {
        return new IncidentConfig(groupingHops, groupingWindow, quiet, reopenWindow);
    }
}
