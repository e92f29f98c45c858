package dev.firebreak.views.incident;

import dev.firebreak.engine.incident.Incident;
import dev.firebreak.engine.incident.IncidentState;
import dev.firebreak.engine.incident.Role;
import dev.firebreak.engine.incident.TimelineEntry;
import dev.firebreak.engine.incident.TimelineKind;
import dev.firebreak.styles.Styles;
import dev.firebreak.views.fx.HealthStyles;
import java.util.Locale;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;
import dev.firebreak.engine.runbook.RunbookLibrary;
import dev.firebreak.views.runbook.RunbookEditorDialog;
import dev.firebreak.views.runbook.StartRunDialog;

/**
 * One incident: header (severity, key, title, state, type), the commander's buttons (only the lifecycle moves that
 * are legal now), roles, the status update owed, affected components with their health, notifications, the
 * timeline with its verification badge and a note field, and what healing decided and did.
 *
 * <p>Shortcuts: Ctrl+K acknowledge, Ctrl+M take command (me), Ctrl+H hand command over, Ctrl+E override the
 * severity, Ctrl+U write the status update, Ctrl+N add a note, Ctrl+R give a role, Ctrl+P report impact (customers,
 * VIP, data check), Ctrl+J the timeline (journal), Ctrl+D the probable cause (diagnosis), Ctrl+B healing, Ctrl+G open its component, Ctrl+Y confirm it, Ctrl+Shift+Y reject it; Alt
 * with the underlined letter moves the state.
 */
public final class IncidentView extends VBox {

    private final IncidentViewModel viewModel;
    private final Label severity = SeverityBadges.badge(dev.firebreak.engine.incident.IncidentSeverity.P4);
    /** One tooltip, its text changed: the header is shown again on every alert the incident takes. */
    private final Tooltip severityDetails = new Tooltip();
    private final Label title = new Label();
    private final Label state = new Label();
    private final Label type = new Label();
    private Label key;
    private final HBox moves = new HBox(6);
    private final FlowPane components = new FlowPane(6, 6);
    private final IncidentMap map;
    private final TabPane tabs = new TabPane();
    private final Tab timelineTab = new Tab("Timeline");
    private final Tab causeTab = new Tab("Probable cause");
    private final Tab componentsTab = new Tab("Affected components");
    private final Tab runbooksTab = new Tab("Runbooks");
    private final Tab healingTab = new Tab("Healing");
    private final ProbableCausePanel causePanel;
    private final HealingPanel healingPanel;
    private final ListView<TimelineEntry> timeline = new ListView<>();
    private final TextField note = new TextField();

