package dev.firebreak.views.runbook;

import dev.firebreak.styles.Styles;
import javafx.animation.PauseTransition;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.util.Duration;

/**
 * A runbook as YAML. The text is checked once typing pauses (a check per keystroke would report every half-typed
 * word); a problem names its line and "Go to line" puts the caret there. Save (Ctrl+S) writes it to the person's
 * runbook directory; the dialog stays open to go on editing. Not modal: the console keeps running beside it.
 */
public final class RunbookEditorDialog extends Dialog<Void> {

    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
    /** How long typing must pause before the text is checked. */
    static final Duration CHECK_AFTER = Duration.millis(350);

    private final RunbookEditorViewModel viewModel;
    private final TextArea text = new TextArea();

    public RunbookEditorDialog(RunbookEditorViewModel viewModel) {
        this.viewModel = viewModel;
        initModality(Modality.NONE);
        setTitle("Runbook " + viewModel.title());
        setHeaderText("Edit as YAML: " + viewModel.title());
        setResizable(true);
        getDialogPane().getStylesheets().add(Styles.STYLESHEET);
        getDialogPane().getStyleClass().add(Styles.RUNBOOKS_SCREEN);
        getDialogPane().setId("runbook-editor");

        text.setId("yaml-text");
        text.getStyleClass().add(Styles.RENDERED_TEXT);
        text.setPrefColumnCount(90);
        text.setPrefRowCount(28);
        text.textProperty().bindBidirectional(viewModel.textProperty());
        PauseTransition pause = new PauseTransition(CHECK_AFTER);
        pause.setOnFinished(e -> viewModel.validate());
        text.textProperty().addListener((obs, old, now) -> pause.playFromStart());
        text.disableProperty().bind(viewModel.busyProperty());

        Label status = new Label();
        status.setId("yaml-status");
        status.getStyleClass().add(Styles.MUTED);
        status.textProperty().bind(viewModel.statusProperty());
        Label caret = new Label();
        caret.setId("yaml-caret");
        caret.getStyleClass().add(Styles.MUTED);
        caret.setMinWidth(Region.USE_PREF_SIZE);
        text.caretPositionProperty().addListener((obs, old, now) -> caret.setText(position(text.getText(), now.intValue())));
        caret.setText(position(text.getText(), 0));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox statusRow = new HBox(8, status, spacer, caret);
        statusRow.setAlignment(Pos.CENTER_LEFT);

        Label problem = new Label();
        problem.setId("yaml-problem");
        problem.getStyleClass().add(Styles.VALIDATION_MESSAGE);
        problem.setWrapText(true);
        problem.textProperty().bind(viewModel.problemProperty());
        Hyperlink goTo = new Hyperlink();
        goTo.setId("yaml-go-to-line");
        goTo.textProperty().bind(viewModel.problemLineProperty().map(line -> "Go to line " + line));
        goTo.visibleProperty().bind(viewModel.problemLineProperty().greaterThan(0));
        goTo.managedProperty().bind(goTo.visibleProperty());
        goTo.setMinWidth(Region.USE_PREF_SIZE);
        goTo.setOnAction(e -> goToLine(viewModel.problemLineProperty().get()));
        // the problem on a row of its own: it names file, line, field and the allowed values, and must wrap whole
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        VBox problemRow = new VBox(2, problem, goTo);

        VBox content = new VBox(6, statusRow, text, problemRow);
        VBox.setVgrow(text, Priority.ALWAYS);
        content.setPrefWidth(820);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(SAVE, ButtonType.CLOSE);
        Button save = (Button) getDialogPane().lookupButton(SAVE);
        save.setId("yaml-save");
        save.disableProperty().bind(viewModel.busyProperty());
        // saving does not close the editor: the person often saves, runs, and edits again
        save.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            viewModel.save();
        });
        getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.S) {
                viewModel.save();
                e.consume();
            }
        });
        setOnShown(e -> {
            text.requestFocus();
            viewModel.validate();
        });
    }

    /** Selects line {@code line} (1-based) and puts the caret at its start. */
    public void goToLine(int line) {
        String all = text.getText();
        int start = 0;
        for (int i = 1; i < line && start >= 0; i++) {
            start = all.indexOf('\n', start) + 1;
            if (start == 0) {
                start = all.length();
                break;
            }
        }
        int end = all.indexOf('\n', start);
        text.requestFocus();
        text.selectRange(end < 0 ? all.length() : end, start);
    }

    /** "Ln 7, Col 3". */
    static String position(String all, int caret) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(caret, all.length()); i++) {
            if (all.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return "Ln " + line + ", Col " + column;
    }

    public RunbookEditorViewModel viewModel() {
        return viewModel;
    }

    public TextArea text() {
        return text;
    }
}
