package dev.firebreak.views.session;

import dev.firebreak.engine.rca.Diagnosis;
import dev.firebreak.engine.rca.Feedback;
import java.util.List;
import java.util.Optional;

/**
 * What the incident view needs of root-cause analysis: each incident's latest diagnosis (ranked causes with their
 * confidence, evidence and call path; similar past incidents), and people's verdicts on a cause, which are kept
 * and make the next similar incident's diagnosis better. The analysis itself runs in the engine when incidents
 * open and grow ({@code DiagnosisUpdated} on the bus).
 */
public interface RootCauses {

    /** The latest diagnosis of an incident; empty until it was analysed. */
    Optional<Diagnosis> diagnosis(long incidentId);

    /** Every verdict people gave, oldest first. */
    List<Feedback> verdicts();

    /** A person confirms a component as the incident's cause; on the timeline, audited, used by similarity. */
    Feedback confirm(long incidentId, String componentId, String actor);

    /** A person rejects a component as the incident's cause. */
    Feedback reject(long incidentId, String componentId, String actor);
}
