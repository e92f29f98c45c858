package dev.firebreak.views.incident;

import dev.firebreak.engine.runbook.RunbookLibrary;
import dev.firebreak.styles.Styles;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * An incident's runbooks tab: the runbooks that fit its diagnosed cause, best first with why, each with a button
 * opening the start dialog filled in for the incident; and, once it is resolved, the draft of a runbook from what was
 * run during it.
 */
final class SuggestedRunbooks extends VBox {

    SuggestedRunbooks(IncidentViewModel viewModel, Consumer<RunbookLibrary.Match> start, Runnable draft) {
        super(8);
        setPadding(new Insets(8, 0, 0, 0));
        Label about = new Label("Runbooks for the probable cause, best first; Start fills in the diagnosed component.");
        about.setWrapText(true);
        about.getStyleClass().add(Styles.MUTED);
        ListView<RunbookLibrary.Match> list = new ListView<>(viewModel.suggestedRunbooks());
        list.setId("incident-runbook-suggestions");
        list.setPlaceholder(new Label("No runbook fits the diagnosed cause yet (or it is not diagnosed)."));
        list.setCellFactory(l -> new SuggestionCell(start));
        VBox.setVgrow(list, Priority.ALWAYS);

        Button drafting = new Button("Draft runbook from this incident…");
        drafting.setId("incident-draft-runbook");
        drafting.setTooltip(new Tooltip("Write what was run during this incident as a runbook to review and save"));
        drafting.disableProperty().bind(viewModel.resolvedProperty().not());
        drafting.setOnAction(e -> draft.run());
        drafting.setMinWidth(Region.USE_PREF_SIZE);
        Label hint = new Label();
        hint.getStyleClass().add(Styles.MUTED);
        hint.textProperty().bind(viewModel.resolvedProperty().map(done -> done ? ""
                : "Drafting opens once the incident is resolved."));
        hint.setWrapText(true);
        HBox draftRow = new HBox(8, drafting, hint);
        draftRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().setAll(about, list, draftRow);
    }

    /** A suggestion: title and id, why it fits, and its start button. */
    private static final class SuggestionCell extends ListCell<RunbookLibrary.Match> {
        private final Label title = new Label();
        private final Label why = new Label();
        private final Button start = new Button("Start…");
        private final HBox box;

        SuggestionCell(Consumer<RunbookLibrary.Match> onStart) {
            why.getStyleClass().add(Styles.MATCH_REASONS);
            why.setWrapText(true);
            VBox text = new VBox(2, title, why);
            HBox.setHgrow(text, Priority.ALWAYS);
            start.setMinWidth(Region.USE_PREF_SIZE);
            start.setOnAction(e -> {
                if (getItem() != null) {
                    onStart.accept(getItem());
                }
            });
            box = new HBox(8, text, start);
            box.setAlignment(Pos.CENTER_LEFT);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(RunbookLibrary.Match match, boolean empty) {
            super.updateItem(match, empty);
            if (empty || match == null) {
                setGraphic(null);
                return;
            }
            title.setText(match.runbook().title() + "  (" + match.runbook().id() + ")");
            why.setText(String.join(" · ", match.reasons()));
            start.setId("incident-start-runbook-" + match.runbook().id());
            setGraphic(box);
        }
    }
}
