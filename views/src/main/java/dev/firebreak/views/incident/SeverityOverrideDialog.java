package dev.firebreak.views.incident;

import dev.firebreak.engine.incident.Incident;
import dev.firebreak.engine.incident.IncidentSeverity;
import dev.firebreak.styles.Styles;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;

/**
 * Overriding an incident's severity: a ControlsFX property sheet with the severity and the reason (both required),
 * the computed severity shown beside it. OK applies through the view-model; a refusal keeps the dialog open.
 */
public final class SeverityOverrideDialog extends Dialog<Boolean> {

    private IncidentSeverity severity;
    private String reason = "";

    public SeverityOverrideDialog(IncidentViewModel viewModel) {
        Incident incident = viewModel.incidentProperty().get();
        severity = incident.severity();
        setTitle("Override severity of " + incident.key());
        setHeaderText("Severity now " + incident.severity().label() + " (computed from impact: "
                + incident.computedSeverity().name() + "). The reason goes on the timeline and into the audit log.");
        PropertySheet sheet = new PropertySheet();
        sheet.setId("severity-sheet");
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.getItems().setAll(new SheetItem<>("Override", "Severity", "P0 complete outage ... P4 no user impact", IncidentSeverity.class,
                () -> severity, v -> severity = v), new SheetItem<>("Override", "Reason", "Why the computed severity is wrong", String.class,
                () -> reason, v -> reason = v));
        Label message = new Label();
        message.setId("severity-message");
        message.getStyleClass().add(Styles.VALIDATION_MESSAGE);
        message.textProperty().bind(viewModel.messageProperty());
        getDialogPane().setContent(new VBox(8, sheet, message));
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().getStylesheets().add(Styles.STYLESHEET);
        getDialogPane().setPrefWidth(520);
        getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (!viewModel.overrideSeverity(severity, reason)) {
                e.consume();
            }
        });
        setResultConverter(button -> button == ButtonType.OK);
    }

    /** Sets what the sheet's fields would hold, for tests that do not type into the sheet. */
    void fill(IncidentSeverity newSeverity, String newReason) {
        severity = newSeverity;
        reason = newReason;
    }
}
