package dev.firebreak.views.healthmap;

import dev.firebreak.engine.health.HealthState;
import dev.firebreak.styles.Styles;
import dev.firebreak.views.fx.HealthStyles;
import dev.firebreak.views.fx.ThemePalette;
import dev.firebreak.views.healthmap.HealthMapViewModel.GroupBy;
import dev.firebreak.views.healthmap.HealthMapViewModel.LayoutMode;
import dev.firebreak.views.healthmap.HealthMapViewModel.StateFilter;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/** The health map screen: filters on top, the graph or the dense grid below, a legend at the bottom. */
public final class HealthMapView extends BorderPane {

    private final HealthMapViewModel viewModel;
    private final TextField search = new TextField();
    private final StackPane centre = new StackPane();
    private final HoverCard hoverCard = new HoverCard();
    private final ThemePalette palette = new ThemePalette();
    private GraphView graphView;
    private DenseGridView denseView;

    public HealthMapView(HealthMapViewModel viewModel) {
        this.viewModel = viewModel;
        setId("health-map");
        setTop(filters());
        centre.getChildren().add(hoverCard);
        setCenter(centre);
        setBottom(legend());
        getChildren().add(palette);
        viewModel.effectiveLayoutProperty().addListener((obs, old, now) -> showLayout(now));
        showLayout(viewModel.effectiveLayoutProperty().get());
    }

    private Node filters() {
        search.setId("health-search");
        search.setPromptText("Search id, name, team, kind");
        search.setPrefColumnCount(22);
        search.textProperty().bindBidirectional(viewModel.searchProperty());
        search.setTooltip(new Tooltip("Filter components; non-matching ones are dimmed (Ctrl+F)"));

        ChoiceBox<StateFilter> states = new ChoiceBox<>();
        states.setId("health-state-filter");
        states.getItems().setAll(StateFilter.values());
        states.valueProperty().bindBidirectional(viewModel.stateFilterProperty());

        ChoiceBox<GroupBy> groupBy = new ChoiceBox<>();
        groupBy.setId("health-group-by");
        groupBy.getItems().setAll(GroupBy.values());
        groupBy.valueProperty().bindBidirectional(viewModel.groupByProperty());
        groupBy.disableProperty().bind(viewModel.effectiveLayoutProperty().isNotEqualTo(LayoutMode.DENSE));
        groupBy.setTooltip(new Tooltip("Group the dense grid by tier, team or kind"));

        ChoiceBox<LayoutMode> layout = new ChoiceBox<>();
        layout.setId("health-layout");
        layout.getItems().setAll(LayoutMode.values());
        layout.valueProperty().bindBidirectional(viewModel.layoutModeProperty());
        layout.setTooltip(new Tooltip("Auto shows the dependency graph up to "
                + HealthMapViewModel.DENSE_THRESHOLD + " components and the dense grid above"));

        HBox bar = new HBox(8, search, fixed("Show"), states, fixed("Group by"), groupBy, fixed("Layout"), layout);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 8, 0));
        return bar;
    }

    private static Label fixed(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private Node legend() {
        HBox legend = new HBox(10);
        legend.setAlignment(Pos.CENTER_LEFT);
        legend.setPadding(new Insets(8, 0, 0, 0));
        for (HealthState state : HealthState.values()) {
            Label badge = new Label(HealthStyles.letter(state));
            badge.getStyleClass().add(Styles.HEALTH_BADGE);
            HealthStyles.apply(badge, state);
            HBox entry = new HBox(4, badge, fixed(HealthStyles.word(state)));
            entry.setAlignment(Pos.CENTER_LEFT);
            entry.setMinWidth(Region.USE_PREF_SIZE);
            legend.getChildren().add(entry);
        }
        Label marks = new Label("Grid marks: ✕ failed  ! critical  / degraded  • recovering");
        marks.getStyleClass().add(Styles.MUTED);
        Label summary = new Label();
        summary.setId("health-summary");
        summary.setMinWidth(Region.USE_PREF_SIZE);
        summary.textProperty().bind(viewModel.summaryProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        legend.getChildren().addAll(marks, spacer, summary);
        return legend;
    }

    private void showLayout(LayoutMode mode) {
        hoverCard.hide();
        Node view;
        if (mode == LayoutMode.DENSE) {
            if (denseView == null) {
                denseView = new DenseGridView(viewModel, palette, hoverCard);
            }
            view = denseView;
        } else {
            if (graphView == null) {
                graphView = new GraphView(viewModel, hoverCard);
            }
            view = graphView;
        }
        centre.getChildren().setAll(view, hoverCard);
        if (denseView != null && view == denseView) {
            denseView.redraw();
        }
    }

    /** Puts keyboard focus in the search field (Ctrl+F). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /** Scene coordinates of a component on screen, for tests and screenshots that click it. */
    public Point2D locate(int index) {
        if (viewModel.effectiveLayoutProperty().get() == LayoutMode.DENSE) {
            return denseView.centreOf(index);
        }
        Node node = graphView.lookup("#node-" + viewModel.topology().component(index).id());
        var b = node.localToScene(node.getBoundsInLocal());
        return new Point2D(b.getCenterX(), b.getCenterY());
    }

    /** Shows the hover card for a component as if the mouse were on it; used by screenshots. */
    public void showHoverCard(int index) {
        Point2D p = centre.sceneToLocal(locate(index));
        hoverCard.showAt(viewModel.summary(index), p.getX() + 14, p.getY());
    }

    public HealthMapViewModel viewModel() {
        return viewModel;
    }
}
