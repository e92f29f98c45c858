package dev.firebreak.views.incident;

import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.topology.Component;
import dev.firebreak.engine.topology.Dependency;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.styles.Styles;
import dev.firebreak.views.fx.HealthStyles;
import dev.firebreak.views.healthmap.GraphLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Line;

/**
 * A small health map of one incident: its components and the components one call away from them (dimmed), laid
 * out top-down like the console's health map, each in its health colour and letter. A call path (the probable
 * cause's, from the symptom down) is drawn over it. Clicking a component opens its detail. At most
 * {@link #MOST_SHOWN} components are drawn: the incident's first, then their neighbours.
 */
final class IncidentMap extends ScrollPane {

    private static final double NODE_WIDTH = 118;
    private static final double NODE_HEIGHT = 24;
    private static final double LAYER_GAP = 26;
    private static final double SIBLING_GAP = 8;
    private static final double MARGIN = 10;
    /** Most components drawn: beyond this a map is no longer read at a glance (and costs a frame to lay out). */
    static final int MOST_SHOWN = 48;
    /** Below this the labels cannot be read; the map scrolls instead. */
    private static final double MIN_SCALE = 0.6;

    private final Topology topology;
    private final Function<String, HealthState> health;
    private final Consumer<String> open;
    private final Map<String, StackPane> nodes = new HashMap<>();
    private final Map<String, Label> labels = new HashMap<>();
    private final Map<String, Line> edges = new HashMap<>();
    private Set<String> members = Set.of();
    private List<String> path = List.of();
    private Pane canvas;

    IncidentMap(Topology topology, Function<String, HealthState> health, Consumer<String> open) {
        this.topology = topology;
        this.health = health;
        this.open = open;
        setId("incident-map");
        getStyleClass().add(Styles.INCIDENT_MAP);
        setFitToWidth(true);
        setPannable(true);
        viewportBoundsProperty().addListener((obs, old, now) -> fit());
    }

    /** Draws the map again for these members (their order: as they joined). */
    void show(List<String> incidentComponents) {
        Set<String> now = new LinkedHashSet<>(incidentComponents);
        if (now.equals(members)) {
            restyle();
            return;
        }
        members = now;
        Topology around = around(now);
        GraphLayout layout = GraphLayout.compute(around, NODE_WIDTH, NODE_HEIGHT, LAYER_GAP, SIBLING_GAP);
        Pane canvas = new Pane();
        Group lines = new Group();
        canvas.getChildren().add(lines);
        nodes.clear();
        labels.clear();
        edges.clear();
        for (Dependency d : around.dependencies()) {
            int caller = around.indexOf(d.callerId());
            int callee = around.indexOf(d.calleeId());
            Line line = new Line(MARGIN + layout.x()[caller] + NODE_WIDTH / 2, MARGIN + layout.y()[caller] + NODE_HEIGHT,
                    MARGIN + layout.x()[callee] + NODE_WIDTH / 2, MARGIN + layout.y()[callee]);
            line.getStyleClass().add(Styles.GRAPH_EDGE);
            edges.put(d.callerId() + ">" + d.calleeId(), line);
            lines.getChildren().add(line);
        }
        for (int i = 0; i < around.size(); i++) {
            Component c = around.component(i);
            Label label = new Label();
            label.setMaxWidth(NODE_WIDTH - 10);
            StackPane box = new StackPane(label);
            box.getStyleClass().add(Styles.GRAPH_NODE);
            box.setId("incident-map-" + c.id());
            box.setPrefSize(NODE_WIDTH, NODE_HEIGHT);
            box.setMinSize(NODE_WIDTH, NODE_HEIGHT);
            box.setMaxSize(NODE_WIDTH, NODE_HEIGHT);
            box.relocate(MARGIN + layout.x()[i], MARGIN + layout.y()[i]);
            box.setOnMouseClicked(e -> open.accept(c.id()));
            Tooltip.install(box, new Tooltip(c.id() + (now.contains(c.id()) ? " (in the incident)" : " (one call away)")
                    + "; click to open its detail"));
            nodes.put(c.id(), box);
            labels.put(c.id(), label);
            canvas.getChildren().add(box);
        }
        canvas.setPrefSize(layout.width() + 2 * MARGIN, layout.height() + 2 * MARGIN);
        this.canvas = canvas;
        setContent(new Group(canvas));
        fit();
        restyle();
    }

