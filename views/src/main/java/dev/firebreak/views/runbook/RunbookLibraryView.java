package dev.firebreak.views.runbook;

import dev.firebreak.engine.runbook.RunbookLibrary;
import dev.firebreak.styles.Styles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.MasterDetailPane;
import org.controlsfx.control.textfield.TextFields;

/**
 * The library: search and tag filter over ranked results (each saying why it matched) as the master of a ControlsFX
 * master-detail pane, the selected runbook as its detail, and the files that did not load under the list.
 */
public final class RunbookLibraryView extends MasterDetailPane {

    private final RunbookLibraryViewModel viewModel;
    private final TextField search = TextFields.createClearableTextField();
    private final ListView<RunbookLibrary.Match> results = new ListView<>();
    private final RunbookDetailView detail = new RunbookDetailView();

    public RunbookLibraryView(RunbookLibraryViewModel viewModel) {
        super(Side.RIGHT);
        this.viewModel = viewModel;
        setId("runbook-library");
        setMasterNode(master());
        setDetailNode(detail);
        setDividerPosition(0.34);
        setAnimated(false);
        viewModel.selectedProperty().addListener((obs, old, now) -> {
            detail.showRunbook(now);
            detail.showLearning(viewModel.learningProperty().get());
            reselect();
        });
        viewModel.learningProperty().addListener((obs, old, now) -> detail.showLearning(now));
        detail.showRunbook(viewModel.selectedProperty().get());
        detail.showLearning(viewModel.learningProperty().get());
        reselect();
    }

    private VBox master() {
        search.setId("runbook-search");
        search.setPromptText("Search titles, alerts, tags, steps (Ctrl+F)");
        search.textProperty().bindBidirectional(viewModel.searchProperty());
        ComboBox<String> tags = new ComboBox<>();
        tags.setId("runbook-tag-filter");
        tags.setTooltip(new Tooltip("Show only runbooks with this tag"));
        tags.setConverter(new StringConverter<>() {
            @Override
            public String toString(String tag) {
                return tag == null || tag.isEmpty() ? "Any tag" : "#" + tag;
            }

            @Override
            public String fromString(String text) {
                return text == null || text.equals("Any tag") ? "" : text.replaceFirst("^#", "");
            }
        });
        Runnable fillTags = () -> {
            java.util.List<String> choices = new java.util.ArrayList<>();
            choices.add(RunbookLibraryViewModel.ANY_TAG);
            choices.addAll(viewModel.tags());
            tags.getItems().setAll(choices);
            tags.setValue(viewModel.tagProperty().get());
        };
        viewModel.tags().addListener((ListChangeListener<String>) c -> fillTags.run());
        fillTags.run();
        tags.valueProperty().addListener((obs, old, now) -> viewModel.tagProperty().set(now == null ? "" : now));
        viewModel.tagProperty().addListener((obs, old, now) -> tags.setValue(now));
        HBox filters = new HBox(6, search, tags);
        HBox.setHgrow(search, Priority.ALWAYS);
        tags.setMinWidth(Region.USE_PREF_SIZE);
        filters.setAlignment(Pos.CENTER_LEFT);

        results.setId("runbook-results");
        results.setItems(viewModel.results());
        results.setPlaceholder(new Label("No runbook matches: try fewer words or any tag."));
        results.setCellFactory(list -> new MatchCell());
        results.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.selectedIdProperty().set(now.runbook().id());
            }
        });
        viewModel.results().addListener((ListChangeListener<RunbookLibrary.Match>) c -> reselect());

        Label summary = new Label();
        summary.setId("runbook-summary");
        summary.getStyleClass().add(Styles.MUTED);
        summary.textProperty().bind(viewModel.summaryProperty());

        VBox problems = new VBox(6);
        problems.setId("runbook-problems");
        ScrollPane problemsScroll = new ScrollPane(problems);
        problemsScroll.setFitToWidth(true);
        problemsScroll.setPrefHeight(96);
        TitledPane notLoaded = new TitledPane("Files that did not load", problemsScroll);
        notLoaded.setId("runbook-problems-pane");
        Runnable showProblems = () -> {
            problems.getChildren().setAll(viewModel.problems().stream().map(text -> {
                Label problem = new Label(text);
                problem.setWrapText(true);
                problem.getStyleClass().add(Styles.VALIDATION_MESSAGE);
                return problem;
            }).toList());
            notLoaded.setText("Files that did not load (" + viewModel.problems().size() + ")");
            notLoaded.setVisible(!viewModel.problems().isEmpty());
            notLoaded.setManaged(!viewModel.problems().isEmpty());
        };
        viewModel.problems().addListener((ListChangeListener<String>) c -> showProblems.run());
        showProblems.run();

        VBox master = new VBox(8, filters, summary, results, notLoaded);
        VBox.setVgrow(results, Priority.ALWAYS);
        master.setPadding(new Insets(0, 8, 0, 0));
        return master;
    }

    /** Keeps the list's selection on the selected runbook as results change. */
    private void reselect() {
        String id = viewModel.selectedIdProperty().get();
        for (RunbookLibrary.Match match : results.getItems()) {
            if (match.runbook().id().equals(id)) {
                if (results.getSelectionModel().getSelectedItem() != match) {
                    results.getSelectionModel().select(match);
                }
                return;
            }
        }
    }

    public RunbookDetailView detail() {
        return detail;
    }

    public ListView<RunbookLibrary.Match> results() {
        return results;
    }

    public void focusSearch() {
        search.requestFocus();
    }

    /** A result: its rank and title, its id, and why it matched (or what it is, when nothing was searched). */
    private static final class MatchCell extends ListCell<RunbookLibrary.Match> {
        private final Label title = new Label();
        private final Label id = new Label();
        private final Label why = new Label();
        private final VBox box;

        MatchCell() {
            title.setStyle("-fx-font-weight: bold;");
            id.getStyleClass().add(Styles.MUTED);
            why.getStyleClass().add(Styles.MATCH_REASONS);
            why.setWrapText(true);
            HBox line = new HBox(8, title, id);
            line.setAlignment(Pos.BASELINE_LEFT);
            box = new VBox(2, line, why);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(RunbookLibrary.Match match, boolean empty) {
            super.updateItem(match, empty);
            if (empty || match == null) {
                setGraphic(null);
                return;
            }
            title.setText((getIndex() + 1) + ". " + match.runbook().title());
            id.setText(match.runbook().id());
            why.setText(match.reasons().isEmpty() ? firstLine(match.runbook().description())
                    : String.join(" · ", match.reasons()));
            setGraphic(box);
        }

        private static String firstLine(String text) {
            return text.lines().findFirst().orElse("");
        }
    }
}
