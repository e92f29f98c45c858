package dev.firebreak.views.incident;

import dev.firebreak.engine.incident.Role;
import dev.firebreak.styles.Styles;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Gives one of the playbook's four roles (commander, technical lead, communications lead, scribe) to a person; the
 * name field starts with the person at the console, so taking a role is Enter. The timeline names both the new
 * holder and whoever held it before.
 */
public final class RoleDialog extends Dialog<Boolean> {

    private final ChoiceBox<Role> role = new ChoiceBox<>();
    private final TextField person = new TextField();

    public RoleDialog(IncidentViewModel viewModel, Role initial) {
        setTitle("Assign a role on " + viewModel.incidentProperty().get().key());
        setHeaderText("Who holds which role. " + viewModel.rolesTextProperty().get());
        role.setId("role-choice");
        role.getItems().setAll(Role.values());
        role.setValue(initial);
        role.setConverter(new StringConverter<>() {
            @Override public String toString(Role r) { return r == null ? "" : r.title(); }
            @Override public Role fromString(String s) { return null; }
        });
        person.setId("role-person");
        person.setText(viewModel.operator());
        person.setPromptText("Name of the person");
        GridPane form = new GridPane(8, 8);
        form.addRow(0, new Label("Role"), role);
        form.addRow(1, new Label("Person"), person);
        Label message = new Label();
        message.setId("role-message");
        message.getStyleClass().add(Styles.VALIDATION_MESSAGE);
        message.textProperty().bind(viewModel.messageProperty());
        getDialogPane().setContent(new VBox(8, form, message));
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().getStylesheets().add(Styles.STYLESHEET);
        getDialogPane().setPrefWidth(480);
        getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (!viewModel.assign(role.getValue(), person.getText())) {
                e.consume();
            }
        });
        // after the dialog's own focus handling: typing replaces the prefilled name, Enter keeps it
        setOnShown(e -> javafx.application.Platform.runLater(() -> {
            person.requestFocus();
            person.selectAll();
        }));
        setResultConverter(button -> button == ButtonType.OK);
    }

    /** Sets the form as a person would, for tests. */
    void fill(Role newRole, String newPerson) {
        role.setValue(newRole);
        person.setText(newPerson);
    }
}
