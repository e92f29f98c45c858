package dev.firebreak.views.healing;

import dev.firebreak.engine.heal.HealingMode;
import dev.firebreak.engine.heal.Strategy;
import dev.firebreak.styles.Styles;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.SegmentedButton;

/**
 * The healing overview screen: the environment's mode (off, shadow, approval, auto) and the strategies it acts on
 * (reactive, proactive, predictive), the gates as tiles, the recent actions (and what shadow mode would have done;
 * double-click one to open its incident), each playbook's record, the components cooling down and the playbook files
 * that did not load.
 */
public final class HealingView extends VBox {

    private final HealingViewModel viewModel;
    private final GateTiles tiles = new GateTiles();
    private final SegmentedButton modes = new SegmentedButton();
    private final Map<HealingMode, ToggleButton> modeButtons = new EnumMap<>(HealingMode.class);
    private final CheckComboBox<Strategy> strategies = new CheckComboBox<>();
    /** True while the checks are set from the view-model, so setting them is not taken as a person's change. */
    private boolean showingStrategies;
    private final TableView<HealingViewModel.ActionRow> actions = new TableView<>();
    private final TableView<HealingViewModel.PlaybookRow> playbooks = new TableView<>();

    public HealingView(HealingViewModel viewModel) {
        super(8);
        this.viewModel = viewModel;
        setId("healing-screen");
        getStyleClass().add(Styles.HEALING_SCREEN);

        Label title = new Label("Healing · " + viewModel.environment());
        title.getStyleClass().add(Styles.SCREEN_TITLE);
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label modeLabel = new Label("Mode");
        modeLabel.setMinWidth(Region.USE_PREF_SIZE);
        modes.setId("healing-mode");
        for (HealingMode mode : HealingMode.values()) {
            ToggleButton button = new ToggleButton(mode.label());
            button.setId("mode-" + mode.label());
            button.setUserData(mode);
            button.setTooltip(new Tooltip(modeHelp(mode)));
            modeButtons.put(mode, button);
            button.setMinWidth(Region.USE_PREF_SIZE);
            modes.getButtons().add(button);
        }
        modes.getToggleGroup().selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                selectMode(viewModel.modeProperty().get()); // a mode is always chosen
            } else {
                viewModel.setMode((HealingMode) now.getUserData());
            }
        });
        viewModel.modeProperty().addListener((obs, old, now) -> selectMode(now));
        selectMode(viewModel.modeProperty().get());
        modes.disableProperty().bind(viewModel.workingProperty());
        Label message = new Label();
        message.setId("healing-message");
        message.getStyleClass().add(Styles.VALIDATION_MESSAGE);
        message.textProperty().bind(viewModel.messageProperty());
        Label summary = new Label();
        summary.setId("healing-summary");
        summary.getStyleClass().add(Styles.MUTED);
        summary.textProperty().bind(viewModel.summaryProperty());
        Label strategyLabel = new Label("Acts on");
        strategyLabel.setMinWidth(Region.USE_PREF_SIZE);
        buildStrategies();
        modes.setMinWidth(Region.USE_PREF_SIZE);
        strategies.setMinWidth(Region.USE_PREF_SIZE);
        summary.setMinWidth(0);
        HBox header = new HBox(12, title, modeLabel, modes, strategyLabel, strategies, summary, message);
        header.setAlignment(Pos.CENTER_LEFT);

        tiles.show(viewModel.gatesProperty().get());
        viewModel.gatesProperty().addListener((obs, old, now) -> tiles.show(now));

        VBox recent = section("Recent actions (double-click to open the incident)", buildActions());
        VBox records = section("Playbooks and their record", buildPlaybooks());
        ListView<HealingViewModel.Cooldown> cooling = new ListView<>(viewModel.cooldowns());
        cooling.setId("healing-cooldowns");
        cooling.setPlaceholder(new Label("No component is cooling down"));
        cooling.setCellFactory(list -> textCell(HealingViewModel.Cooldown::text));
        ListView<String> problems = new ListView<>(viewModel.problems());
        problems.setId("healing-problems");
        problems.setPlaceholder(new Label("Every playbook loaded"));
        problems.setCellFactory(list -> textCell(Function.identity()));
        VBox side = new VBox(6, section("Cooldowns", cooling), section("Playbook problems", problems));
        side.setPrefWidth(300);
        side.setMinWidth(260);
        HBox bottom = new HBox(10, records, side);
        HBox.setHgrow(records, Priority.ALWAYS);
        SplitPane split = new SplitPane(recent, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        getChildren().setAll(header, tiles, split);
        VBox.setVgrow(split, Priority.ALWAYS);
    }

    /** Reactive, proactive, predictive: checked when on; a change goes to the view-model, which the engine confirms. */
    private void buildStrategies() {
        strategies.setId("healing-strategies");
        strategies.getItems().setAll(Strategy.values());
        strategies.setConverter(new StringConverter<>() {
            @Override public String toString(Strategy strategy) { return strategy == null ? "" : strategy.label(); }
            @Override public Strategy fromString(String text) { return Strategy.valueOf(text.toUpperCase(Locale.ROOT)); }
        });
        strategies.setTooltip(new Tooltip(String.join("\n", java.util.Arrays.stream(Strategy.values())
                .map(Strategy::help).toList())));
        showStrategies(viewModel.strategiesProperty().get());
        viewModel.strategiesProperty().addListener((obs, old, now) -> showStrategies(now));
        strategies.getCheckModel().getCheckedItems().addListener((ListChangeListener<Strategy>) change -> {
            if (!showingStrategies) {
                Set<Strategy> checked = EnumSet.noneOf(Strategy.class);
                checked.addAll(strategies.getCheckModel().getCheckedItems());
                viewModel.setStrategies(checked);
            }
        });
        strategies.disableProperty().bind(viewModel.workingProperty());
    }

    private void showStrategies(Set<Strategy> on) {
        if (on == null) {
            return;
        }
        showingStrategies = true;
        try {
            for (Strategy strategy : Strategy.values()) {
                if (on.contains(strategy)) {
                    strategies.getCheckModel().check(strategy);
                } else {
                    strategies.getCheckModel().clearCheck(strategy);
                }
            }
        } finally {
            showingStrategies = false;
        }
    }

    private void selectMode(HealingMode mode) {
        ToggleButton button = mode == null ? null : modeButtons.get(mode);
        if (button != null && !button.isSelected()) {
            button.setSelected(true);
        }
    }

    private static String modeHelp(HealingMode mode) {
        return switch (mode) {
            case OFF -> "Off: healing decides nothing and does nothing";
            case SHADOW -> "Shadow: decides as auto would and records what it would have done; runs nothing";
            case APPROVAL -> "Approval: decides, then each step of the playbook waits for a person's approval";
            case AUTOMATIC -> "Auto: decides and acts on its own; every gate still applies";
        };
    }

    private TableView<HealingViewModel.ActionRow> buildActions() {
        actions.setId("healing-actions");
        actions.setItems(viewModel.actions());
        actions.setPlaceholder(new Label("Healing has not acted yet"));
        actions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        actions.getColumns().setAll(List.of(
                column("Time", 80, r -> HealingTexts.time(r.at())),
                column("Incident", 90, HealingViewModel.ActionRow::incident),
                column("Playbook", 230, HealingViewModel.ActionRow::playbook),
                column("Component", 130, HealingViewModel.ActionRow::component),
                stateColumn(),
                column("Verification", 120, r -> r.verification().map(HealingTexts::word).orElse(r.shadow() ? "-" : "not yet")),
                column("Note", 380, HealingViewModel.ActionRow::note)));
        actions.setRowFactory(table -> {
            TableRow<HealingViewModel.ActionRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.openIncident(row.getItem());
                }
            });
            return row;
        });
        return actions;
    }

    private TableColumn<HealingViewModel.ActionRow, String> stateColumn() {
        TableColumn<HealingViewModel.ActionRow, String> state = column("State", 215, HealingViewModel.ActionRow::stateText);
        state.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                HealingViewModel.ActionRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row == null) {
                    setText(null);
                    getStyleClass().remove(Styles.RUN_STATE);
                    return;
                }
                setText(text);
                if (!getStyleClass().contains(Styles.RUN_STATE)) {
                    getStyleClass().add(Styles.RUN_STATE);
                }
                HealingTexts.applyTone(this, row.state().map(HealingTexts::tone).orElse(Styles.TONE_UNDONE));
            }
        });
        return state;
    }

    private TableView<HealingViewModel.PlaybookRow> buildPlaybooks() {
        playbooks.setId("healing-playbooks");
        playbooks.setItems(viewModel.playbooks());
        playbooks.setPlaceholder(new Label("No healing playbooks loaded"));
        playbooks.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // the short columns keep their width when the table is narrow: the long ones have their text on hover
        TableColumn<HealingViewModel.PlaybookRow, String> success = column("Success", 115, HealingViewModel.PlaybookRow::record);
        success.setMinWidth(115);
        TableColumn<HealingViewModel.PlaybookRow, String> change = column("Change", 115, HealingViewModel.PlaybookRow::change);
        change.setMinWidth(115);
        playbooks.getColumns().setAll(List.of(
                column("Playbook", 230, HealingViewModel.PlaybookRow::id),
                column("Category", 95, HealingViewModel.PlaybookRow::category),
                column("Mode", 75, HealingViewModel.PlaybookRow::mode),
                success,
                change,
                column("Acts", 205, HealingViewModel.PlaybookRow::strategies),
                column("Answers", 300, HealingViewModel.PlaybookRow::triggers)));
        return playbooks;
    }

    private static <R> TableColumn<R, String> column(String title, double width, Function<R, String> text) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())).getReadOnlyProperty());
        // a cell cut short (a note, a playbook's triggers) is read whole on hover
        column.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isBlank() ? null : new Tooltip(item));
            }
        });
        return column;
    }

    private static <T> ListCell<T> textCell(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    private static VBox section(String title, Region content) {
        Label label = new Label(title);
        label.getStyleClass().add(Styles.SETTINGS_SECTION);
        VBox box = new VBox(4, label, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }

    /** The gate tiles, for tests. */
    public GateTiles tiles() {
        return tiles;
    }

    /** The mode buttons, for tests. */
    public ToggleButton modeButton(HealingMode mode) {
        return modeButtons.get(mode);
    }

    public TableView<HealingViewModel.ActionRow> actionsTable() {
        return actions;
    }

    public HealingViewModel viewModel() {
        return viewModel;
    }
}
