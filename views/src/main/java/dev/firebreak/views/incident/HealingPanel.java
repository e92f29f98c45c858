package dev.firebreak.views.incident;

import dev.firebreak.engine.heal.GateVerdict;
import dev.firebreak.engine.heal.HealingAction;
import dev.firebreak.engine.heal.HealingDecision;
import dev.firebreak.engine.heal.Verdict;
import dev.firebreak.styles.Styles;
import dev.firebreak.views.healing.HealingTexts;
import dev.firebreak.views.healing.ReasonDialog;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * "Healing": every decision healing took for the incident, newest first (a list above, the chosen decision below). A decision reads as its chain: the verdict in words, each gate passed (✓) or failed (✗)
 * and why, the playbook chosen with its past success rate on the fault kind, and the action it led to with its state,
 * verification and note, live. What shadow mode only recorded is marked "would have done". An action waiting for
 * approval shows the step its run waits at, with Approve (that exact step) and Deny… (asks why).
 */
final class HealingPanel extends VBox {

    /** Height of one decision in the list. */
    private static final double CELL = 30;
    /** Decisions shown before the list scrolls. */
    private static final int SHOWN_ROWS = 4;

    private final IncidentHealingViewModel viewModel;
    private final ListView<IncidentHealingViewModel.DecisionRow> list = new ListView<>();
    private final VBox detail = new VBox(8);
    private final Button approve = new Button("Approve step");
    private final Button deny = new Button("Deny…");
    private final Button undo = new Button("Undo…");
    private final Button openRun = new Button("Open run");

