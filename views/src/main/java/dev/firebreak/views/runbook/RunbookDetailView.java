package dev.firebreak.views.runbook;

import dev.firebreak.engine.runbook.Runbook;
import dev.firebreak.engine.runbook.RunbookLearning;
import dev.firebreak.engine.runbook.RunbookParameter;
import dev.firebreak.engine.runbook.RunbookStep;
import dev.firebreak.styles.Styles;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One runbook of the library: what it is for (alerts, fault kinds, component kinds, environments, tags), its
 * parameters, its steps with their markers and how each fared in past runs, the learning figures, and the buttons that
 * start it, dry-run it or open it as YAML.
 */
public final class RunbookDetailView extends ScrollPane {

    private static final double ROW = 28;

    private final Label title = new Label();
    private final Label identity = new Label();
    private final Label description = new Label();
    private final FlowPane chips = new FlowPane(6, 6);
    private final VBox parameters = new VBox(2);
    private final TableView<StepLine> steps = new TableView<>();
    private final LearningTiles learning = new LearningTiles();
    private final Button start = new Button("Start…");
    private final Button dryRun = new Button("Dry run…");
    private final Button edit = new Button("Edit as YAML…");
    private Runbook shown;
    private RunbookLearning shownLearning;

    /** A step and how it fared in past runs. */
    record StepLine(int number, RunbookStep step, Optional<RunbookLearning.StepLearning> learned) {
    }

