package dev.firebreak.engine.incident.internal;

import dev.firebreak.engine.incident.Alert;
import dev.firebreak.engine.incident.IncidentType;
import dev.firebreak.engine.topology.Component;
import dev.firebreak.engine.topology.ComponentKind;
import java.util.Locale;

/**
 * The incident family from the first alert's signals: security labels and names; third parties; stateful
 * components (data); a memory metric or a recent deployment or config change on the component (application);
 * everything else is infrastructure. A person can override it.
 */
public final class TypeInference {

    private TypeInference() {
    }

    public static IncidentType infer(Alert alert, Component component, boolean recentlyChanged) {
        String text = (alert.fingerprint() + " " + alert.summary() + " " + alert.labels()).toLowerCase(Locale.ROOT);
        if (text.contains("security") || text.contains("certificate") || text.contains("unauthori")) {
            return IncidentType.SECURITY;
        }
        if (component.kind() == ComponentKind.EXTERNAL) {
            return IncidentType.EXTERNAL;
        }
        if (recentlyChanged || alert.metric().map(m -> m.equalsIgnoreCase("memory")).orElse(false)) {
            return IncidentType.APPLICATION;
        }
        if (component.kind().isStateful()) {
            return IncidentType.DATA;
        }
        return IncidentType.INFRASTRUCTURE;
    }
}
