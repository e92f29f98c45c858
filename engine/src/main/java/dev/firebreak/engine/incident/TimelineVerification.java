package dev.firebreak.engine.incident;

import java.util.Optional;

/**
 * Whether an incident's timeline is as it was written.
 *
 * @param incidentId the incident
 * @param intact     no entry was edited, removed or reordered
 * @param entries    how many entries were checked
 * @param firstBad   the sequence number of the first bad entry
 * @param problem    what is wrong with it, in words
 */
public record TimelineVerification(long incidentId, boolean intact, int entries, Optional<Long> firstBad,
        Optional<String> problem) {

    public static TimelineVerification intact(long incidentId, int entries) {
        return new TimelineVerification(incidentId, true, entries, Optional.empty(), Optional.empty());
    }

    public static TimelineVerification broken(long incidentId, long firstBad, String problem) {
        return new TimelineVerification(incidentId, false, 0, Optional.of(firstBad), Optional.of(problem));
    }

    /** "Timeline intact (12 entries)" or "Timeline tampered: entry 4 was changed ...". */
    public String describe() {
        return intact ? "Timeline intact (" + entries + " entries)" : "Timeline tampered: " + problem.orElse("");
    }
}
