package dev.firebreak.views.component;

import dev.firebreak.engine.change.ChangeEvent;
import dev.firebreak.engine.check.CheckTier;
import dev.firebreak.engine.check.ProbeOutcome;
import dev.firebreak.engine.fault.ActiveFault;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.time.Durations;
import dev.firebreak.styles.Styles;
import dev.firebreak.views.fx.HealthStyles;
import dev.firebreak.views.fx.ThemePalette;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;

/**
 * Component detail: header, one live chart per metric, and beside them the component's health checks, neighbours,
 * active faults and recent changes.
 */
public final class ComponentDetailView extends BorderPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private static final double CHART_HEIGHT = 165;
    /** Room for the list's border and vertical scroll bar beside a check's cell. */
    private static final double CELL_INSET = 20;

    private final ComponentDetailViewModel viewModel;
    private final ThemePalette palette = new ThemePalette();
    private final List<MetricChart> charts = new ArrayList<>();

    public ComponentDetailView(ComponentDetailViewModel viewModel) {
        this.viewModel = viewModel;
        setId("component-detail");
        setTop(header());
        setCenter(charts());
        setRight(side());
        getChildren().add(palette);
        viewModel.revisionProperty().addListener((obs, old, now) -> charts.forEach(MetricChart::redraw));
        palette.onChange(() -> charts.forEach(MetricChart::redraw));
    }

    private Node header() {
        var c = viewModel.component();
        Label name = new Label(c.name());
        name.setId("detail-name");
        name.getStyleClass().add(Styles.SCREEN_TITLE);
        Label state = new Label();
        state.setId("detail-state");
        state.getStyleClass().add(Styles.HEALTH_BADGE);
        viewModel.stateProperty().addListener((obs, old, now) -> showState(state, now));
        showState(state, viewModel.stateProperty().get());
        Label facts = new Label();
        facts.getStyleClass().add(Styles.MUTED);
        facts.textProperty().bind(viewModel.versionProperty().map(version -> String.format(Locale.ROOT,
                "%s · %s · team %s · tier %d · %d replica%s · version %s", c.id(),
                c.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), c.team(), c.tier(), c.replicas(), c.replicas() == 1 ? "" : "s", version)));
        HBox header = new HBox(name, state, facts);
        header.getStyleClass().add(Styles.DETAIL_HEADER);
        return header;
    }

    private static void showState(Label label, HealthState state) {
        label.setText(HealthStyles.letter(state) + " · " + HealthStyles.word(state));
        HealthStyles.apply(label, state);
    }

    private Node charts() {
        GridPane tiles = new GridPane(8, 8);
        for (int c = 0; c < 2; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(50);
            column.setHgrow(Priority.ALWAYS);
            tiles.getColumnConstraints().add(column);
        }
        int k = 0;
        for (MetricName metric : viewModel.metrics()) {
            MetricChart chart = new MetricChart(viewModel, metric, palette);
            chart.setPrefHeight(CHART_HEIGHT);
            chart.setMaxWidth(Double.MAX_VALUE);
            charts.add(chart);
            StackPane tile = new StackPane(chart);
            if (viewModel.canForecast(metric)) {
                Button forecast = new Button("Forecast");
                forecast.setId("forecast-" + metric.name().toLowerCase(Locale.ROOT));
                forecast.getStyleClass().add(Styles.CHART_BUTTON);
                forecast.setTooltip(new Tooltip("Forecast " + metric.label() + " 30 minutes ahead against its threshold"));
                forecast.setOnAction(e -> viewModel.openForecast(metric));
                StackPane.setAlignment(forecast, Pos.TOP_RIGHT);
                tile.getChildren().add(forecast);
            }
            tiles.add(tile, k % 2, k / 2);
            k++;
        }
        if (charts.isEmpty()) {
            tiles.add(new Label("This component reports no metrics."), 0, 0);
        }
        ScrollPane scroll = new ScrollPane(tiles);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Node side() {
        VBox side = new VBox(6, explanation(), checksPanel(),
                section("Calls (dependencies)"), links(viewModel.dependencies()),
                section("Called by (dependents)"), links(viewModel.dependents()),
                section("Active faults"), faults(),
                section("Recent changes"), changes());
        side.setPadding(new Insets(0, 0, 0, 12));
        side.setPrefWidth(360);
        side.setMinWidth(280);
        return side;
    }

    private static Label section(String title) {
        Label label = new Label(title);
        label.setStyle("-fx-font-weight: bold;");
        return label;
    }

    private Node links(List<String> ids) {
        FlowPane pane = new FlowPane(4, 2);
        pane.getStyleClass().add(Styles.LINK_LIST);
        if (ids.isEmpty()) {
            Label none = new Label("none");
            none.getStyleClass().add(Styles.MUTED);
            pane.getChildren().add(none);
        }
        for (String id : ids) {
            Hyperlink link = new Hyperlink(id);
            link.setId("link-" + id);
            link.setOnAction(e -> viewModel.open(id));
            pane.getChildren().add(link);
        }
        return pane;
    }

    /** The selected anomaly marker's explanation; hidden while none is selected. */
    private Node explanation() {
        Label title = new Label();
        title.setId("explanation-title");
        title.setWrapText(true);
        title.setStyle("-fx-font-weight: bold;");
        Button close = new Button("×");
        close.setId("explanation-close");
        close.getStyleClass().add(Styles.CHART_BUTTON);
        close.setOnAction(e -> viewModel.selectMark(null));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(4, title, spacer, close);
        Label body = new Label();
        body.setId("explanation-text");
        body.setWrapText(true);
        body.setMinHeight(Region.USE_PREF_SIZE);
        VBox card = new VBox(4, head, body);
        card.setId("explanation");
        card.getStyleClass().add(Styles.EXPLANATION_CARD);
        card.visibleProperty().bind(viewModel.explanationProperty().isNotNull());
        card.managedProperty().bind(card.visibleProperty());
        viewModel.explanationProperty().addListener((obs, old, now) -> {
            title.setText(now == null ? "" : now.title());
            body.setText(now == null ? "" : now.text().substring(now.title().length() + 1));
        });
        return card;
    }

    /**
     * The component's health checks: what its health rests on, the checks' verdict by the seed's rule, and per tier
     * (a ControlsFX segmented button) each check's last result.
     */
    private Node checksPanel() {
        Label basis = new Label();
        basis.setId("detail-health-basis");
        basis.setWrapText(true);
        basis.setMinHeight(Region.USE_PREF_SIZE);
        basis.getStyleClass().add(Styles.MUTED);
        basis.textProperty().bind(viewModel.healthBasisProperty());

        Label checked = new Label();
        checked.setId("detail-checked-state");
        checked.getStyleClass().add(Styles.HEALTH_BADGE);
        Label verdict = new Label();
        verdict.setId("detail-verdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        verdict.textProperty().bind(viewModel.verdictProperty());
        viewModel.checkedStateProperty().addListener((obs, old, now) -> showChecked(checked, now));
        showChecked(checked, viewModel.checkedStateProperty().get());
        HBox verdictRow = new HBox(6, checked, verdict);
        verdictRow.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(verdict, Priority.ALWAYS);

        SegmentedButton tiers = new SegmentedButton();
        tiers.setId("detail-check-tiers");
        for (CheckTier tier : CheckTier.values()) {
            ToggleButton button = new ToggleButton();
            button.setId("tier-" + tier.name().toLowerCase(Locale.ROOT));
            button.setUserData(tier);
            button.textProperty().bind(viewModel.tierNameProperty(tier));
            button.setSelected(viewModel.selectedTierProperty().get() == tier);
            viewModel.tierFailingProperty(tier).subscribe(failing -> button.pseudoClassStateChanged(Styles.FAILING, failing));
            tiers.getButtons().add(button);
        }
        tiers.getToggleGroup().selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one tier is always shown
            } else {
                viewModel.selectedTierProperty().set((CheckTier) now.getUserData());
            }
        });
        Label tierSummary = new Label();
        tierSummary.setId("detail-tier-summary");
        tierSummary.setWrapText(true);
        tierSummary.setMinHeight(Region.USE_PREF_SIZE);
        tierSummary.getStyleClass().add(Styles.MUTED);
        tierSummary.textProperty().bind(viewModel.tierSummaryProperty());

        ListView<CheckRow> list = new ListView<>(viewModel.tierChecks());
        list.setId("detail-checks");
        list.setPrefHeight(215);
        list.setPlaceholder(new Label("No checks in this tier"));
        list.setCellFactory(v -> {
            CheckCell cell = new CheckCell();
            // as wide as the list and no wider, so messages wrap instead of scrolling sideways
            cell.prefWidthProperty().bind(v.widthProperty().subtract(CELL_INSET));
            cell.setMaxWidth(Region.USE_PREF_SIZE);
            return cell;
        });

        for (Node onlyWithChecks : List.of(tiers, tierSummary, list)) {
            onlyWithChecks.visibleProperty().bind(viewModel.hasChecksProperty());
            onlyWithChecks.managedProperty().bind(viewModel.hasChecksProperty());
        }
        VBox panel = new VBox(section("Health checks"), basis, verdictRow, tiers, tierSummary, list);
        panel.setId("detail-checks-panel");
        panel.getStyleClass().add(Styles.CHECKS_PANEL);
        return panel;
    }

    private static void showChecked(Label label, HealthState state) {
        label.setVisible(state != null);
        label.setManaged(state != null);
        if (state != null) {
            label.setText(HealthStyles.letter(state));
            label.setTooltip(new Tooltip("The checks say: " + HealthStyles.word(state)));
            HealthStyles.apply(label, state);
        }
    }

    /** One check: a tick or a cross, its name, when it ran and how long it took, and what it said. */
    private static final class CheckCell extends ListCell<CheckRow> {
        @Override
        protected void updateItem(CheckRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                return;
            }
            Label mark = new Label(row.outcome().isEmpty() ? "…" : row.failing() ? "✗" : "✓");
            mark.getStyleClass().add(row.outcome().isEmpty() ? Styles.CHECK_PENDING
                    : row.failing() ? Styles.CHECK_FAIL : Styles.CHECK_PASS);
            Label name = new Label(row.name() + row.outcome().filter(o -> o == ProbeOutcome.TIMEOUT).map(o -> " (timed out)")
                    .orElse(""));
            name.setStyle("-fx-font-weight: bold;");
            Label timing = new Label(row.timing());
            timing.getStyleClass().add(Styles.MUTED);
            timing.setWrapText(true);
            timing.setMinHeight(Region.USE_PREF_SIZE);
            Label message = new Label(row.message());
            message.setWrapText(true);
            message.setMinHeight(Region.USE_PREF_SIZE);
            VBox text = new VBox(1, name, timing, message);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox cell = new HBox(6, mark, text);
            cell.setAlignment(Pos.TOP_LEFT);
            cell.setMinWidth(0);
            setText(null);
            setGraphic(cell);
            setTooltip(new Tooltip(row.checkId() + ": " + row.description()));
        }
    }

    private Node faults() {
        ListView<ActiveFault> list = new ListView<>(viewModel.faults());
        list.setId("detail-faults");
        list.setPrefHeight(110);
        list.setPlaceholder(new Label("No active faults"));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ActiveFault fault, boolean empty) {
                super.updateItem(fault, empty);
                if (empty || fault == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                var spec = fault.spec();
                Label text = new Label(spec.type().label() + " on " + spec.target()
                        + spec.peer().map(p -> " -> " + p).orElse("") + "\nuntil " + TIME.format(spec.end())
                        + " (" + Durations.format(spec.duration()) + ")");
                text.setWrapText(true);
                text.setMaxWidth(210);
                text.setMinHeight(Region.USE_PREF_SIZE);
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                Button cancel = new Button("Cancel");
                cancel.setOnAction(e -> viewModel.cancelFault(fault.id()));
                HBox row = new HBox(6, text, spacer, cancel);
                row.setAlignment(Pos.CENTER_LEFT);
                setText(null);
                setGraphic(row);
            }
        });
        return list;
    }

    private Node changes() {
        ListView<ChangeEvent> list = new ListView<>(viewModel.changes());
        list.setId("detail-changes");
        list.setPrefHeight(140);
        list.setPlaceholder(new Label("No changes yet"));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ChangeEvent change, boolean empty) {
                super.updateItem(change, empty);
                setText(empty || change == null ? null
                        : TIME.format(change.at()) + "  " + change.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                                + " by " + change.author() + "\n" + change.fromVersion() + " → " + change.toVersion());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        return list;
    }

    /** The chart of a metric, for tests. */
    public Region chart(MetricName metric) {
        return charts.stream().filter(c -> c.getId().equals("chart-" + metric.name().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow();
    }

    /** Where the chart of a metric drew a marker, in the chart's coordinates; null if it is not drawn. */
    public double[] markPosition(MetricName metric, dev.firebreak.engine.detect.history.SeriesVerdict mark) {
        return ((MetricChart) chart(metric)).markPosition(mark);
    }

    /** The markers the chart of a metric drew at its last redraw. */
    public List<dev.firebreak.engine.detect.history.SeriesVerdict> drawnMarks(MetricName metric) {
        return ((MetricChart) chart(metric)).drawnMarks();
    }

    public ComponentDetailViewModel viewModel() {
        return viewModel;
    }
}
