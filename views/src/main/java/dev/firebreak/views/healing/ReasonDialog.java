package dev.firebreak.views.healing;

import dev.firebreak.styles.Styles;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * Asks why before something drastic (pressing or releasing HALT, denying a healing action): the reason is required,
 * so the confirming button stays disabled while it is blank. The result is the reason, stripped, or empty when
 * cancelled.
 */
public final class ReasonDialog extends Dialog<String> {

    private final TextField reason = new TextField();
    private final ButtonType confirm;

    /**
     * @param title   the window's title, e.g. "Press HALT"
     * @param header  what happens and why a reason is asked for
     * @param action  the confirming button's text, e.g. "Press HALT"
     * @param danger  whether the confirming button is drawn as a drastic one (red)
     */
    public ReasonDialog(String title, String header, String action, boolean danger) {
        setTitle(title);
        setHeaderText(header);
        confirm = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        reason.setId("reason-field");
        reason.setPromptText("Reason (required): it goes on the timeline and into the audit log");
        Label label = new Label("Reason");
        label.setLabelFor(reason);
        getDialogPane().setContent(new VBox(6, label, reason));
        getDialogPane().getButtonTypes().setAll(confirm, ButtonType.CANCEL);
        getDialogPane().getStylesheets().add(Styles.STYLESHEET);
        getDialogPane().setPrefWidth(560);
        Button ok = (Button) getDialogPane().lookupButton(confirm);
        ok.setId("reason-confirm");
        if (danger) {
            ok.getStyleClass().add(Styles.DANGER);
        }
        ok.disableProperty().bind(reason.textProperty().map(String::isBlank));
        setResultConverter(button -> button == confirm ? reason.getText().strip() : null);
        setOnShown(e -> reason.requestFocus());
    }

    /** The reason field, for tests that type into it. */
    public TextField reasonField() {
        return reason;
    }

    /** The confirming button. */
    public Button confirmButton() {
        return (Button) getDialogPane().lookupButton(confirm);
    }
}