    HealingPanel(IncidentHealingViewModel viewModel) {
        super(6);
        this.viewModel = viewModel;
        setId("healing-panel");
        getStyleClass().add(Styles.HEALING_PANEL);
        Label title = new Label("Healing");
        title.getStyleClass().add(Styles.SETTINGS_SECTION);
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label mode = new Label();
        mode.setId("healing-mode-text");
        mode.getStyleClass().add(Styles.MUTED);
        mode.textProperty().bind(viewModel.modeTextProperty());
        Label message = new Label();
        message.setId("healing-panel-message");
        message.getStyleClass().add(Styles.VALIDATION_MESSAGE);
        message.textProperty().bind(viewModel.messageProperty());
        message.setWrapText(true);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // the actions stay in the header, in sight however long the chain below is
        HBox header = new HBox(10, title, mode, spacer, buttons());
        header.setAlignment(Pos.CENTER_LEFT);

        list.setId("healing-decisions");
        list.setItems(viewModel.decisions());
        list.setCellFactory(view -> {
            DecisionCell cell = new DecisionCell();
            // as wide as the list, so a long line is cut short instead of scrolling the list sideways
            cell.prefWidthProperty().bind(view.widthProperty().subtract(4));
            return cell;
        });
        list.setPlaceholder(new Label("Healing has not decided anything for this incident yet: it decides once the"
                + " probable cause is known."));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now != viewModel.selectedProperty().get()) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, now) -> {
            if (now != null && now != list.getSelectionModel().getSelectedItem()) {
                list.getSelectionModel().select(now);
            }
            showDetail();
        });
        // the decisions are read anew as they change: keep the shown one selected in the list
        viewModel.decisions().addListener((javafx.collections.ListChangeListener<IncidentHealingViewModel.DecisionRow>) c -> {
            IncidentHealingViewModel.DecisionRow shown = viewModel.selectedProperty().get();
            if (shown != null && viewModel.decisions().contains(shown)) {
                list.getSelectionModel().select(shown);
            }
        });

        detail.setId("healing-detail");
        detail.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        // the list is as tall as its decisions (up to four), the detail takes the rest: most incidents have one or two
        list.setFixedCellSize(CELL);
        list.prefHeightProperty().bind(javafx.beans.binding.Bindings.size(viewModel.decisions())
                .map(n -> Math.max(1, Math.min(SHOWN_ROWS, n.intValue())) * CELL + 2));
        list.setMinHeight(CELL + 2);
        getChildren().setAll(header, message, list, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        viewModel.workingProperty().addListener((obs, old, now) -> showDetail());
        if (viewModel.selectedProperty().get() != null) {
            list.getSelectionModel().select(viewModel.selectedProperty().get());
        }
        showDetail();
    }

    /** The chosen decision's chain, its playbook and its action. */
    private void showDetail() {
        IncidentHealingViewModel.DecisionRow row = viewModel.selectedProperty().get();
        updateButtons(row);
        if (row == null) {
            Label none = new Label("No healing decision yet.");
            none.getStyleClass().add(Styles.MUTED);
            detail.getChildren().setAll(none);
            return;
        }
        // side by side: what was decided and what came of it, and beside it the chain that led there
        VBox outcome = new VBox(8, actionCard(row), verdictCard(row));
        VBox chain = chain(row.decision());
        GridPane columns = new GridPane();
        columns.setHgap(8);
        ColumnConstraints left = new ColumnConstraints();
        left.setPercentWidth(43);
        ColumnConstraints right = new ColumnConstraints();
        right.setPercentWidth(57);
        columns.getColumnConstraints().setAll(left, right);
        columns.addRow(0, outcome, chain);
        GridPane.setValignment(outcome, javafx.geometry.VPos.TOP);
        GridPane.setValignment(chain, javafx.geometry.VPos.TOP);
        detail.getChildren().setAll(columns);
    }

    private VBox verdictCard(IncidentHealingViewModel.DecisionRow row) {
        HealingDecision decision = row.decision();
        Label verdict = new Label(HealingTexts.verdict(decision.verdict()));
        verdict.setId("healing-verdict");
        verdict.getStyleClass().add(Styles.RUN_STATE);
        HealingTexts.applyTone(verdict, HealingTexts.tone(decision.verdict()));
        verdict.setMinWidth(Region.USE_PREF_SIZE);
        Label when = new Label(HealingTexts.time(decision.at()) + " · " + HealingTexts.word(decision.strategy()) + " · mode "
                + decision.mode().label());
        when.getStyleClass().add(Styles.MUTED);
        FlowPane top = new FlowPane(8, 2, verdict, when);
        top.setAlignment(Pos.CENTER_LEFT);
        if (row.shadow()) {
            Label chip = shadowChip();
            chip.setId("healing-shadow-chip");
            top.getChildren().add(1, chip);
        }
        Label summary = wrapped("healing-decision-summary", decision.summary());
        String then = decision.successRate().isPresent()
                ? String.format(Locale.ROOT, "%.0f %% when decided", 100 * decision.successRate().getAsDouble())
                : "none when decided";
        String playbook = decision.playbookId().map(id -> "Playbook " + id + " · its record on " + decision.faultKind()
                + ": " + HealingTexts.record(row.record()) + " (" + then + ")").orElse("No playbook answers "
                + decision.faultKind() + " on " + decision.component());
        Label chosen = wrapped("healing-playbook", playbook);
        chosen.getStyleClass().add(Styles.CAUSE_NAME);
        String figures = String.format(Locale.ROOT, "Confidence %.2f (the cause's %.2f, moved by the record) against %.2f",
                decision.confidence(), decision.causeConfidence(), decision.threshold())
                + decision.blastRadius().map(b -> " · blast radius " + b.label()).orElse("")
                + (decision.parameters().isEmpty() ? "" : " · " + parameters(decision.parameters()));
        Label numbers = wrapped("healing-figures", figures);
        numbers.getStyleClass().add(Styles.MUTED);
        VBox card = card(top, summary, chosen, numbers);
        HealingTexts.applyTone(card, HealingTexts.tone(decision.verdict()));
        return card;
    }

    private VBox chain(HealingDecision decision) {
        GridPane grid = new GridPane();
        grid.setId("healing-gates");
        grid.setHgap(10);
        grid.setVgap(2);
        ColumnConstraints mark = new ColumnConstraints();
        mark.setMinWidth(18);
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints why = new ColumnConstraints();
        why.setHgrow(Priority.ALWAYS);
        why.setFillWidth(true);
        grid.getColumnConstraints().setAll(mark, name, why);
        int line = 0;
        for (GateVerdict gate : decision.gates()) {
            Label tick = new Label(gate.passed() ? "✓" : "✗");
            tick.getStyleClass().add(gate.passed() ? Styles.CHECK_PASS : Styles.CHECK_FAIL);
            Label label = new Label(gate.gate().label());
            label.setId("gate-" + gate.gate().name().toLowerCase(Locale.ROOT));
            label.getStyleClass().add(Styles.CAUSE_NAME);
            Label reason = wrapped(null, gate.why());
            grid.addRow(line++, tick, label, reason);
        }
        Label title = new Label(decision.refusedBy().map(g -> "Decision chain: stopped at " + g.gate().label())
                .orElse("Decision chain: every gate passed"));
        title.setId("healing-chain-title");
        title.getStyleClass().add(Styles.SETTINGS_SECTION);
        return card(title, grid);
    }

    private VBox actionCard(IncidentHealingViewModel.DecisionRow row) {
        HealingDecision decision = row.decision();
        if (row.action().isEmpty()) {
            String text = switch (decision.verdict()) {
                case SHADOW -> "Shadow mode: nothing ran. Healing " + HealingTexts.WOULD_HAVE_DONE + " this: run "
                        + decision.playbookId().orElse("no playbook") + " on " + decision.component() + ".";
                case REFUSED -> "No action: " + decision.refusedBy().map(g -> g.gate().label() + " said no (" + g.why() + ")")
                        .orElse("refused") + ". A person decides.";
                default -> "The action is starting.";
            };
            Label none = wrapped("healing-no-action", text);
            VBox card = card(none);
            HealingTexts.applyTone(card, decision.verdict() == Verdict.SHADOW ? dev.firebreak.styles.Styles.TONE_UNDONE
                    : dev.firebreak.styles.Styles.TONE_IDLE);
            return card;
        }
        HealingAction action = row.action().get();
        Label state = new Label("Action " + action.id() + ": " + HealingTexts.label(action.state()));
        state.setId("healing-action-state");
        state.getStyleClass().add(Styles.RUN_STATE);
        HealingTexts.applyTone(state, HealingTexts.tone(action.state()));
        state.setMinWidth(Region.USE_PREF_SIZE);
        Label verification = new Label(HealingTexts.verification(action.verification()));
        verification.setId("healing-verification");
        verification.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane top = new FlowPane(12, 2, state, verification);
        top.setAlignment(Pos.CENTER_LEFT);
        Label note = wrapped("healing-note", action.note().isEmpty() ? "" : "Note: " + action.note());
        Label times = wrapped("healing-times", "Started " + HealingTexts.time(action.startedAt()) + ", last change "
                + HealingTexts.time(action.updatedAt()) + " (" + duration(action.duration()) + ")"
                + action.executionId().map(id -> " · run " + id).orElse("")
                + action.rollbackId().map(id -> (action.undone() ? " · undone by run "
                        : " · rolled back by run ") + id).orElse(""));
        times.getStyleClass().add(Styles.MUTED);
        VBox card = card(top, note, times);
        row.pending().filter(p -> row.awaitingApproval()).ifPresent(p -> card.getChildren().add(pendingBox(p)));
        HealingTexts.applyTone(card, HealingTexts.tone(action.state()));
        return card;
    }

    private VBox pendingBox(IncidentHealingViewModel.PendingStep pending) {
        Label waits = wrapped("healing-pending-step", "Waits for approval at step " + pending.index() + " of "
                + pending.total() + ": " + pending.title());
        waits.getStyleClass().add(Styles.CAUSE_NAME);
        Label text = wrapped("healing-pending-text", pending.rendered());
        text.getStyleClass().add(Styles.RENDERED_TEXT);
        VBox box = new VBox(4, waits, text);
        box.getStyleClass().add(Styles.APPROVAL_PROMPT);
        return box;
    }

    private HBox buttons() {
        approve.setId("healing-approve");
        approve.setTooltip(new Tooltip("Approve the step shown, exactly as shown; the run goes on to the next"));
        approve.setOnAction(e -> approve(viewModel.selectedProperty().get()));
        deny.setId("healing-deny");
        deny.setTooltip(new Tooltip("Deny the healing action (asks why): its run is aborted, nothing of it runs"));
        deny.setOnAction(e -> openDenyDialog(viewModel.selectedProperty().get()));
        undo.setId("healing-undo");
        undo.setTooltip(new Tooltip("Undo the verified action (asks why): its steps' rollbacks run, e.g. the breaker it"
                + " opened is closed once the dependency is back"));
        undo.setOnAction(e -> openUndoDialog(viewModel.selectedProperty().get()));
        openRun.setId("healing-open-run");
        openRun.setTooltip(new Tooltip("The run in the runbooks screen's step-through: every step, its output"));
        openRun.setOnAction(e -> viewModel.openRun(viewModel.selectedProperty().get()));
        HBox box = new HBox(6, approve, deny, undo, openRun);
        box.setAlignment(Pos.CENTER_LEFT);
        for (Button button : List.of(approve, deny, undo, openRun)) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        return box;
    }

    /**
     * Approve and Deny only while the shown decision's action waits for a person; Undo once it is verified and has steps
     * to undo; Open run once it has a run.
     */
    private void updateButtons(IncidentHealingViewModel.DecisionRow row) {
        boolean working = viewModel.workingProperty().get();
        boolean waits = row != null && row.awaitingApproval();
        approve.setDisable(working || !waits || row.pending().isEmpty());
        deny.setDisable(working || !waits);
        undo.setDisable(working || row == null || !row.undoable());
        openRun.setDisable(row == null || row.action().flatMap(HealingAction::executionId).isEmpty());
    }

    private void approve(IncidentHealingViewModel.DecisionRow row) {
        if (!viewModel.needsConfirmation(row)) {
            viewModel.approve(row, "");
            return;
        }
        String environment = row.pending().map(IncidentHealingViewModel.PendingStep::environment).orElse("");
        TextInputDialog confirm = new TextInputDialog();
        confirm.setTitle("Approve in " + environment);
        confirm.setHeaderText(environment + " is protected: type its name to approve this step.");
        confirm.getDialogPane().getStylesheets().add(Styles.STYLESHEET);
        confirm.initOwner(getScene() == null ? null : getScene().getWindow());
        confirm.showAndWait().ifPresent(typed -> viewModel.approve(row, typed));
    }

    /** Puts the focus on the decisions, so the arrow keys go through them. */
    void focusDecisions() {
        list.requestFocus();
    }

    /** Asks why, then denies the action. */
    ReasonDialog openDenyDialog(IncidentHealingViewModel.DecisionRow row) {
        return askWhy(new ReasonDialog("Deny healing action", "Deny " + actionName(row) + "? Its run is aborted and nothing"
                + " of it runs.", "Deny", true), "healing-deny-dialog", reason -> viewModel.deny(row, reason));
    }

    /** Asks why, then undoes the verified action. */
    ReasonDialog openUndoDialog(IncidentHealingViewModel.DecisionRow row) {
        return askWhy(new ReasonDialog("Undo healing action", "Undo " + actionName(row) + "? Its steps' rollbacks run now,"
                + " started by you.", "Undo", false), "healing-undo-dialog", reason -> viewModel.undo(row, reason));
    }

    private static String actionName(IncidentHealingViewModel.DecisionRow row) {
        return row.decision().playbookId().orElse("the action") + " on " + row.decision().component();
    }

    private ReasonDialog askWhy(ReasonDialog dialog, String id, java.util.function.Consumer<String> then) {
        dialog.getDialogPane().setId(id);
        dialog.initOwner(getScene() == null ? null : getScene().getWindow());
        dialog.setOnHidden(e -> {
            if (dialog.getResult() != null) {
                then.accept(dialog.getResult());
            }
        });
        dialog.show();
        return dialog;
    }

    private static Label shadowChip() {
        Label chip = new Label(HealingTexts.WOULD_HAVE_DONE);
        chip.getStyleClass().add(Styles.SHADOW_CHIP);
        chip.setMinWidth(Region.USE_PREF_SIZE);
        return chip;
    }

    private static VBox card(Node... children) {
        VBox card = new VBox(3, children);
        card.getStyleClass().add(Styles.HEALING_CARD);
        card.setFillWidth(true);
        return card;
    }

    private static Label wrapped(String id, String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMinHeight(Region.USE_PREF_SIZE);
        if (id != null) {
            label.setId(id);
        }
        return label;
    }

    private static String parameters(Map<String, String> values) {
        return values.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String duration(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        return seconds >= 60 ? seconds / 60 + " min " + seconds % 60 + " s" : seconds + " s";
    }

    /** Time, what it concluded (the action's state once there is one), the playbook and component; shadow marked. */
    private static final class DecisionCell extends ListCell<IncidentHealingViewModel.DecisionRow> {
        @Override
        protected void updateItem(IncidentHealingViewModel.DecisionRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            HealingDecision decision = row.decision();
            Label state = new Label(row.action().map(a -> HealingTexts.label(a.state()))
                    .orElse(HealingTexts.verdict(decision.verdict())));
            state.getStyleClass().add(Styles.RUN_STATE);
            HealingTexts.applyTone(state, row.action().map(a -> HealingTexts.tone(a.state()))
                    .orElse(HealingTexts.tone(decision.verdict())));
            state.setMinWidth(Region.USE_PREF_SIZE);
            Label time = new Label(HealingTexts.time(decision.at()));
            time.setMinWidth(Region.USE_PREF_SIZE);
            Label what = new Label(decision.playbookId().orElse("no playbook") + " on " + decision.component()
                    + Optional.of(decision.faultKind()).map(k -> " (" + k + ")").orElse(""));
            what.getStyleClass().add(Styles.MUTED);
            what.setMinWidth(0);
            HBox box = new HBox(8, time, state);
            if (row.shadow()) {
                box.getChildren().add(shadowChip());
            }
            box.getChildren().add(what);
            box.setAlignment(Pos.CENTER_LEFT);
            setId("healing-decision-" + decision.id());
            setText(null);
            setGraphic(box);
        }
    }
}