    public RunbookDetailView() {
        setId("runbook-detail");
        setFitToWidth(true);
        title.setId("runbook-title");
        title.getStyleClass().add(Styles.SCREEN_TITLE);
        title.setWrapText(true);
        identity.setId("runbook-identity");
        identity.getStyleClass().add(Styles.MUTED);
        description.setId("runbook-description");
        description.setWrapText(true);
        chips.setId("runbook-chips");
        start.setId("runbook-start");
        start.setDefaultButton(false);
        start.setTooltip(new Tooltip("Choose mode, environment and parameters, see exactly what will run, then start (Ctrl+Enter)"));
        dryRun.setId("runbook-dry-run");
        dryRun.setTooltip(new Tooltip("Render every step with your values and run nothing (Ctrl+Shift+Enter)"));
        edit.setId("runbook-edit");
        edit.setTooltip(new Tooltip("Edit this runbook as YAML, checked as you type; saving keeps it in your runbooks (Ctrl+E)"));
        HBox buttons = new HBox(8, start, dryRun, edit);
        buttons.setAlignment(Pos.CENTER_LEFT);
        parameters.setId("runbook-parameters");
        steps.setId("runbook-steps");
        steps.setFixedCellSize(ROW);
        steps.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        steps.getColumns().setAll(List.of(
                column("#", 34, line -> Integer.toString(line.number())),
                column("Step", 300, line -> line.step().title()),
                column("Type", 96, line -> RunbookTexts.type(line.step().type())),
                column("Approval", 150, line -> line.step().critical() ? "critical: 2 approvers"
                        : line.step().approval() ? "approval" : "-"),
                column("Rollback", 84, line -> line.step().rollback().isPresent() ? "yes" : "-"),
                column("Past runs", 130, line -> line.learned().filter(l -> l.runs() > 0)
                        .map(l -> l.succeeded() + " of " + l.runs() + " ok")
                        .orElse("not run yet"))));
        steps.setRowFactory(table -> new javafx.scene.control.TableRow<>() {
            private final Tooltip details = new Tooltip();

            @Override
            protected void updateItem(StepLine line, boolean empty) {
                super.updateItem(line, empty);
                if (empty || line == null) {
                    setTooltip(null);
                    return;
                }
                details.setText(line.step().id() + ": " + RunbookTexts.expected(line.step()) + line.learned()
                        .filter(l -> l.runs() > 0).map(l -> "\nPast runs: " + RunbookTexts.percent(l.successRate())
                                + " ok, p50 " + RunbookTexts.duration(l.p50())).orElse(""));
                setTooltip(details);
            }
        });
        steps.setPlaceholder(new Label(""));
        VBox content = new VBox(8, title, identity, description, chips, buttons, section("What its runs taught"), learning,
                section("Parameters"), parameters, section("Steps"), steps);
        content.setPadding(new Insets(4, 12, 12, 12));
        setContent(content);
        showRunbook(null);
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.SETTINGS_SECTION);
        return label;
    }

    private static TableColumn<StepLine, String> column(String name, double width, Function<StepLine, String> text) {
        TableColumn<StepLine, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new SimpleStringProperty(text.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 36));
        column.setSortable(false);
        return column;
    }

    public Button startButton() {
        return start;
    }

    public Button dryRunButton() {
        return dryRun;
    }

    public Button editButton() {
        return edit;
    }

    public LearningTiles learningTiles() {
        return learning;
    }

    /** Shows a runbook (null: the hint to pick one). */
    public void showRunbook(Runbook runbook) {
        shown = runbook;
        boolean none = runbook == null;
        start.setDisable(none || runbook.kind() == Runbook.Kind.TEMPLATE);
        dryRun.setDisable(none);
        edit.setDisable(none);
        if (none) {
            title.setText("No runbook selected");
            identity.setText("");
            description.setText("Pick a runbook on the left to see its steps, parameters and how its past runs went.");
            chips.getChildren().clear();
            parameters.getChildren().clear();
            steps.getItems().clear();
            learning.show(null);
            return;
        }
        title.setText(runbook.title());
        identity.setText(runbook.id() + " · " + runbook.kind().name().toLowerCase(Locale.ROOT)
                + (runbook.owner().isEmpty() ? "" : " · owned by " + runbook.owner()) + " · " + runbook.steps().size()
                + " steps" + (runbook.kind() == Runbook.Kind.TEMPLATE ? " · a template: copy it to run it" : ""));
        description.setText(runbook.description().isEmpty() ? "No description." : runbook.description());
        chips.getChildren().clear();
        runbook.alerts().forEach(a -> chips.getChildren().add(chip("alert " + a)));
        runbook.faultKinds().forEach(f -> chips.getChildren().add(chip("fault " + f)));
        runbook.componentKinds().forEach(k -> chips.getChildren().add(chip("for " + k)));
        runbook.environments().forEach(e -> chips.getChildren().add(chip("env " + e)));
        runbook.tags().forEach(t -> chips.getChildren().add(chip("#" + t)));
        showParameters(runbook.parameters());
        showSteps();
    }

    /** Shows the learning figures of the runbook shown (null while they are read). */
    public void showLearning(RunbookLearning read) {
        shownLearning = read != null && shown != null && read.runbookId().equals(shown.id()) ? read : null;
        learning.show(shownLearning);
        showSteps();
    }

    private void showSteps() {
        if (shown == null) {
            return;
        }
        List<RunbookStep> all = shown.steps();
        List<StepLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            RunbookStep step = all.get(i);
            Optional<RunbookLearning.StepLearning> learned = shownLearning == null ? Optional.empty()
                    : shownLearning.steps().stream().filter(s -> s.stepId().equals(step.id())).findFirst();
            lines.add(new StepLine(i + 1, step, learned));
        }
        steps.getItems().setAll(lines);
        // every row shown: the detail scrolls as a whole, a second scroll bar inside it would hide steps
        double height = lines.size() * ROW + 50;
        steps.setPrefHeight(height);
        steps.setMinHeight(height);
    }

    private void showParameters(List<RunbookParameter> list) {
        parameters.getChildren().clear();
        if (list.isEmpty()) {
            Label none = new Label("No parameters.");
            none.getStyleClass().add(Styles.MUTED);
            parameters.getChildren().add(none);
            return;
        }
        for (RunbookParameter parameter : list) {
            Label name = new Label(parameter.name());
            name.getStyleClass().add(Styles.RENDERED_TEXT);
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label about = new Label(parameter.type().name().toLowerCase(Locale.ROOT)
                    + parameter.defaultValue().map(d -> ", default " + d).orElse(parameter.required() ? ", required" : "")
                    + (parameter.description().isEmpty() ? "" : " · " + parameter.description()));
            about.setWrapText(true);
            HBox row = new HBox(8, name, about);
            row.setId("runbook-parameter-" + parameter.name());
            parameters.getChildren().add(row);
        }
    }

    private static Node chip(String text) {
        Label chip = new Label(text);
        chip.getStyleClass().add(Styles.RUNBOOK_CHIP);
        return chip;
    }

    /** The steps as listed, for tests. */
    TableView<StepLine> stepsTable() {
        return steps;
    }
}
