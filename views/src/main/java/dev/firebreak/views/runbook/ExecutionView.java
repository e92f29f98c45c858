package dev.firebreak.views.runbook;

import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.styles.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The step-through of one run: its state and message; the steps with their state; the selected step's exact rendered
 * text (selectable, monospace), what it is expected to come to, who approved it when, and its output as it streams;
 * what an approval needs (a second person, the environment's name); and the actions, enabled only when the engine
 * would accept them. A refusal shows under the buttons.
 *
 * <p>Shortcuts (Alt with the underlined letter): Alt+A approve (or confirm a manual step done), Alt+D deny, Alt+S
 * skip, Alt+R retry, Alt+B roll back, Alt+O abort, Alt+U resume.
 */
public final class ExecutionView extends VBox {

    private final ExecutionViewModel viewModel;
    private final Label title = new Label();
    private final Label state = new Label();
    private final Label context = new Label();
    private final Label message = new Label();
    private final ListView<StepRow> steps = new ListView<>();
    private final Label stepTitle = new Label();
    private final Label stepKind = new Label();
    private final TextArea rendered = new TextArea();
    private final Label expected = new Label();
    private final Label approvals = new Label();
    private final TextArea output = new TextArea();
    private final Label stepMessage = new Label();
    private final Label secondPrompt = new Label();
    private final TextField approver = new TextField();
    private final Label environmentPrompt = new Label();
    private final TextField confirmation = new TextField();
    private final VBox prompt = new VBox();
    private Button approve;
    private final List<Button> buttons = new ArrayList<>();

    public ExecutionView(ExecutionViewModel viewModel) {
        this.viewModel = viewModel;
        setId("execution-view");
        setSpacing(8);
        setPadding(new Insets(4, 4, 4, 12));

        title.setId("run-title");
        title.getStyleClass().add(Styles.SCREEN_TITLE);
        title.setMinWidth(Region.USE_PREF_SIZE);
        state.setId("run-state");
        state.getStyleClass().add(Styles.RUN_STATE);
        state.setMinWidth(Region.USE_PREF_SIZE);
        HBox heading = new HBox(12, title, state);
        heading.setAlignment(Pos.CENTER_LEFT);
        context.setId("run-context");
        context.getStyleClass().add(Styles.MUTED);
        message.setId("run-message");
        message.setWrapText(true);

        steps.setId("run-steps");
        steps.setItems(viewModel.steps());
        steps.setCellFactory(list -> new StepCell());
        steps.setMinWidth(240);
        steps.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            if (now.intValue() >= 0) {
                viewModel.selectedIndexProperty().set(now.intValue());
            }
        });
        viewModel.selectedIndexProperty().addListener((obs, old, now) -> selectInList());
        viewModel.steps().addListener((ListChangeListener<StepRow>) c -> selectInList());

        SplitPane body = new SplitPane(steps, stepDetail());
        body.setDividerPositions(0.36);
        VBox.setVgrow(body, Priority.ALWAYS);

        Label refusal = new Label();
        refusal.setId("run-refusal");
        refusal.getStyleClass().add(Styles.VALIDATION_MESSAGE);
        refusal.textProperty().bind(viewModel.refusalProperty());
        refusal.managedProperty().bind(refusal.textProperty().isNotEmpty());
        refusal.visibleProperty().bind(refusal.managedProperty());

        getChildren().setAll(heading, context, message, body, approvalPrompt(), actions(), refusal);
        viewModel.executionProperty().addListener((obs, old, now) -> showRun(now));
        viewModel.shownProperty().addListener((obs, old, now) -> showStep(now));
        viewModel.shownOutputProperty().addListener((obs, old, now) -> showOutput(now));
        viewModel.approvalNeedProperty().addListener((obs, old, now) -> showPrompt());
        viewModel.allowedProperty(RunAction.APPROVE).addListener((obs, old, now) -> showPrompt());
        viewModel.workingProperty().addListener((obs, old, now) -> showPrompt());
        showRun(viewModel.executionProperty().get());
        showStep(viewModel.shownProperty().get());
        showOutput(viewModel.shownOutputProperty().get());
        showPrompt();
        selectInList();
    }

    private VBox stepDetail() {
        stepTitle.setId("step-title");
        stepTitle.getStyleClass().add(Styles.INCIDENT_TITLE);
        stepTitle.setWrapText(true);
        stepKind.setId("step-kind");
        stepKind.getStyleClass().add(Styles.MUTED);
        rendered.setId("step-rendered");
        rendered.getStyleClass().add(Styles.RENDERED_TEXT);
        rendered.setEditable(false);
        rendered.setWrapText(true);
        rendered.setPrefRowCount(3);
        rendered.setMinHeight(64);
        expected.setId("step-expected");
        expected.setWrapText(true);
        approvals.setId("step-approvals");
        approvals.setWrapText(true);
        output.setId("step-output");
        output.getStyleClass().add(Styles.RENDERED_TEXT);
        output.setEditable(false);
        output.setWrapText(false);
        output.setPrefRowCount(8);
        stepMessage.setId("step-message");
        stepMessage.getStyleClass().add(Styles.MUTED);
        stepMessage.setWrapText(true);
        VBox detail = new VBox(4, stepTitle, stepKind, section("Runs exactly"), rendered, section("Expected outcome"), expected,
                section("Approvals"), approvals, outputSection(), output, stepMessage);
        VBox.setVgrow(output, Priority.ALWAYS);
        detail.setPadding(new Insets(0, 0, 0, 10));
        detail.setMinWidth(0);
        return detail;
    }

    private Label outputSection() {
        Label label = section("");
        label.setId("step-output-title");
        label.textProperty().bind(viewModel.outputTitleProperty());
        return label;
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.SETTINGS_SECTION);
        return label;
    }

    private VBox approvalPrompt() {
        secondPrompt.setId("run-second-approver-prompt");
        secondPrompt.setWrapText(true);
        approver.setId("run-approver");
        approver.setPromptText("the second approver's name");
        approver.textProperty().bindBidirectional(viewModel.approverProperty());
        approver.setOnAction(e -> viewModel.approve());
        Label approverLabel = new Label("Second approver");
        approverLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox approverRow = new HBox(8, approverLabel, approver);
        approverRow.setAlignment(Pos.CENTER_LEFT);
        approverRow.managedProperty().bind(secondPrompt.managedProperty());
        approverRow.visibleProperty().bind(secondPrompt.managedProperty());
        environmentPrompt.setId("run-environment-prompt");
        environmentPrompt.setWrapText(true);
        confirmation.setId("run-confirmation");
        confirmation.textProperty().bindBidirectional(viewModel.confirmationProperty());
        confirmation.setOnAction(e -> viewModel.approve());
        confirmation.managedProperty().bind(environmentPrompt.managedProperty());
        confirmation.visibleProperty().bind(environmentPrompt.managedProperty());
        prompt.setId("run-approval-prompt");
        prompt.getStyleClass().add(Styles.APPROVAL_PROMPT);
        prompt.getChildren().setAll(secondPrompt, approverRow, environmentPrompt, confirmation);
        return prompt;
    }

    private FlowPane actions() {
        approve = action("_Approve", "run-approve", RunAction.APPROVE,
                "Approve exactly the text shown; the step runs. A manual step: confirm it is done (Alt+A)");
        buttons.add(approve);
        buttons.add(action("_Deny", "run-deny", RunAction.DENY, "Refuse this step; the run pauses (Alt+D)"));
        buttons.add(action("_Skip", "run-skip", RunAction.SKIP, "Go on without running this step (Alt+S)"));
        buttons.add(action("_Retry", "run-retry", RunAction.RETRY, "Run the failed, denied or interrupted step again (Alt+R)"));
        buttons.add(action("Roll _back", "run-rollback", RunAction.ROLL_BACK,
                "Undo the succeeded steps that have a rollback, newest first; the run ends (Alt+B)"));
        buttons.add(action("Ab_ort", "run-abort", RunAction.ABORT, "Stop the run for good; a running step finishes first (Alt+O)"));
        buttons.add(action("Res_ume", "run-resume", RunAction.RESUME, "Carry on with a paused or interrupted run (Alt+U)"));
        TextField reason = new TextField();
        reason.setId("run-reason");
        reason.setPromptText("Reason (deny, skip, roll back, abort)");
        reason.setPrefColumnCount(22);
        reason.textProperty().bindBidirectional(viewModel.reasonProperty());
        FlowPane bar = new FlowPane(6, 6);
        bar.getChildren().setAll(buttons);
        bar.getChildren().add(reason);
        // Mnemonics only underline while Alt is held: say them, so a person can run a step without the mouse.
        Label keys = new Label("Keys: Alt+A approve · Alt+D deny · Alt+S skip · Alt+R retry · Alt+B roll back · Alt+O abort"
                + " · Alt+U resume");
        keys.getStyleClass().add(Styles.MUTED);
        keys.setId("run-keys");
        bar.getChildren().add(keys);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Button action(String text, String id, RunAction action, String tooltip) {
        Button button = new Button(text);
        button.setMnemonicParsing(true);
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setTooltip(new Tooltip(tooltip));
        button.disableProperty().bind(viewModel.allowedProperty(action).not());
        button.setOnAction(e -> {
            switch (action) {
                case APPROVE -> viewModel.approve();
                case DENY -> viewModel.deny();
                case SKIP -> viewModel.skip();
                case RETRY -> viewModel.retry();
                case ROLL_BACK -> viewModel.rollBack();
                case ABORT -> viewModel.abort();
                case RESUME -> viewModel.resume();
            }
        });
        return button;
    }

    private void showRun(Execution execution) {
        if (execution == null) {
            return;
        }
        title.setText(RunbookTexts.runTitle(execution));
        state.setText(RunStates.label(execution.state()));
        RunStates.applyTone(state, RunStates.tone(execution.state()));
        context.setText(RunbookTexts.runContext(execution));
        message.setText(execution.message());
        steps.refresh();
    }

    private void showStep(StepRow row) {
        if (row == null) {
            stepTitle.setText("");
            stepKind.setText("");
            rendered.setText("");
            expected.setText("");
            approvals.setText("");
            stepMessage.setText("");
            return;
        }
        stepTitle.setText(row.title() + (row.current() ? "  (current step)" : ""));
        List<String> about = new ArrayList<>();
        about.add(RunbookTexts.type(row.step().type()));
        about.add(RunStates.label(row.run().state()));
        about.addAll(RunbookTexts.markers(row.step()));
        stepKind.setText(String.join(" · ", about));
        rendered.setText(row.run().rendered().isEmpty() ? "(rendered when the run reaches this step)" : row.run().rendered());
        expected.setText(RunbookTexts.expected(row.step(), viewModel.executionProperty().get().parameters()));
        approvals.setText(viewModel.approvalsText(row));
        // the current step's message is often the run's, already shown at the top
        Execution run = viewModel.executionProperty().get();
        stepMessage.setText(row.current() && run != null && row.run().message().equals(run.message()) ? ""
                : row.run().message());
    }

    private void showOutput(String text) {
        boolean atEnd = output.getCaretPosition() >= output.getLength();
        output.setText(text.isEmpty() ? "" : text);
        if (atEnd) {
            output.positionCaret(output.getLength());
            output.setScrollTop(Double.MAX_VALUE);
        }
        output.setPromptText("No output yet.");
    }

    private void showPrompt() {
        ApprovalNeed need = viewModel.approvalNeedProperty().get();
        boolean waits = viewModel.allowedProperty(RunAction.APPROVE).get() || viewModel.workingProperty().get();
        secondPrompt.setText(need.secondPersonPrompt());
        secondPrompt.setManaged(waits && need.needsSecondPerson());
        secondPrompt.setVisible(secondPrompt.isManaged());
        environmentPrompt.setText(need.environmentPrompt());
        environmentPrompt.setManaged(waits && need.typeEnvironment());
        environmentPrompt.setVisible(environmentPrompt.isManaged());
        confirmation.setPromptText("type " + need.environment());
        prompt.setManaged(secondPrompt.isManaged() || environmentPrompt.isManaged());
        prompt.setVisible(prompt.isManaged());
        // the button names what it does: a manual step is confirmed done, a critical one's second approval is asked for
        approve.setText(need.manual() ? "Confirm done (_A)" : need.needsSecondPerson() ? "_Approve as second person" : "_Approve");
    }

    private void selectInList() {
        int index = viewModel.selectedIndexProperty().get();
        if (index >= 0 && index < steps.getItems().size() && steps.getSelectionModel().getSelectedIndex() != index) {
            steps.getSelectionModel().select(index);
            steps.scrollTo(Math.max(0, index - 2));
        }
    }

    public ExecutionViewModel viewModel() {
        return viewModel;
    }

    /** One step: its number and title, its state as glyph and word, who approved it, and its markers. */
    private static final class StepCell extends ListCell<StepRow> {
        private final Label title = new Label();
        private final Label status = new Label();
        private final Label markers = new Label();
        private final VBox box = new VBox(2, title, status, markers);

        StepCell() {
            status.getStyleClass().add(Styles.RUN_STATE);
            markers.getStyleClass().add(Styles.MUTED);
            // a narrow list wraps rather than cutting off who approved
            title.setWrapText(true);
            status.setWrapText(true);
            markers.setWrapText(true);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(StepRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setId(null);
                return;
            }
            setId("run-step-" + row.step().id());
            title.setText(row.title());
            title.setStyle(row.current() ? "-fx-font-weight: bold;" : "");
            status.setText(row.status());
            RunStates.applyTone(status, RunStates.tone(row.run().state()));
            String marks = String.join(" · ", RunbookTexts.markers(row.step()));
            markers.setText(RunbookTexts.type(row.step().type()) + (marks.isEmpty() ? "" : " · " + marks));
            setGraphic(box);
        }
    }
}
