package dev.firebreak.views.runbook;

import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.engine.runbook.ExecutionMode;
import dev.firebreak.engine.runbook.ExecutionRefusedException;
import dev.firebreak.engine.runbook.PlannedStep;
import dev.firebreak.engine.runbook.Runbook;
import dev.firebreak.engine.runbook.RunbookParameter;
import dev.firebreak.engine.runbook.StartRequest;
import dev.firebreak.views.session.RunbookDesk;
import dev.firebreak.views.task.BackgroundTask;
import dev.firebreak.views.task.TaskExecutor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Starting a run: the mode, the environment (the console's default unless the runbook names its own), a field per
 * parameter filled with its default, and the plan, each step exactly as it would run with these values, rendered
 * again as they change. A protected environment needs its name typed before the run starts. A refused start keeps
 * the dialog open and says why.
 */
public final class StartRunViewModel {

    /** One parameter and what the person typed for it (its default at first). */
    public record ParameterField(RunbookParameter parameter, StringProperty value) {
    }

    private final RunbookDesk desk;
    private final Runbook runbook;
    private final Supplier<String> operator;
    private final TaskExecutor tasks;
    private final RunbookNavigation navigation;
    private Optional<Long> incidentId = Optional.empty();
    private Map<String, String> labels = Map.of();

    private final ObjectProperty<ExecutionMode> mode = new SimpleObjectProperty<>(this, "mode");
    private final StringProperty environment = new SimpleStringProperty(this, "environment", "");
    private final List<ParameterField> parameters = new ArrayList<>();
    private final StringProperty confirmation = new SimpleStringProperty(this, "confirmation", "");
    private final ReadOnlyBooleanWrapper protectedEnvironment = new ReadOnlyBooleanWrapper(this, "protectedEnvironment");
    private final ObservableList<PlannedStep> plan = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper starting = new ReadOnlyBooleanWrapper(this, "starting");
    private final ReadOnlyObjectWrapper<Execution> started = new ReadOnlyObjectWrapper<>(this, "started");
    /** Bumped per plan asked, so a slow plan never replaces one rendered from newer values. */
    private long planAsked;

    public StartRunViewModel(RunbookDesk desk, Runbook runbook, ExecutionMode initialMode, Supplier<String> operator,
            TaskExecutor tasks, RunbookNavigation navigation) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.runbook = Objects.requireNonNull(runbook, "runbook");
        this.operator = Objects.requireNonNull(operator, "operator");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.navigation = Objects.requireNonNull(navigation, "navigation");
        mode.set(Objects.requireNonNull(initialMode, "initialMode"));
        environment.set(environments().getFirst());
        for (RunbookParameter parameter : runbook.parameters()) {
            StringProperty value = new SimpleStringProperty(this, parameter.name(), parameter.defaultValue().orElse(""));
            value.addListener((obs, old, now) -> replan());
            parameters.add(new ParameterField(parameter, value));
        }
        mode.addListener((obs, old, now) -> replan());
        environment.addListener((obs, old, now) -> {
            protectedEnvironment.set(isProtected());
            replan();
        });
        protectedEnvironment.set(isProtected());
        replan();
    }

    /**
     * The same dialog for an incident: component parameters take the diagnosed component, and the run carries the
     * incident and its labels (the fault kind it answers, which learning counts as resolved when the run succeeds).
     */
    public StartRunViewModel forIncident(long incident, Optional<String> component, Map<String, String> incidentLabels) {
        incidentId = Optional.of(incident);
        labels = Map.copyOf(incidentLabels);
        component.ifPresent(c -> parameters.stream()
                .filter(p -> p.parameter().type() == RunbookParameter.Type.COMPONENT).forEach(p -> p.value().set(c)));
        replan();
        return this;
    }

    // ---- Properties ----

    public Runbook runbook() {
        return runbook;
    }

    public ObjectProperty<ExecutionMode> modeProperty() {
        return mode;
    }

    public StringProperty environmentProperty() {
        return environment;
    }

    /** The environments offered: the runbook's own, or the console's default when it names none. */
    public List<String> environments() {
        return runbook.environments().isEmpty() ? List.of(desk.defaultEnvironment()) : runbook.environments();
    }

    public List<ParameterField> parameters() {
        return parameters;
    }

    /** What the person typed to confirm a protected environment. */
    public StringProperty confirmationProperty() {
        return confirmation;
    }

    /** Whether the environment needs its name typed (and every approval in it will too). */
    public ReadOnlyBooleanProperty protectedEnvironmentProperty() {
        return protectedEnvironment.getReadOnlyProperty();
    }

    /** Each step as it would run with the values given now, or what stops it from rendering. */
    public ObservableList<PlannedStep> plan() {
        return plan;
    }

    /** Why the run did not start, or what is missing; empty when fine. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty startingProperty() {
        return starting.getReadOnlyProperty();
    }

    /** The run once it started (the dialog closes then). */
    public ReadOnlyObjectProperty<Execution> startedProperty() {
        return started.getReadOnlyProperty();
    }

    public Optional<Long> incidentId() {
        return incidentId;
    }

    // ---- Commands ----

    /** Renders the plan again with the values given now (in the background; quietly, it follows typing). */
    public void replan() {
        Optional<StartRequest> request = request();
        if (request.isEmpty()) {
            plan.clear();
            return;
        }
        long asked = ++planAsked;
        BackgroundTask.wrap(() -> desk.plan(request.get()))
                .withTitle("Planning " + runbook.id())
                .quietly()
                .onSuccess(steps -> {
                    if (asked == planAsked) {
                        plan.setAll(steps);
                    }
                })
                .onFailure(e -> {
                    if (asked == planAsked) {
                        plan.clear();
                        message.set("Cannot plan: " + e.getMessage());
                    }
                })
                .executeWith(tasks);
    }

    /** Starts the run; on success {@link #startedProperty()} is set and the step-through opens it. */
    public void start() {
        Optional<StartRequest> request = request();
        if (request.isEmpty() || starting.get()) {
            return;
        }
        starting.set(true);
        message.set("");
        BackgroundTask.wrap(() -> desk.start(request.get()))
                .withTitle((mode.get() == ExecutionMode.DRY_RUN ? "Dry run of " : "Starting ") + runbook.id())
                .onSuccess(execution -> {
                    started.set(execution);
                    navigation.openRun(execution.id());
                })
                .onFailure(e -> message.set(e instanceof ExecutionRefusedException || e instanceof IllegalArgumentException
                        ? e.getMessage() : "Could not start " + runbook.id() + ": " + e.getMessage()))
                .onFinished(() -> starting.set(false))
                .executeWith(tasks);
    }

    /** The request the values make, or empty (with a message) when one cannot be made. */
    Optional<StartRequest> request() {
        String where = environment.get() == null ? "" : environment.get().strip();
        if (where.isEmpty()) {
            message.set("Name the environment to run in.");
            return Optional.empty();
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (ParameterField field : parameters) {
            String value = field.value().get() == null ? "" : field.value().get().strip();
            // left empty: the engine uses the default, or says the parameter is required
            if (!value.isEmpty()) {
                given.put(field.parameter().name(), value);
            }
        }
        message.set("");
        StartRequest request = StartRequest.of(runbook, mode.get(), where, operator.get(), given)
                .confirmedWith(confirmation.get() == null ? "" : confirmation.get().strip());
        return Optional.of(incidentId.map(id -> request.forIncident(id, labels)).orElse(request));
    }

    private boolean isProtected() {
        String where = environment.get() == null ? "" : environment.get().strip();
        return !where.isEmpty() && desk.isProtected(where);
    }
}