    public IncidentView(IncidentViewModel viewModel) {
        this.viewModel = viewModel;
        setId("incident-view");
        getStyleClass().add(Styles.INCIDENT_VIEW);
        setSpacing(8);
        setPadding(new Insets(4, 4, 4, 12));

        severity.setId("incident-severity");
        title.setId("incident-title");
        title.getStyleClass().add(Styles.INCIDENT_TITLE);
        title.setWrapText(true);
        state.setId("incident-state");
        state.getStyleClass().add(Styles.INCIDENT_STATE);
        type.setId("incident-type");
        type.getStyleClass().add(Styles.MUTED);
        for (Label fixed : new Label[] {severity, state, type}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        Label key = new Label();
        key.setId("incident-key");
        key.getStyleClass().add(Styles.SCREEN_TITLE);
        key.setMinWidth(Region.USE_PREF_SIZE);
        this.key = key;
        HBox badges = new HBox(10, severity, key, state, type);
        badges.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(4, badges, title);

        Button acknowledge = button("Acknowledge", "incident-acknowledge", "Someone is on it; stops escalation (Ctrl+K)",
                viewModel::acknowledge);
        Button command = button("Take command", "incident-take-command", "You become incident commander (Ctrl+M)",
                viewModel::takeCommand);
        Button handOver = button("Hand over…", "incident-hand-over", "Hand the commander role to someone (Ctrl+H)",
                this::handOver);
        Button override = button("Severity…", "incident-override-severity", "Override the severity with a reason (Ctrl+E)",
                this::overrideSeverity);
        Button status = button("Status update…", "incident-status-update", "Write and send the status update owed (Ctrl+U)",
                this::statusUpdate);
        Button giveRole = button("Roles…", "incident-roles-assign", "Give a role (lead, communications, scribe, commander) to someone (Ctrl+R)",
                () -> assignRole(Role.TECHNICAL_LEAD));
        Button impact = button("Impact…", "incident-report-impact", "Report customer reports, a VIP affected or a failed data check (Ctrl+P)",
                this::reportImpact);
        moves.setId("incident-moves");
        moves.setAlignment(Pos.CENTER_LEFT);
        // wraps rather than widening the detail pane past the master-detail split
        FlowPane actions = new FlowPane(6, 6, acknowledge, command, handOver, giveRole, override, status, impact);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setMinWidth(0);
        Label moveTo = new Label("Move to");
        moveTo.setMinWidth(Region.USE_PREF_SIZE);
        HBox lifecycle = new HBox(6, moveTo, moves);
        lifecycle.setAlignment(Pos.CENTER_LEFT);

        Label roles = new Label();
        roles.setId("incident-roles");
        roles.textProperty().bind(viewModel.rolesTextProperty());
        roles.setWrapText(true);
        Label due = new Label();
        due.setId("incident-status-due");
        due.textProperty().bind(viewModel.statusDueProperty());
        viewModel.statusOverdueProperty().addListener((obs, old, now) -> due.pseudoClassStateChanged(Styles.INVALID, now));
        due.pseudoClassStateChanged(Styles.INVALID, viewModel.statusOverdueProperty().get());
        Label message = new Label();
        message.setId("incident-message");
        message.getStyleClass().add(Styles.VALIDATION_MESSAGE);
        message.textProperty().bind(viewModel.messageProperty());

        components.setId("incident-components");
        Label verification = new Label();
        verification.setId("incident-verification");
        verification.getStyleClass().add(Styles.VERIFICATION_BADGE);
        verification.textProperty().bind(viewModel.verificationProperty());
        viewModel.intactProperty().addListener((obs, old, now) -> verification.pseudoClassStateChanged(Styles.INVALID, !now));
        verification.pseudoClassStateChanged(Styles.INVALID, !viewModel.intactProperty().get());

        CheckComboBox<TimelineKind> kinds = new CheckComboBox<>();
        kinds.setId("timeline-kind-filter");
        kinds.getItems().setAll(TimelineKind.values());
        kinds.setTitle("Entries");
        kinds.setShowCheckedCount(true);
        kinds.getCheckModel().checkAll();
        kinds.getCheckModel().getCheckedItems().addListener((ListChangeListener<TimelineKind>) c -> {
            viewModel.kinds().retainAll(kinds.getCheckModel().getCheckedItems());
            viewModel.kinds().addAll(kinds.getCheckModel().getCheckedItems());
        });
        Label timelineTitle = new Label("Timeline");
        timelineTitle.getStyleClass().add(Styles.SETTINGS_SECTION);
        HBox timelineHeader = new HBox(8, timelineTitle, kinds, verification);
        timelineHeader.setAlignment(Pos.CENTER_LEFT);

        timeline.setId("incident-timeline");
        timeline.setItems(viewModel.timeline());
        timeline.setCellFactory(list -> {
            TimelineCell cell = new TimelineCell();
            cell.prefWidthProperty().bind(list.widthProperty().subtract(24));
            return cell;
        });
        timeline.getItems().addListener((ListChangeListener<TimelineEntry>) c -> timeline.scrollTo(timeline.getItems().size() - 1));
        note.setId("incident-note");
        note.setPromptText("Add a note to the timeline (Ctrl+N, Enter to add)");
        note.setOnAction(e -> {
            if (viewModel.addNote(note.getText())) {
                note.clear();
            }
        });
        Button add = button("Add note", "incident-add-note", "Write the note on the timeline", () -> {
            if (viewModel.addNote(note.getText())) {
                note.clear();
            }
            return true;
        });
        HBox noteRow = new HBox(6, note, add);
        HBox.setHgrow(note, Priority.ALWAYS);

        Label notified = new Label();
        notified.setId("incident-notifications");
        notified.getStyleClass().add(Styles.MUTED);
        notified.setWrapText(true);
        Runnable showNotified = () -> notified.setText(viewModel.notifications().isEmpty() ? "Notifications: none sent"
                : "Notifications: " + String.join("; ", viewModel.notifications().stream()
                        .skip(Math.max(0, viewModel.notifications().size() - 3))
                        .map(e -> IncidentViewModel.time(e.at()) + " " + e.text().lines().findFirst().orElse("")).toList()));
        viewModel.notifications().addListener((ListChangeListener<TimelineEntry>) c -> showNotified.run());
        showNotified.run();
        map = new IncidentMap(viewModel.topology(), viewModel::stateOf, viewModel::openComponent);
        VBox timelinePane = new VBox(6, timelineHeader, timeline);
        VBox.setVgrow(timeline, Priority.ALWAYS);
        causePanel = new ProbableCausePanel(viewModel);
        SplitPane mapAndCause = new SplitPane(map, causePanel);
        mapAndCause.setDividerPositions(0.45);
        // Tabs keep the timeline tall enough to read on a laptop screen; the cause tab's title names the likeliest
        // cause, so it is seen from the timeline too. Ctrl+J / Ctrl+D switch to them.
        timelineTab.setContent(timelinePane);
        timelineTab.setClosable(false);
        causeTab.setContent(mapAndCause);
        causeTab.setClosable(false);
        componentsTab.setContent(components);
        componentsTab.selectedProperty().addListener((obs, old, now) -> showComponents());
        componentsTab.setClosable(false);
        tabs.setId("incident-tabs");
        runbooksTab.setContent(new SuggestedRunbooks(viewModel, this::openStart, this::openDraft));
        runbooksTab.setClosable(false);
        runbooksTab.setId("incident-runbooks-tab");
        viewModel.suggestedRunbooks().addListener((ListChangeListener<RunbookLibrary.Match>) c -> nameRunbooksTab());
        nameRunbooksTab();
        healingPanel = new HealingPanel(viewModel.healing());
        healingTab.setContent(healingPanel);
        healingTab.setClosable(false);
        healingTab.setId("incident-healing-tab");
        healingTab.textProperty().bind(viewModel.healing().headlineProperty());
        tabs.getTabs().setAll(timelineTab, causeTab, healingTab, runbooksTab, componentsTab);
        causeTab.setId("incident-cause-tab");
        timelineTab.setId("incident-timeline-tab");
        viewModel.causes().addListener((ListChangeListener<IncidentViewModel.CauseRow>) c -> nameCauseTab());
        nameCauseTab();
        getChildren().setAll(header, actions, lifecycle, roles, due, notified, message, tabs, noteRow);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        viewModel.revisionProperty().addListener((obs, old, now) -> showMap());
        causeTab.selectedProperty().addListener((obs, old, now) -> showMap());
        viewModel.highlightedPath().addListener((ListChangeListener<String>) c -> map.highlight(viewModel.highlightedPath()));
        map.highlight(viewModel.highlightedPath());

        viewModel.incidentProperty().addListener((obs, old, now) -> {
            show(now);
            acknowledge.setDisable(now != null && now.isAcknowledged());
            command.setDisable(now != null && now.commander().map(viewModel.operator()::equals).orElse(false));
        });
        Incident first = viewModel.incidentProperty().get();
        acknowledge.setDisable(first != null && first.isAcknowledged());
        viewModel.moves().addListener((ListChangeListener<IncidentState>) c -> showMoves());
        viewModel.components().addListener((ListChangeListener<IncidentViewModel.AffectedComponent>) c -> showComponents());
        show(viewModel.incidentProperty().get());
        showMoves();
        showComponents();
        showMap();
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    private void show(Incident incident) {
        if (incident == null) {
            return;
        }
        SeverityBadges.apply(severity, incident.severity());
        severityDetails.setText(incident.severity().label() + ": " + incident.severity().impact()
                + incident.severityOverride().map(r -> "\nSet by a person: " + r).orElse("")
                + "\nComputed from impact: " + incident.computedSeverity().name());
        if (severity.getTooltip() != severityDetails) {
            severity.setTooltip(severityDetails);
        }
        key.setText(incident.key());
        title.setText(incident.title());
        state.setText(incident.state().name().toLowerCase(Locale.ROOT));
        type.setText(
                incident.type().name().toLowerCase(Locale.ROOT) + " · " + incident.alertCount() + " alerts · opened "
                        + IncidentViewModel.time(incident.openedAt()));
    }

    private void showMoves() {
        moves.getChildren().clear();
        for (IncidentState target : viewModel.moves()) {
            String name = target.name().charAt(0) + target.name().substring(1).toLowerCase(Locale.ROOT);
            Button button = new Button("_" + name);
            button.setMnemonicParsing(true);
            button.setId("move-" + target.name().toLowerCase(Locale.ROOT));
            button.setTooltip(new Tooltip("Move the incident to " + name.toLowerCase(Locale.ROOT) + " (Alt+" + name.charAt(0) + ")"));
            button.setOnAction(e -> viewModel.moveTo(target, ""));
            button.setMinWidth(Region.USE_PREF_SIZE);
            moves.getChildren().add(button);
        }
    }

    private void nameCauseTab() {
        causeTab.setText(viewModel.causes().isEmpty() ? "Probable cause: not analysed yet"
                : String.format(java.util.Locale.ROOT, "Probable cause: %s (%.0f %%)",
                        viewModel.causes().getFirst().cause().component(), 100 * viewModel.causes().getFirst().cause().confidence()));
    }

    /** Shows the timeline tab or the probable-cause tab. */
    public void showTab(boolean cause) {
        tabs.getSelectionModel().select(cause ? causeTab : timelineTab);
    }

    private void nameRunbooksTab() {
        int count = viewModel.suggestedRunbooks().size();
        runbooksTab.setText(count == 0 ? "Runbooks" : "Runbooks (" + count + " suggested)");
    }

    /** Shows the healing tab: what healing decided and did for the incident (Ctrl+B). */
    public void showHealingTab() {
        tabs.getSelectionModel().select(healingTab);
        healingPanel.focusDecisions();
    }

    /** Asks why, then denies the healing action of {@code row} (the Deny… button's dialog), for tests. */
    public dev.firebreak.views.healing.ReasonDialog openDenyDialog(IncidentHealingViewModel.DecisionRow row) {
        return healingPanel.openDenyDialog(row);
    }

    /** Shows the runbooks tab: suggestions for the diagnosed cause, and the draft from a resolved incident. */
    public void showRunbooksTab() {
        tabs.getSelectionModel().select(runbooksTab);
    }

    /** Opens the start dialog for a suggested runbook, filled in for this incident. */
    public StartRunDialog openStart(RunbookLibrary.Match match) {
        StartRunDialog dialog = new StartRunDialog(viewModel.startRunbook(match));
        dialog.initOwner(getScene() == null ? null : getScene().getWindow());
        dialog.show();
        return dialog;
    }

    /** Opens the YAML editor on a runbook drafted from what was run during this incident. */
    public RunbookEditorDialog openDraft() {
        RunbookEditorDialog dialog = new RunbookEditorDialog(viewModel.draftRunbook());
        dialog.initOwner(getScene() == null ? null : getScene().getWindow());
        dialog.show();
        return dialog;
    }

    /** Shows the affected components' tab. */
    public void showComponentsTab() {
        tabs.getSelectionModel().select(componentsTab);
    }

    /** Redraws the map only while its tab shows: laying out a large incident is the dearest thing this view does. */
    private void showMap() {
        Incident incident = viewModel.incidentProperty().get();
        if (incident != null && causeTab.isSelected()) {
            map.show(incident.components());
        }
    }

    /** The incident's small health map. */
    IncidentMap map() {
        return map;
    }

    /** The chips are built only while their tab shows, and at most {@link IncidentMap#MOST_SHOWN} of them. */
    private void showComponents() {
        if (!componentsTab.isSelected()) {
            return;
        }
        components.getChildren().clear();
        List<IncidentViewModel.AffectedComponent> all = viewModel.components();
        for (IncidentViewModel.AffectedComponent c : all.subList(0, Math.min(all.size(), IncidentMap.MOST_SHOWN))) {
            Button chip = new Button(HealthStyles.letter(c.state()) + " " + c.id());
            chip.setId("affected-" + c.id());
            chip.getStyleClass().add(Styles.HEALTH_BADGE);
            HealthStyles.apply(chip, c.state());
            chip.setTooltip(new Tooltip(c.id() + ": " + HealthStyles.word(c.state()) + "; open its detail"));
            chip.setOnAction(e -> viewModel.openComponent(c.id()));
            components.getChildren().add(chip);
        }
        if (all.size() > IncidentMap.MOST_SHOWN) {
            Label more = new Label("and " + (all.size() - IncidentMap.MOST_SHOWN) + " more (search the incidents list by component)");
            more.getStyleClass().add(Styles.MUTED);
            components.getChildren().add(more);
        }
    }

    private Button button(String text, String id, String tooltip, java.util.function.BooleanSupplier action) {
        Button button = new Button(text);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setId(id);
        button.setTooltip(new Tooltip(tooltip));
        button.setOnAction(e -> action.getAsBoolean());
        return button;
    }

    private boolean handOver() {
        TextInputDialog dialog = new TextInputDialog();
        dialog.setTitle("Hand over command");
        dialog.setHeaderText("Who takes over as incident commander?");
        dialog.getDialogPane().getStylesheets().add(Styles.STYLESHEET);
        dialog.initOwner(getScene() == null ? null : getScene().getWindow());
        return dialog.showAndWait().map(person -> viewModel.assign(Role.COMMANDER, person)).orElse(false);
    }

    /** The dialog giving one of the four roles to someone, the person at the console filled in. */
    public RoleDialog roleDialog(Role initial) {
        RoleDialog dialog = new RoleDialog(viewModel, initial);
        dialog.initOwner(getScene() == null ? null : getScene().getWindow());
        return dialog;
    }

    private boolean assignRole(Role initial) {
        return roleDialog(initial).showAndWait().orElse(false);
    }

    /** The dialog for impact the console cannot see: customer reports, a VIP, a failed data check. */
    public ImpactReportDialog impactDialog() {
        ImpactReportDialog dialog = new ImpactReportDialog(viewModel);
        dialog.initOwner(getScene() == null ? null : getScene().getWindow());
        return dialog;
    }

    private boolean reportImpact() {
        return impactDialog().showAndWait().orElse(false);
    }

    /** Opens the severity override (a property sheet: severity and reason); returns whether it was applied. */
    public boolean overrideSeverity() {
        SeverityOverrideDialog dialog = new SeverityOverrideDialog(viewModel);
        dialog.initOwner(getScene() == null ? null : getScene().getWindow());
        return dialog.showAndWait().orElse(false);
    }

    /** Opens the status update owed, filled in from its template, to edit and send. */
    public StatusUpdateDialog statusUpdateDialog() {
        StatusUpdateDialog dialog = new StatusUpdateDialog(viewModel);
        dialog.initOwner(getScene() == null ? null : getScene().getWindow());
        return dialog;
    }

    private boolean statusUpdate() {
        return statusUpdateDialog().showAndWait().orElse(false);
    }

    private void onKey(KeyEvent e) {
        if (!e.isShortcutDown()) {
            return;
        }
        switch (e.getCode()) {
            case K -> viewModel.acknowledge();
            case M -> viewModel.takeCommand();
            case H -> handOver();
            case E -> overrideSeverity();
            case U -> statusUpdate();
            case R -> assignRole(Role.TECHNICAL_LEAD);
            case G -> viewModel.openCause(viewModel.selectedCauseProperty().get());
            case J -> showTab(false);
            case D -> showTab(true);
            case B -> showHealingTab();
            case Y -> {
                if (e.isShiftDown()) {
                    viewModel.rejectCause(viewModel.selectedCauseProperty().get());
                } else {
                    viewModel.confirmCause(viewModel.selectedCauseProperty().get());
                }
            }
            case P -> reportImpact();
            case N -> note.requestFocus();
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** One timeline line: time, kind, who, what; notes and state changes stand out. */
    private static final class TimelineCell extends ListCell<TimelineEntry> {
        // one tooltip per cell, its text changed: a new Tooltip per update cost the FX thread under a burst
        private final Tooltip details = new Tooltip();

        TimelineCell() {
            setWrapText(true);
        }

        @Override
        protected void updateItem(TimelineEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(IncidentViewModel.time(entry.at()) + "  " + entry.kind().name() + "  " + entry.actor() + ": " + entry.text());
            details.setText(entry.text() + "\n#" + entry.seq() + " hash " + entry.hash().substring(0, 12) + "…");
            setTooltip(details);
        }
    }

    public IncidentViewModel viewModel() {
        return viewModel;
    }
}
