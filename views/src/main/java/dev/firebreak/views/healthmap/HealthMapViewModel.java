package dev.firebreak.views.healthmap;

import dev.firebreak.engine.event.Subscription;
import dev.firebreak.engine.assess.AssessedHealthChanged;
import dev.firebreak.engine.assess.HealthAssessment;
import dev.firebreak.engine.health.ComponentHealthChanged;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.engine.topology.Component;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.views.fx.FxCoalescer;
import dev.firebreak.engine.incident.Incident;
import dev.firebreak.engine.incident.IncidentChanged;
import dev.firebreak.views.session.HealthStatus;
import dev.firebreak.views.session.IncidentDesk;
import java.util.function.Consumer;
import dev.firebreak.views.session.Telemetry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State of the health map: every component's health (refreshed from the engine at most once per
 * pulse), the user's search, state filter, grouping and layout choice, and the selected component.
 */
public final class HealthMapViewModel implements AutoCloseable {

    /** Above this many components the graph is unreadable, so AUTO switches to the dense grid. */
    public static final int DENSE_THRESHOLD = 150;

    public enum LayoutMode {
        AUTO("Auto"), GRAPH("Dependency graph"), DENSE("Dense grid");

        private final String label;

        LayoutMode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public enum GroupBy {
        TIER("Tier", c -> String.format(Locale.ROOT, "Tier %d", c.tier())),
        TEAM("Team", Component::team),
        KIND("Kind", c -> c.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '));

        private final String label;
        private final Function<Component, String> key;

        GroupBy(String label, Function<Component, String> key) {
            this.label = label;
            this.key = key;
        }

        String keyOf(Component component) {
            return key.apply(component);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public enum StateFilter {
        ALL("All states", 0), NOT_HEALTHY("Not healthy", 1), DEGRADED_OR_WORSE("Degraded or worse", 2),
        CRITICAL_OR_FAILED("Critical or failed", 3);

        private final String label;
        private final int minSeverity;

        StateFilter(String label, int minSeverity) {
            this.label = label;
            this.minSeverity = minSeverity;
        }

        boolean accepts(HealthState state) {
            return state.severity() >= minSeverity;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** One group of the dense layout: its title and member indices (sorted by id). */
    public record Group(String title, int[] members) {
    }

    private final Telemetry telemetry;
    private final HealthStatus status;
    private final Topology topology;
    private final String[] haystacks;
    private final HealthState[] states;
    private final FxCoalescer coalescer;
    private final List<Subscription> subscriptions = new ArrayList<>();

    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<StateFilter> stateFilter = new SimpleObjectProperty<>(this, "stateFilter", StateFilter.ALL);
    private final ObjectProperty<GroupBy> groupBy = new SimpleObjectProperty<>(this, "groupBy", GroupBy.TIER);
    private final ObjectProperty<LayoutMode> layoutMode = new SimpleObjectProperty<>(this, "layoutMode", LayoutMode.AUTO);
    private final ReadOnlyObjectWrapper<LayoutMode> effectiveLayout = new ReadOnlyObjectWrapper<>(this, "effectiveLayout");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyObjectWrapper<String> selectedId = new ReadOnlyObjectWrapper<>(this, "selectedId");
    private List<Group> groups;
    private final IncidentDesk incidents;
    /** The open incident each component is part of, or null. */
    private final Incident[] incidentOf;
    private Consumer<Long> openIncident = id -> { };

    public HealthMapViewModel(Telemetry telemetry, HealthStatus status) {
        this(telemetry, status, null);
    }

    /** A map that also marks the components that are part of an open incident ({@code incidents} may be null). */
    public HealthMapViewModel(Telemetry telemetry, HealthStatus status, IncidentDesk incidents) {
        this.incidents = incidents;
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.status = Objects.requireNonNull(status, "status");
        this.topology = telemetry.topology();
        this.haystacks = new String[topology.size()];
        for (int i = 0; i < haystacks.length; i++) {
            Component c = topology.component(i);
            haystacks[i] = (c.id() + " " + c.name() + " " + c.team() + " " + c.kind().name().replace('_', ' '))
                    .toLowerCase(Locale.ROOT);
        }
        this.states = status.healthSnapshot();
        this.coalescer = new FxCoalescer(this::refresh);
        subscriptions.add(telemetry.events().subscribe(ComponentHealthChanged.class, e -> coalescer.markDirty()));
        // health checks alone can change a component's health (ADR 0025); real ones even between ticks
        subscriptions.add(telemetry.events().subscribe(AssessedHealthChanged.class, e -> coalescer.markDirty()));
        subscriptions.add(telemetry.events().subscribe(MetricsTicked.class, e -> coalescer.markDirty()));
        subscriptions.add(telemetry.events().subscribe(IncidentChanged.class, e -> coalescer.markDirty()));
        this.incidentOf = new Incident[topology.size()];
        readIncidents();
        effectiveLayout.bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> resolve(layoutMode.get()), layoutMode));
        search.addListener((obs, old, now) -> bump());
        stateFilter.addListener((obs, old, now) -> bump());
        groupBy.addListener((obs, old, now) -> {
            groups = null;
            bump();
        });
        updateSummary();
    }

    private LayoutMode resolve(LayoutMode requested) {
        if (requested == LayoutMode.AUTO) {
            return topology.size() > DENSE_THRESHOLD ? LayoutMode.DENSE : LayoutMode.GRAPH;
        }
        return requested;
    }

    // ---- Properties ----

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<StateFilter> stateFilterProperty() {
        return stateFilter;
    }

    public ObjectProperty<GroupBy> groupByProperty() {
        return groupBy;
    }

    public ObjectProperty<LayoutMode> layoutModeProperty() {
        return layoutMode;
    }

    /** GRAPH or DENSE: the layout actually shown. */
    public ReadOnlyObjectProperty<LayoutMode> effectiveLayoutProperty() {
        return effectiveLayout.getReadOnlyProperty();
    }

    /** Increases whenever states, search, filter or grouping change: views redraw on it. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** Counts per state, e.g. "23 healthy · 1 degraded · 1 failed". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<String> selectedIdProperty() {
        return selectedId.getReadOnlyProperty();
    }

    public Topology topology() {
        return topology;
    }

    public int size() {
        return states.length;
    }

    public HealthState state(int index) {
        return states[index];
    }

    // ---- Commands ----

    /** Selects a component by index (the view then opens its detail). */
    public void select(int index) {
        selectedId.set(topology.component(index).id());
    }

    public void select(String componentId) {
        selectedId.set(componentId);
    }

    /** Whether a component passes the search text and the state filter; the view dims the others. */
    public boolean matches(int index) {
        if (!stateFilter.get().accepts(states[index])) {
            return false;
        }
        String query = search.get();
        if (query == null || query.isBlank()) {
            return true;
        }
        for (String token : query.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!haystacks[index].contains(token)) {
                return false;
            }
        }
        return true;
    }

    /** How many components currently match. */
    public int matchCount() {
        int count = 0;
        for (int i = 0; i < states.length; i++) {
            if (matches(i)) {
                count++;
            }
        }
        return count;
    }

    /** Groups for the dense layout, by the chosen key, in key order; members sorted by id. */
    public List<Group> groups() {
        if (groups == null) {
            GroupBy by = groupBy.get();
            TreeMap<String, List<Integer>> byKey = new TreeMap<>(groupOrder(by));
            for (int i = 0; i < topology.size(); i++) {
                byKey.computeIfAbsent(by.keyOf(topology.component(i)), k -> new ArrayList<>()).add(i);
            }
            List<Group> result = new ArrayList<>();
            byKey.forEach((key, members) -> result.add(new Group(key, members.stream()
                    .sorted((a, b) -> topology.component(a).id().compareTo(topology.component(b).id()))
                    .mapToInt(Integer::intValue).toArray())));
            groups = List.copyOf(result);
        }
        return groups;
    }

    private static java.util.Comparator<String> groupOrder(GroupBy by) {
        if (by == GroupBy.TIER) {
            // "Tier 10" after "Tier 9": compare the number, not the text.
            return java.util.Comparator.comparingInt(k -> Integer.parseInt(k.substring(5)));
        }
        return java.util.Comparator.naturalOrder();
    }

    /** The numbers the hover card shows, read from the store now. */
    public ComponentSummary summary(int index) {
        MetricStore store = telemetry.store();
        HealthAssessment assessment = status.assessment(index);
        return new ComponentSummary(topology.component(index), states[index], assessment.source(), assessment.severity(),
                latest(store, index, MetricName.REQUEST_RATE), latest(store, index, MetricName.ERROR_RATE),
                latest(store, index, MetricName.LATENCY_P99), latest(store, index, MetricName.CPU));
    }

    private double latest(MetricStore store, int index, MetricName metric) {
        int handle = telemetry.seriesHandle(index, metric);
        return handle < 0 ? Double.NaN : store.latest(handle);
    }

    public Optional<Integer> indexOf(String componentId) {
        int index = topology.indexOf(componentId);
        return index < 0 ? Optional.empty() : Optional.of(index);
    }

    /** Reads the newest health of every component; runs once per pulse when the engine reported changes. */
    public void refresh() {
        HealthState[] newest = status.healthSnapshot();
        System.arraycopy(newest, 0, states, 0, states.length);
        readIncidents();
        updateSummary();
        bump();
    }

    /** The pulse hook: applies engine updates if any arrived. For tests that pulse by hand. */
    public FxCoalescer coalescer() {
        return coalescer;
    }

    /** Starts following the engine on every FX pulse. */
    public void start() {
        coalescer.start();
    }

    private void bump() {
        revision.set(revision.get() + 1);
    }

    private void updateSummary() {
        int[] counts = new int[HealthState.values().length];
        for (HealthState s : states) {
            counts[s.ordinal()]++;
        }
        StringBuilder text = new StringBuilder();
        for (HealthState s : HealthState.values()) {
            if (counts[s.ordinal()] > 0) {
                if (!text.isEmpty()) {
                    text.append(" · ");
                }
                text.append(String.format(Locale.ROOT, "%,d %s", counts[s.ordinal()], s.name().toLowerCase(Locale.ROOT)));
            }
        }
        summary.set(text.toString());
    }

    /** The open incident a component is part of, if any. */
    public Optional<Incident> incidentOf(int index) {
        return Optional.ofNullable(incidentOf[index]);
    }

    /** What opening an incident from the map does (the console shows it on the incidents screen). */
    public void setOnOpenIncident(Consumer<Long> action) {
        this.openIncident = Objects.requireNonNull(action, "action");
    }

    /** Opens the incident a component is part of, if it is part of one. */
    public void openIncident(int index) {
        incidentOf(index).ifPresent(incident -> openIncident.accept(incident.id()));
    }

    private void readIncidents() {
        java.util.Arrays.fill(incidentOf, null);
        if (incidents == null) {
            return;
        }
        for (Incident incident : incidents.incidents()) {
            if (incident.state().isOpen()) {
                for (String member : incident.components()) {
                    int index = topology.indexOf(member);
                    if (index >= 0 && (incidentOf[index] == null || incident.severity().isWorseThan(incidentOf[index].severity()))) {
                        incidentOf[index] = incident;
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        coalescer.close();
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
    }
}
