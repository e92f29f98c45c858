package dev.firebreak.views.incident;

import dev.firebreak.engine.incident.Incident;
import dev.firebreak.engine.incident.IncidentSeverity;
import dev.firebreak.engine.incident.IncidentState;
import dev.firebreak.styles.Styles;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.MasterDetailPane;

/**
 * The incidents screen: the list (filters by state and severity, search) as the master and the selected incident
 * as the detail of a ControlsFX master-detail pane, so a commander scans and runs incidents on one screen.
 * Keyboard: arrows move in the list and open the incident; Ctrl+L returns to the list; the incident's own shortcuts
 * are listed on {@link IncidentView}.
 */
public final class IncidentsView extends BorderPane {

    private final IncidentsViewModel viewModel;
    private final TableView<Incident> table = new TableView<>();
    private final TextField search = new TextField();
    private final StackPane detail = new StackPane();
    private IncidentView incidentView;

    public IncidentsView(IncidentsViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add(Styles.INCIDENTS_SCREEN);
        setId("incidents-screen");
        Label title = new Label("Incidents");
        title.getStyleClass().add(Styles.SCREEN_TITLE);
        Label summary = new Label();
        summary.setId("incidents-summary");
        summary.getStyleClass().add(Styles.MUTED);
        summary.textProperty().bind(viewModel.summaryProperty());
        Label actingAs = new Label("Acting as");
        actingAs.getStyleClass().add(Styles.MUTED);
        TextField actor = new TextField(viewModel.operatorProperty().get());
        actor.setId("incidents-operator");
        actor.setPrefColumnCount(10);
        actor.setTooltip(new Tooltip("Your name on timelines and in the audit log; Enter to change (remembered)"));
        actor.setOnAction(e -> {
            if (!viewModel.changeOperator(actor.getText())) {
                actor.setText(viewModel.operatorProperty().get());
            }
        });
        viewModel.operatorProperty().addListener((obs, old, now) -> actor.setText(now));
        HBox heading = new HBox(12, title, summary, new javafx.scene.layout.Region(), actingAs, actor);
        HBox.setHgrow(heading.getChildren().get(2), Priority.ALWAYS);
        heading.setAlignment(Pos.CENTER_LEFT);

        MasterDetailPane pane = new MasterDetailPane(Side.RIGHT);
        pane.setMasterNode(master());
        pane.setDetailNode(detail);
        pane.setDividerPosition(0.36);
        pane.setAnimated(false);
        detail.getChildren().setAll(placeholder());
        VBox box = new VBox(8, heading, pane);
        VBox.setVgrow(pane, Priority.ALWAYS);
        box.setPadding(new Insets(12));
        setCenter(box);

        viewModel.selectedProperty().addListener((obs, old, now) -> showDetail(now));
        showDetail(viewModel.selectedProperty().get());
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.L) {
                table.requestFocus();
                e.consume();
            }
        });
    }

    private VBox master() {
        search.setId("incident-search");
        search.setPromptText("Search key, title, component, commander");
        search.textProperty().bindBidirectional(viewModel.searchProperty());
        CheckComboBox<IncidentState> states = new CheckComboBox<>();
        states.setId("incident-state-filter");
        states.getItems().setAll(IncidentState.values());
        states.setTitle("States");
        states.setShowCheckedCount(true);
        states.getCheckModel().checkAll();
        states.getCheckModel().getCheckedItems().addListener((ListChangeListener<IncidentState>) c -> {
            viewModel.states().retainAll(states.getCheckModel().getCheckedItems());
            viewModel.states().addAll(states.getCheckModel().getCheckedItems());
        });
        CheckComboBox<IncidentSeverity> severities = new CheckComboBox<>();
        severities.setId("incident-severity-filter");
        severities.getItems().setAll(IncidentSeverity.values());
        severities.setTitle("Severities");
        severities.setShowCheckedCount(true);
        severities.getCheckModel().checkAll();
        severities.getCheckModel().getCheckedItems().addListener((ListChangeListener<IncidentSeverity>) c -> {
            viewModel.severities().retainAll(severities.getCheckModel().getCheckedItems());
            viewModel.severities().addAll(severities.getCheckModel().getCheckedItems());
        });
        HBox filters = new HBox(6, search, states, severities);
        HBox.setHgrow(search, Priority.ALWAYS);
        filters.setAlignment(Pos.CENTER_LEFT);

        table.setId("incident-table");
        table.setItems(viewModel.rows());
        table.setPlaceholder(new Label("No incidents: nothing has gone wrong yet (or the filters hide it)."));
        table.getColumns().setAll(java.util.List.of(
                column("!", 32, i -> i.state().isOpen() && !i.isAcknowledged() ? "!" : "", "Not acknowledged yet"),
                severityColumn(),
                column("Key", 100, Incident::key, null),
                column("State", 96, i -> i.state().name().toLowerCase(Locale.ROOT), null),
                column("Age", 60, i -> IncidentsViewModel.age(i.openedAt(), viewModel.now()), "Since it opened (simulated time)"),
                column("IC", 64, i -> i.commander().orElse("-"), "Incident commander"),
                column("Title", 240, i -> i.title() + " (" + i.components().size() + ")", "Title (affected components)")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.selectedIdProperty().set(now.id());
            }
        });
        viewModel.selectedIdProperty().addListener((obs, old, now) -> reselect());
        viewModel.rows().addListener((ListChangeListener<Incident>) c -> reselect());
        VBox master = new VBox(8, filters, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        return master;
    }

    /** Keeps the table's selection on the selected incident as rows are re-read. */
    private void reselect() {
        Long id = viewModel.selectedIdProperty().get();
        if (id == null) {
            return;
        }
        for (Incident row : viewModel.rows()) {
            if (row.id() == id) {
                Incident current = table.getSelectionModel().getSelectedItem();
                if (current == null || current.id() != id || !current.equals(row)) {
                    table.getSelectionModel().select(row);
                }
                return;
            }
        }
    }

    private TableColumn<Incident, String> column(String name, double width, java.util.function.Function<Incident, String> text,
            String tooltip) {
        TableColumn<Incident, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new SimpleStringProperty(text.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        if (tooltip != null) {
            Label header = new Label(name);
            header.setTooltip(new Tooltip(tooltip));
            header.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            column.setGraphic(header);
            column.setText("");
        }
        column.setMinWidth(Math.min(width, 60));
        return column;
    }

    private TableColumn<Incident, String> severityColumn() {
        TableColumn<Incident, String> column = new TableColumn<>("Sev");
        column.setPrefWidth(56);
        column.setMinWidth(50);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new SimpleStringProperty(cell.getValue().severity().name()));
        column.setCellFactory(c -> new TableCell<>() {
            private final Label badge = SeverityBadges.badge(IncidentSeverity.P4);

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                } else {
                    SeverityBadges.apply(badge, IncidentSeverity.valueOf(item));
                    setGraphic(badge);
                }
            }
        });
        return column;
    }

    private static Label placeholder() {
        Label label = new Label("Select an incident to run it: acknowledge, take command, move it through its lifecycle,"
                + " keep the timeline and send status updates.");
        label.setWrapText(true);
        label.getStyleClass().add(Styles.MUTED);
        label.setPadding(new Insets(24));
        return label;
    }

    private void showDetail(IncidentViewModel selected) {
        if (selected == null) {
            incidentView = null;
            detail.getChildren().setAll(placeholder());
            return;
        }
        incidentView = new IncidentView(selected);
        detail.getChildren().setAll(incidentView);
    }

    public IncidentView incidentView() {
        return incidentView;
    }

    public void focusSearch() {
        search.requestFocus();
    }

    public TableView<Incident> table() {
        return table;
    }
}
