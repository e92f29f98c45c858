package dev.firebreak.engine.rca;

import dev.firebreak.engine.event.EngineEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * Root-cause analysis ran again for an incident (it opened, grew, or its picture settled). Healing chooses a playbook
 * from {@code diagnosis.top()}; the console shows the ranked causes.
 *
 * @param at          engine time
 * @param incidentId  the incident analysed
 * @param diagnosis   the ranked causes, best first
 * @param topChanged  true when the best cause (component or kind) differs from the previous diagnosis, or there was none
 */
public record DiagnosisUpdated(Instant at, long incidentId, Diagnosis diagnosis, boolean topChanged) implements EngineEvent {
    public DiagnosisUpdated {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(diagnosis, "diagnosis");
    }
}
