package dev.firebreak.views.incident;

import dev.firebreak.engine.incident.IncidentSeverity;
import dev.firebreak.styles.Styles;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;

/** Severity shown the same way everywhere: the level's name on a badge whose colour and weight follow it. */
final class SeverityBadges {

    private SeverityBadges() {
    }

    static Label badge(IncidentSeverity severity) {
        Label label = new Label();
        label.getStyleClass().add(Styles.SEVERITY_BADGE);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        apply(label, severity);
        return label;
    }

    static void apply(Label label, IncidentSeverity severity) {
        for (IncidentSeverity s : IncidentSeverity.values()) {
            label.pseudoClassStateChanged(pseudo(s), s == severity);
        }
        label.setText(severity == null ? "" : severity.name());
    }

    private static PseudoClass pseudo(IncidentSeverity severity) {
        return PseudoClass.getPseudoClass(severity.name().toLowerCase(java.util.Locale.ROOT));
    }
}
