package dev.firebreak.views.incident;

import dev.firebreak.engine.incident.Incident;
import dev.firebreak.engine.incident.IncidentSeverity;
import dev.firebreak.styles.Styles;
import java.util.Optional;
import javafx.beans.value.ObservableValue;
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
        sheet.getItems().setAll(new Item<>("Severity", "P0 complete outage ... P4 no user impact", IncidentSeverity.class,
                () -> severity, v -> severity = v), new Item<>("Reason", "Why the computed severity is wrong", String.class,
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

    private static final class Item<T> implements PropertySheet.Item {
        private final String name;
        private final String description;
        private final Class<T> type;
        private final java.util.function.Supplier<T> getter;
        private final java.util.function.Consumer<T> setter;

        Item(String name, String description, Class<T> type, java.util.function.Supplier<T> getter,
                java.util.function.Consumer<T> setter) {
            this.name = name;
            this.description = description;
            this.type = type;
            this.getter = getter;
            this.setter = setter;
        }

        @Override public Class<?> getType() { return type; }
        @Override public String getCategory() { return "Override"; }
        @Override public String getName() { return name; }
        @Override public String getDescription() { return description; }
        @Override public Object getValue() { return getter.get(); }
        @Override public void setValue(Object value) { setter.accept(type.cast(value)); }
        @Override public Optional<ObservableValue<? extends Object>> getObservableValue() { return Optional.empty(); }
    }
}
