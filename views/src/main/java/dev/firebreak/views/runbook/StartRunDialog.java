package dev.firebreak.views.runbook;

import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.engine.runbook.ExecutionMode;
import dev.firebreak.engine.runbook.PlannedStep;
import dev.firebreak.styles.Styles;
import java.util.Locale;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Starting a run: mode, environment, a field per parameter (its default filled in), the plan with every step's exact
 * text as it would run, and, for a protected environment, the field where its name is typed. The dialog stays open
 * on a refusal (the reason shows in it) and closes once the run started.
 */
public final class StartRunDialog extends Dialog<Execution> {

    public static final ButtonType START = new ButtonType("Start", ButtonBar.ButtonData.OK_DONE);

    private final StartRunViewModel viewModel;

    public StartRunDialog(StartRunViewModel viewModel) {
        this.viewModel = viewModel;
        setTitle("Run " + viewModel.runbook().id());
        setHeaderText(viewModel.runbook().title() + viewModel.incidentId().map(id -> "  (for incident " + id + ")").orElse(""));
        setResizable(true);
        getDialogPane().getStylesheets().add(Styles.STYLESHEET);
        getDialogPane().getStyleClass().add(Styles.RUNBOOKS_SCREEN);
        getDialogPane().setId("start-run-dialog");

        GridPane form = new GridPane();
        form.getStyleClass().add(Styles.SETTINGS_FORM);
        javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
        names.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        form.getColumnConstraints().add(names);
        int row = 0;
        ChoiceBox<ExecutionMode> mode = new ChoiceBox<>();
        mode.setId("start-mode");
        mode.getItems().setAll(ExecutionMode.values());
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(ExecutionMode m) {
                return m == null ? "" : describe(m);
            }

            @Override
            public ExecutionMode fromString(String s) {
                return null;
            }
        });
        mode.valueProperty().bindBidirectional(viewModel.modeProperty());
        form.addRow(row++, new Label("Mode"), mode);

        ComboBox<String> environment = new ComboBox<>();
        environment.setId("start-environment");
        environment.setEditable(true);
        environment.getItems().setAll(viewModel.environments());
        environment.setValue(viewModel.environmentProperty().get());
        environment.getEditor().textProperty().addListener((obs, old, now) -> viewModel.environmentProperty().set(now));
        environment.valueProperty().addListener((obs, old, now) -> viewModel.environmentProperty().set(now));
        environment.setTooltip(new Tooltip("Where the run acts; a protected one (production) needs its name typed"));
        form.addRow(row++, new Label("Environment"), environment);

        for (StartRunViewModel.ParameterField field : viewModel.parameters()) {
            TextField value = new TextField();
            value.setId("start-param-" + field.parameter().name());
            value.textProperty().bindBidirectional(field.value());
            value.setPromptText(field.parameter().type().name().toLowerCase(Locale.ROOT)
                    + (field.parameter().required() ? ", required" : ""));
            value.setPrefColumnCount(24);
            if (!field.parameter().description().isEmpty()) {
                value.setTooltip(new Tooltip(field.parameter().description()));
            }
            form.addRow(row++, new Label(field.parameter().name()), value);
        }

        Label confirmLabel = new Label("Confirm");
        TextField confirmation = new TextField();
        confirmation.setId("start-confirmation");
        confirmation.textProperty().bindBidirectional(viewModel.confirmationProperty());
        confirmation.promptTextProperty().bind(viewModel.environmentProperty().map(e -> "type " + e + " to confirm"));
        confirmation.visibleProperty().bind(viewModel.protectedEnvironmentProperty());
        confirmation.managedProperty().bind(confirmation.visibleProperty());
        confirmLabel.visibleProperty().bind(confirmation.visibleProperty());
        confirmLabel.managedProperty().bind(confirmation.visibleProperty());
        form.addRow(row, confirmLabel, confirmation);

        ListView<PlannedStep> plan = new ListView<>(viewModel.plan());
        plan.setId("start-plan");
        plan.setPrefSize(680, 300);
        plan.setCellFactory(list -> new PlannedStepCell());
        plan.setPlaceholder(new Label("Name the environment to see the plan."));

        Label message = new Label();
        message.setId("start-message");
        message.getStyleClass().add(Styles.VALIDATION_MESSAGE);
        message.textProperty().bind(viewModel.messageProperty());

        Label planTitle = new Label("What will run, step by step");
        planTitle.getStyleClass().add(Styles.SETTINGS_SECTION);
        VBox content = new VBox(8, form, planTitle, plan, message);
        VBox.setVgrow(plan, Priority.ALWAYS);
        content.setPadding(new Insets(8, 12, 4, 12));
        content.setPrefWidth(760);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(START, ButtonType.CANCEL);
        Button start = (Button) getDialogPane().lookupButton(START);
        start.setId("start-run");
        start.textProperty().bind(viewModel.modeProperty().map(m -> m == ExecutionMode.DRY_RUN ? "Dry run" : "Start"));
        start.disableProperty().bind(viewModel.startingProperty());
        // the run starts in the background: the dialog closes when it has started, or stays to show why not
        start.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            viewModel.start();
        });
        viewModel.startedProperty().addListener((obs, old, now) -> {
            if (now != null) {
                setResult(now);
                close();
            }
        });
        setResultConverter(button -> viewModel.startedProperty().get());
    }

    public StartRunViewModel viewModel() {
        return viewModel;
    }

    static String describe(ExecutionMode mode) {
        return switch (mode) {
            case STEP_BY_STEP -> "Step by step: every step waits for approval";
            case APPROVAL_ONLY -> "Approval only: steps marked approval or critical wait";
            case AUTOMATIC -> "Automatic: only manual steps wait; a failure rolls back";
            case DRY_RUN -> "Dry run: render every step, run nothing";
        };
    }

    /** One planned step: number, title, type, approvals it waits for; its exact text; its rollback or its problem. */
    private static final class PlannedStepCell extends ListCell<PlannedStep> {
        private final Label title = new Label();
        private final Label kind = new Label();
        private final Label text = new Label();
        private final Label more = new Label();
        private final VBox box = new VBox(2, title, kind, text, more);

        PlannedStepCell() {
            title.setStyle("-fx-font-weight: bold;");
            kind.getStyleClass().add(Styles.MUTED);
            text.getStyleClass().add(Styles.RENDERED_TEXT);
            text.setWrapText(true);
            more.setWrapText(true);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(PlannedStep step, boolean empty) {
            super.updateItem(step, empty);
            if (empty || step == null) {
                setGraphic(null);
                return;
            }
            title.setText((getIndex() + 1) + ". " + step.title());
            kind.setText(RunbookTexts.type(step.type()) + (step.approvals() == 0 ? " · runs without waiting"
                    : " · waits for " + step.approvals() + " approval" + (step.approvals() == 1 ? "" : "s")));
            text.setText(step.rendered().isEmpty() ? "(nothing to execute)" : step.rendered());
            more.getStyleClass().removeAll(Styles.VALIDATION_MESSAGE, Styles.MUTED);
            if (step.problem().isPresent()) {
                more.setText("Problem: " + step.problem().get());
                more.getStyleClass().add(Styles.VALIDATION_MESSAGE);
            } else {
                more.setText(step.rollback().map(r -> "Rollback: " + r).orElse(""));
                more.getStyleClass().add(Styles.MUTED);
            }
            more.setManaged(!more.getText().isEmpty());
            more.setVisible(more.isManaged());
            setGraphic(box);
        }
    }
}
