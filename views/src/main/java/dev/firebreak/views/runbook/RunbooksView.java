package dev.firebreak.views.runbook;

import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.engine.runbook.ExecutionMode;
import dev.firebreak.engine.runbook.Runbook;
import dev.firebreak.styles.Styles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.control.MasterDetailPane;

/**
 * The runbooks screen: the library (search, a runbook's details, start / dry run / edit) and the runs (those going
 * first) with the selected one in the step-through.
 *
 * <p>Shortcuts: Ctrl+F search the library, Ctrl+Enter start the selected runbook, Ctrl+Shift+Enter dry-run it, Ctrl+E
 * edit it as YAML, Ctrl+N a new runbook, Ctrl+L the library, Ctrl+R the runs; the step-through's are listed on
 * {@link ExecutionView}.
 */
public final class RunbooksView extends BorderPane {

    private final RunbooksViewModel viewModel;
    private final RunbookLibraryView library;
    private final TabPane tabs = new TabPane();
    private final Tab libraryTab = new Tab("Library");
    private final Tab runsTab = new Tab("Runs");
    private final ListView<Execution> runs = new ListView<>();
    private final StackPane runDetail = new StackPane();
    private ExecutionView executionView;

    public RunbooksView(RunbooksViewModel viewModel) {
        this.viewModel = viewModel;
        setId("runbooks-screen");
        getStyleClass().add(Styles.RUNBOOKS_SCREEN);
        library = new RunbookLibraryView(viewModel.library());
        Label title = new Label("Runbooks");
        title.getStyleClass().add(Styles.SCREEN_TITLE);
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label actingAs = new Label();
        actingAs.textProperty().bind(viewModel.operatorProperty().map(name -> "Acting as " + name));
        actingAs.setId("runbooks-operator");
        actingAs.getStyleClass().add(Styles.MUTED);
        actingAs.setMinWidth(Region.USE_PREF_SIZE);
        Button create = new Button("New runbook…");
        create.setId("runbook-new");
        create.setTooltip(new Tooltip("Write a runbook as YAML from a skeleton (Ctrl+N)"));
        create.setOnAction(e -> openEditor(viewModel.newRunbook()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox heading = new HBox(12, title, spacer, actingAs, create);
        heading.setAlignment(Pos.CENTER_LEFT);

        libraryTab.setId("runbooks-library-tab");
        libraryTab.setContent(library);
        libraryTab.setClosable(false);
        runsTab.setId("runbooks-runs-tab");
        runsTab.setContent(runsPane());
        runsTab.setClosable(false);
        runsTab.textProperty().bind(viewModel.goingProperty().map(going -> going.intValue() == 0 ? "Runs"
                : "Runs (" + going + " going)"));
        tabs.getTabs().setAll(libraryTab, runsTab);
        tabs.setId("runbooks-tabs");
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                viewModel.tabProperty().set(now == runsTab ? RunbooksViewModel.Tab.RUNS : RunbooksViewModel.Tab.LIBRARY));
        viewModel.tabProperty().addListener((obs, old, now) -> showTab(now));
        showTab(viewModel.tabProperty().get());

        RunbookDetailView detail = library.detail();
        detail.startButton().setOnAction(e -> startSelected(false));
        detail.dryRunButton().setOnAction(e -> startSelected(true));
        detail.editButton().setOnAction(e -> editSelected());

        VBox box = new VBox(8, heading, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        box.setPadding(new Insets(12));
        setCenter(box);
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    private MasterDetailPane runsPane() {
        runs.setId("runs-list");
        runs.setItems(viewModel.runs());
        runs.setPlaceholder(new Label("No runs yet: start one from the library or from an incident's suggestions."));
        runs.setCellFactory(list -> new RunCell());
        runs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.selectedRunIdProperty().set(now.id());
            }
        });
        viewModel.runs().addListener((ListChangeListener<Execution>) c -> reselectRun());
        viewModel.selectedRunIdProperty().addListener((obs, old, now) -> reselectRun());
        viewModel.openRunProperty().addListener((obs, old, now) -> showRun(now));
        showRun(viewModel.openRunProperty().get());
        Label summary = new Label();
        summary.setId("runs-summary");
        summary.getStyleClass().add(Styles.MUTED);
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.runsSummaryProperty());
        VBox master = new VBox(6, summary, runs);
        VBox.setVgrow(runs, Priority.ALWAYS);
        master.setPadding(new Insets(6, 8, 0, 0));
        MasterDetailPane pane = new MasterDetailPane(Side.RIGHT);
        pane.setMasterNode(master);
        pane.setDetailNode(runDetail);
        pane.setDividerPosition(0.26);
        pane.setAnimated(false);
        return pane;
    }

    /** A run: number and runbook; its state (glyph, word, tone) and step; who started it where and when. */
    private static final class RunCell extends ListCell<Execution> {
        private final Label title = new Label();
        private final Label state = new Label();
        private final Label step = new Label();
        private final Label where = new Label();
        private final VBox box = new VBox(1, title, state, step, where);

        RunCell() {
            title.setStyle("-fx-font-weight: bold;");
            state.getStyleClass().add(Styles.RUN_STATE);
            step.getStyleClass().add(Styles.MUTED);
            where.getStyleClass().add(Styles.MUTED);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Execution run, boolean empty) {
            super.updateItem(run, empty);
            if (empty || run == null) {
                setGraphic(null);
                setId(null);
                return;
            }
            setId("run-" + run.id());
            title.setText("#" + run.id() + " " + run.runbook().title());
            state.setText(RunStates.label(run.state()));
            RunStates.applyTone(state, RunStates.tone(run.state()));
            // short lines: the list is narrow beside the step-through
            step.setText(run.currentStep().map(s -> "step " + (run.current() + 1) + "/" + run.steps().size() + " " + s.stepId())
                    .orElse(run.steps().size() + " steps") + " · " + run.startedBy() + " at " + RunbookTexts.time(run.startedAt()));
            where.setText(RunbookTexts.mode(run.mode()) + " on " + run.environment());
            setGraphic(box);
        }
    }

    private void reselectRun() {
        Long id = viewModel.selectedRunIdProperty().get();
        if (id == null) {
            return;
        }
        for (Execution row : viewModel.runs()) {
            if (row.id() == id) {
                Execution current = runs.getSelectionModel().getSelectedItem();
                if (current == null || current.id() != id || !current.equals(row)) {
                    runs.getSelectionModel().select(row);
                }
                return;
            }
        }
    }

    private void showRun(ExecutionViewModel run) {
        if (run == null) {
            executionView = null;
            Label hint = new Label("Select a run to step through it: approve, skip, retry, roll back or abort, and watch"
                    + " each step's exact command and output.");
            hint.setWrapText(true);
            hint.getStyleClass().add(Styles.MUTED);
            hint.setPadding(new Insets(24));
            runDetail.getChildren().setAll(hint);
            return;
        }
        executionView = new ExecutionView(run);
        runDetail.getChildren().setAll(executionView);
    }

    private void showTab(RunbooksViewModel.Tab tab) {
        tabs.getSelectionModel().select(tab == RunbooksViewModel.Tab.RUNS ? runsTab : libraryTab);
    }

    private void startSelected(boolean dryRun) {
        Runbook runbook = viewModel.library().selectedProperty().get();
        if (runbook != null) {
            openStart(viewModel.newStart(runbook, dryRun ? ExecutionMode.DRY_RUN : ExecutionMode.STEP_BY_STEP));
        }
    }

    private void editSelected() {
        Runbook runbook = viewModel.library().selectedProperty().get();
        if (runbook != null) {
            openEditor(viewModel.newEditor(runbook));
        }
    }

    /** Shows the start dialog (not waiting for it); the run it starts opens in the step-through. */
    public StartRunDialog openStart(StartRunViewModel start) {
        return show(new StartRunDialog(start), getScene() == null ? null : getScene().getWindow());
    }

    /** Shows the YAML editor beside the console. */
    public RunbookEditorDialog openEditor(RunbookEditorViewModel editor) {
        return show(new RunbookEditorDialog(editor), getScene() == null ? null : getScene().getWindow());
    }

    static <D extends javafx.scene.control.Dialog<?>> D show(D dialog, Window owner) {
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.show();
        return dialog;
    }

    private void onKey(KeyEvent e) {
        if (!e.isShortcutDown()) {
            return;
        }
        switch (e.getCode()) {
            case ENTER -> startSelected(e.isShiftDown());
            case E -> editSelected();
            case N -> openEditor(viewModel.newRunbook());
            case L -> viewModel.tabProperty().set(RunbooksViewModel.Tab.LIBRARY);
            case R -> viewModel.tabProperty().set(RunbooksViewModel.Tab.RUNS);
            default -> {
                return;
            }
        }
        e.consume();
    }

    public void focusSearch() {
        viewModel.tabProperty().set(RunbooksViewModel.Tab.LIBRARY);
        library.focusSearch();
    }

    public RunbookLibraryView library() {
        return library;
    }

    /** The step-through of the open run, or null. */
    public ExecutionView executionView() {
        return executionView;
    }

    public ListView<Execution> runsList() {
        return runs;
    }

    public RunbooksViewModel viewModel() {
        return viewModel;
    }
}
