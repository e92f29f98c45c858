package dev.firebreak.views.session;

import dev.firebreak.engine.incident.Incident;
import dev.firebreak.engine.incident.IncidentSeverity;
import dev.firebreak.engine.incident.IncidentState;
import dev.firebreak.engine.incident.Role;
import dev.firebreak.engine.incident.TimelineEntry;
import dev.firebreak.engine.incident.TimelineVerification;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the incident commander's screens need: incidents and their timelines to read, and every command a person
 * gives, each naming who gave it. Lifecycle moves the incident does not allow are refused with
 * {@link dev.firebreak.engine.lifecycle.IllegalTransitionException}; the console's desk writes each command to the
 * audit log first.
 */
public interface IncidentDesk {

    List<Incident> incidents();

    Optional<Incident> incident(long id);

    /** The timeline as stored. */
    List<TimelineEntry> timeline(long id);

    /** The stored entries after sequence number {@code afterSeq}: what a live view has not shown yet. */
    default List<TimelineEntry> timelineAfter(long id, long afterSeq) {
        return timeline(id).stream().filter(e -> e.seq() > afterSeq).toList();
    }

    /** The stored timeline checked against its hash chain. */
    TimelineVerification verify(long id);

    /** When the next stakeholder update is owed, if one is. */
    Optional<Instant> statusUpdateDue(long id);

    Incident acknowledge(long id, String actor);

    Incident assign(long id, Role role, String person, String actor);

    Incident transition(long id, IncidentState target, String actor, String reason);

    Incident overrideSeverity(long id, IncidentSeverity severity, String actor, String reason);

    Incident addNote(long id, String actor, String text);

    /** Records the update on the timeline and sends it to the configured channels. */
    Incident sendStatusUpdate(long id, String actor, String text);

    /**
     * Customer reports a person has counted (support tickets, calls): beyond the policy's threshold, or with a VIP
     * affected, the severity rises to P1 (the customer-impact trigger; the console has no customer channel).
     */
    Incident reportCustomerImpact(long id, int reports, boolean vipAffected, String actor);

    /** A data consistency check a person ran failed: the data-integrity trigger raises the severity to P0. */
    Incident reportDataIntegrityRisk(long id, String check, String actor);
}