    /** Shrinks the drawing to the space it has (down to a readable limit), so the whole neighbourhood is in view. */
    private void fit() {
        if (canvas == null) {
            return;
        }
        double width = getViewportBounds().getWidth();
        double height = getViewportBounds().getHeight();
        double scale = 1;
        if (width > 0 && height > 0) {
            scale = Math.min(1, Math.min(width / canvas.getPrefWidth(), height / canvas.getPrefHeight()));
        }
        scale = Math.max(MIN_SCALE, scale);
        canvas.setScaleX(scale);
        canvas.setScaleY(scale);
    }

    /** Marks a call path (ids, symptom first); empty to clear it. */
    void highlight(List<String> callPath) {
        path = List.copyOf(callPath);
        restyle();
    }

    /** Opens a component's detail, as a click on its box does. */
    void open(String componentId) {
        StackPane node = nodes.get(componentId);
        if (node != null) {
            open.accept(componentId);
        }
    }

    /** Whether a component is drawn on the path (for tests and the panel). */
    boolean onPath(String componentId) {
        StackPane node = nodes.get(componentId);
        return node != null && node.getStyleClass().contains(Styles.INCIDENT_MAP_PATH);
    }

    private void restyle() {
        for (Map.Entry<String, StackPane> entry : nodes.entrySet()) {
            String id = entry.getKey();
            StackPane box = entry.getValue();
            HealthState state = health.apply(id);
            HealthStyles.apply(box, state);
            box.pseudoClassStateChanged(Styles.DIMMED, !members.contains(id));
            toggle(box.getStyleClass(), Styles.INCIDENT_MAP_PATH, path.contains(id));
            labels.get(id).setText(HealthStyles.letter(state) + "  " + id);
        }
        Set<String> pathEdges = new LinkedHashSet<>();
        for (int i = 0; i + 1 < path.size(); i++) {
            pathEdges.add(path.get(i) + ">" + path.get(i + 1));
            pathEdges.add(path.get(i + 1) + ">" + path.get(i));
        }
        edges.forEach((key, line) -> toggle(line.getStyleClass(), Styles.INCIDENT_MAP_PATH, pathEdges.contains(key)));
    }

    private static void toggle(List<String> classes, String styleClass, boolean on) {
        if (on && !classes.contains(styleClass)) {
            classes.add(styleClass);
        } else if (!on) {
            classes.remove(styleClass);
        }
    }

    /** The members, their callers and callees, and the primaries of any replicas among them, with their calls. */
    private Topology around(Set<String> incidentComponents) {
        Set<String> ids = new LinkedHashSet<>();
        // members first (in the order they joined), then their neighbours while there is room
        for (String id : incidentComponents) {
            if (topology.indexOf(id) >= 0 && ids.size() < MOST_SHOWN) {
                ids.add(id);
            }
        }
        for (String id : List.copyOf(ids)) {
            int index = topology.indexOf(id);
            for (int[] near : new int[][] {topology.callersOf(index), topology.calleesOf(index)}) {
                for (int n : near) {
                    if (ids.size() < MOST_SHOWN) {
                        ids.add(topology.component(n).id());
                    }
                }
            }
        }
        for (String id : List.copyOf(ids)) {
            topology.find(id).flatMap(Component::replicaOf).ifPresent(ids::add);
        }
        List<Component> components = new ArrayList<>();
        for (int i = 0; i < topology.size(); i++) {
            if (ids.contains(topology.component(i).id())) {
                components.add(topology.component(i));
            }
        }
        List<Dependency> calls = topology.dependencies().stream()
                .filter(d -> ids.contains(d.callerId()) && ids.contains(d.calleeId())).toList();
        return new Topology(topology.name() + " around the incident", components, calls);
    }
}
