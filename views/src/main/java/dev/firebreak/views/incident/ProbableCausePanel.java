package dev.firebreak.views.incident;

import dev.firebreak.engine.rca.Cause;
import dev.firebreak.engine.rca.SimilarIncident;
import dev.firebreak.styles.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * "Probable cause": the diagnosis's ranked causes with a bar for each one's confidence, the evidence for the chosen
 * one in plain words (its call path is drawn on the incident's map), the similar past incidents with how they were
 * resolved, and the person's verdict: confirm or reject (Ctrl+Y, Ctrl+Shift+Y), or open the cause's component at
 * the moment it moved (Ctrl+G).
 */
final class ProbableCausePanel extends VBox {

    private final IncidentViewModel viewModel;
    private final ListView<IncidentViewModel.CauseRow> list = new ListView<>();
    private final VBox evidence = new VBox(3);
    private final Label similar = new Label();

    ProbableCausePanel(IncidentViewModel viewModel) {
        super(6);
        this.viewModel = viewModel;
        setId("probable-cause");
        getStyleClass().add(Styles.PROBABLE_CAUSE);
        Label title = new Label("Probable cause");
        title.getStyleClass().add(Styles.SETTINGS_SECTION);
        Label summary = new Label();
        summary.setId("cause-summary");
        summary.getStyleClass().add(Styles.MUTED);
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.diagnosisSummaryProperty());
        // the analysis's notes can run past the panel's width: the whole text on hover
        Tooltip whole = new Tooltip();
        whole.setWrapText(true);
        whole.setMaxWidth(480);
        whole.textProperty().bind(viewModel.diagnosisSummaryProperty());
        summary.setTooltip(whole);

        list.setId("cause-list");
        list.setItems(viewModel.causes());
        list.setCellFactory(view -> new CauseCell());
        list.setPrefHeight(150);
        list.setMinHeight(90);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.selectedCauseProperty().set(now);
            }
        });
        viewModel.selectedCauseProperty().addListener((obs, old, now) -> {
            if (now != null && now != list.getSelectionModel().getSelectedItem()) {
                list.getSelectionModel().select(now);
            }
            showEvidence();
        });

        Button open = button("Open component", "cause-open", "Its detail, the moment its metrics moved marked (Ctrl+G)",
                () -> viewModel.openCause(viewModel.selectedCauseProperty().get()));
        Button confirm = button("Confirm", "cause-confirm", "This is the cause: kept, and similar incidents learn it (Ctrl+Y)",
                () -> viewModel.confirmCause(viewModel.selectedCauseProperty().get()));
        Button reject = button("Reject", "cause-reject", "This is not the cause (Ctrl+Shift+Y)",
                () -> viewModel.rejectCause(viewModel.selectedCauseProperty().get()));
        HBox actions = new HBox(6, open, confirm, reject);
        actions.setAlignment(Pos.CENTER_LEFT);

        evidence.setId("cause-evidence");
        similar.setId("cause-similar");
        similar.setWrapText(true);
        similar.getStyleClass().add(Styles.MUTED);
        viewModel.similar().addListener((ListChangeListener<SimilarIncident>) c -> showSimilar());
        viewModel.causes().addListener((ListChangeListener<IncidentViewModel.CauseRow>) c -> showEvidence());

        VBox details = new VBox(6, evidence, similar);
        details.setFillWidth(true);
        javafx.scene.control.ScrollPane detailsScroll = new javafx.scene.control.ScrollPane(details);
        detailsScroll.setFitToWidth(true);
        detailsScroll.getStyleClass().add("edge-to-edge");
        getChildren().setAll(title, summary, list, actions, detailsScroll);
        VBox.setVgrow(detailsScroll, Priority.ALWAYS);
        showEvidence();
        showSimilar();
    }

    private Button button(String text, String id, String tooltip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setTooltip(new Tooltip(tooltip));
        button.setOnAction(e -> action.run());
        button.disableProperty().bind(viewModel.selectedCauseProperty().isNull());
        return button;
    }

    private void showEvidence() {
        IncidentViewModel.CauseRow row = viewModel.selectedCauseProperty().get();
        List<Node> lines = new ArrayList<>();
        if (row != null) {
            Cause cause = row.cause();
            lines.add(line("cause-path", "Path: " + String.join(" → ", cause.path())));
            cause.onset().ifPresent(at -> lines.add(line("cause-onset", "Moved first at " + IncidentViewModel.time(at))));
            for (String sentence : cause.evidence()) {
                lines.add(line(null, "• " + sentence));
            }
        }
        evidence.getChildren().setAll(lines);
    }

    private static Label line(String id, String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMinHeight(Region.USE_PREF_SIZE);
        if (id != null) {
            label.setId(id);
        }
        return label;
    }

    private void showSimilar() {
        if (viewModel.similar().isEmpty()) {
            similar.setText("Similar past incidents: none with a verdict yet.");
            return;
        }
        List<String> parts = new ArrayList<>();
        for (SimilarIncident s : viewModel.similar()) {
            parts.add(String.format(Locale.ROOT, "%s (%.0f %% alike): %s %s, %s%s", s.incident().reference(),
                    100 * s.similarity(), s.incident().confirmed() ? "cause" : "not", s.incident().cause(),
                    s.incident().kind(), s.incident().resolution().isBlank() ? "" : "; resolved by " + s.incident().resolution()));
        }
        similar.setText("Similar past incidents: " + String.join(" · ", parts));
    }

    /** Rank, component and fault kind, a confidence bar, and the verdict if a person gave one. */
    private static final class CauseCell extends ListCell<IncidentViewModel.CauseRow> {
        @Override
        protected void updateItem(IncidentViewModel.CauseRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Cause cause = row.cause();
            Label name = new Label(row.rank() + ". " + cause.component());
            name.getStyleClass().add(Styles.CAUSE_NAME);
            Label kind = new Label(cause.kind());
            kind.getStyleClass().add(Styles.MUTED);
            ProgressBar bar = new ProgressBar(cause.confidence());
            bar.setPrefWidth(90);
            bar.setMinWidth(60);
            Label percent = new Label(String.format(Locale.ROOT, "%.0f %%", 100 * cause.confidence()));
            percent.setMinWidth(Region.USE_PREF_SIZE);
            Label verdict = new Label(row.verdict().map(v -> v ? "confirmed" : "rejected").orElse(""));
            verdict.getStyleClass().add(Styles.MUTED);
            VBox text = new VBox(1, name, kind);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox box = new HBox(8, text, verdict, bar, percent);
            box.setAlignment(Pos.CENTER_LEFT);
            setId("cause-" + cause.component());
            setText(null);
            setGraphic(box);
        }
    }
}
