package dev.firebreak.views.healthmap;

import dev.firebreak.engine.topology.Component;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.styles.Styles;
import dev.firebreak.views.fx.HealthStyles;
import java.util.function.IntConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.StrokeLineCap;

/**
 * The dependency graph for small topologies: one styled box per component, laid out top-down by
 * {@link GraphLayout}, with an arrow from each caller down to each callee.
 */
final class GraphView extends ScrollPane {

    static final double NODE_WIDTH = 164;
    static final double NODE_HEIGHT = 30;
    private static final double LAYER_GAP = 46;
    private static final double SIBLING_GAP = 12;
    private static final double MARGIN = 16;
    private static final double ARROW = 7;

    private final HealthMapViewModel viewModel;
    private final StackPane[] nodes;
    private final Label[] labels;
    private final Label[] marks;

    GraphView(HealthMapViewModel viewModel, HoverCard hoverCard) {
        this.viewModel = viewModel;
        Topology topology = viewModel.topology();
        GraphLayout layout = GraphLayout.compute(topology, NODE_WIDTH, NODE_HEIGHT, LAYER_GAP, SIBLING_GAP);
        Pane canvas = new Pane();
        canvas.setPadding(new Insets(MARGIN));
        Group edges = new Group();
        canvas.getChildren().add(edges);
        nodes = new StackPane[topology.size()];
        labels = new Label[topology.size()];
        marks = new Label[topology.size()];
        for (int i = 0; i < topology.size(); i++) {
            for (int callee : topology.calleesOf(i)) {
                addEdge(edges, layout, i, callee);
            }
        }
        for (int i = 0; i < topology.size(); i++) {
            nodes[i] = node(topology.component(i), i, hoverCard);
            nodes[i].relocate(MARGIN + layout.x()[i], MARGIN + layout.y()[i]);
            canvas.getChildren().add(nodes[i]);
        }
        canvas.setPrefSize(layout.width() + 2 * MARGIN, layout.height() + 2 * MARGIN);
        setContent(canvas);
        setFitToWidth(true);
        setFitToHeight(true);
        setPannable(true);
        viewModel.revisionProperty().addListener((obs, old, now) -> update());
        viewModel.selectedIdProperty().addListener((obs, old, now) -> update());
        update();
    }

    private StackPane node(Component component, int index, HoverCard hoverCard) {
        Label label = new Label();
        label.setMaxWidth(NODE_WIDTH - 12);
        labels[index] = label;
        Label mark = new Label();
        mark.getStyleClass().add(Styles.INCIDENT_MARK);
        mark.setId("incident-mark-" + component.id());
        mark.setVisible(false);
        mark.setOnMouseClicked(e -> {
            viewModel.openIncident(index);
            e.consume();
        });
        StackPane.setAlignment(mark, Pos.TOP_RIGHT);
        marks[index] = mark;
        StackPane box = new StackPane(label, mark);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add(Styles.GRAPH_NODE);
        box.setPrefSize(NODE_WIDTH, NODE_HEIGHT);
        box.setMinSize(NODE_WIDTH, NODE_HEIGHT);
        box.setMaxSize(NODE_WIDTH, NODE_HEIGHT);
        box.setId("node-" + component.id());
        box.setOnMouseClicked(e -> viewModel.select(index));
        box.setOnMouseEntered(e -> hoverCard.show(viewModel.summary(index), box));
        box.setOnMouseExited(e -> hoverCard.hide());
        return box;
    }

    private void addEdge(Group edges, GraphLayout layout, int caller, int callee) {
        double x1 = MARGIN + layout.x()[caller] + NODE_WIDTH / 2;
        double y1 = MARGIN + layout.y()[caller] + NODE_HEIGHT;
        double x2 = MARGIN + layout.x()[callee] + NODE_WIDTH / 2;
        double y2 = MARGIN + layout.y()[callee] - 1;
        double bend = Math.min(LAYER_GAP, (y2 - y1) / 2);
        CubicCurve curve = new CubicCurve(x1, y1, x1, y1 + bend, x2, y2 - bend, x2, y2 - ARROW);
        curve.getStyleClass().add(Styles.GRAPH_EDGE);
        curve.setStyle("-fx-fill: transparent;");
        curve.setStrokeLineCap(StrokeLineCap.ROUND);
        Polygon head = new Polygon(x2, y2, x2 - ARROW / 2, y2 - ARROW, x2 + ARROW / 2, y2 - ARROW);
        head.getStyleClass().add(Styles.GRAPH_EDGE);
        edges.getChildren().addAll(curve, head);
    }

    private void update() {
        String selected = viewModel.selectedIdProperty().get();
        Topology topology = viewModel.topology();
        for (int i = 0; i < nodes.length; i++) {
            Component c = topology.component(i);
            HealthStyles.apply(nodes[i], viewModel.state(i));
            nodes[i].pseudoClassStateChanged(Styles.DIMMED, !viewModel.matches(i));
            boolean isSelected = c.id().equals(selected);
            if (isSelected != nodes[i].getStyleClass().contains(Styles.GRAPH_NODE_SELECTED)) {
                if (isSelected) {
                    nodes[i].getStyleClass().add(Styles.GRAPH_NODE_SELECTED);
                } else {
                    nodes[i].getStyleClass().remove(Styles.GRAPH_NODE_SELECTED);
                }
            }
            // The letter keeps states apart without relying on colour.
            labels[i].setText(HealthStyles.letter(viewModel.state(i)) + "  " + c.name());
            java.util.Optional<dev.firebreak.engine.incident.Incident> incident = viewModel.incidentOf(i);
            marks[i].setVisible(incident.isPresent());
            marks[i].setText(incident.map(inc -> inc.severity().name() + " " + inc.key()).orElse(""));
        }
    }
}
