package dev.firebreak.views.incident;

import dev.firebreak.engine.incident.StatusTemplate;
import dev.firebreak.styles.Styles;
import java.util.Locale;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The stakeholder message owed now, filled in from the playbook's template (initial, update or resolution) for the
 * commander to edit; Send records it on the timeline and sends it to the configured channels.
 */
public final class StatusUpdateDialog extends Dialog<Boolean> {

    public static final ButtonType SEND = new ButtonType("Send", ButtonBar.ButtonData.OK_DONE);
    private final TextArea text = new TextArea();
    private final ChoiceBox<StatusTemplate> template = new ChoiceBox<>();

    public StatusUpdateDialog(IncidentViewModel viewModel) {
        setTitle("Status update for " + viewModel.incidentProperty().get().key());
        setHeaderText(viewModel.statusDueProperty().get().isEmpty() ? "Status update"
                : viewModel.statusDueProperty().get());
        template.setId("status-template");
        template.getItems().setAll(StatusTemplate.values());
        template.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(StatusTemplate t) {
                return t == null ? "" : t.name().charAt(0) + t.name().substring(1).toLowerCase(Locale.ROOT);
            }
            @Override public StatusTemplate fromString(String s) {
                return StatusTemplate.valueOf(s.toUpperCase(Locale.ROOT));
            }
        });
        template.valueProperty().addListener((obs, old, now) -> text.setText(viewModel.draftStatusUpdate(now)));
        template.setValue(viewModel.dueTemplate());
        text.setId("status-text");
        text.setPrefRowCount(16);
        text.setPrefColumnCount(60);
        text.setWrapText(true);
        Label message = new Label();
        message.setId("status-message");
        message.getStyleClass().add(Styles.VALIDATION_MESSAGE);
        message.textProperty().bind(viewModel.messageProperty());
        getDialogPane().setContent(new VBox(8, new HBox(8, new Label("Template"), template), text, message));
        getDialogPane().getButtonTypes().setAll(SEND, ButtonType.CANCEL);
        getDialogPane().getStylesheets().add(Styles.STYLESHEET);
        getDialogPane().lookupButton(SEND).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (!viewModel.sendStatusUpdate(text.getText())) {
                e.consume();
            }
        });
        setResultConverter(button -> button == SEND);
    }

    public TextArea text() {
        return text;
    }
}
