package dev.firebreak.views.healthmap;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;

/**
 * The health map's hover card: a floating label with a component's key numbers, drawn inside the
 * map's overlay layer (not a popup window) so it also appears in snapshots and headless tests.
 */
final class HoverCard extends Pane {

    private final Label text = new Label();

    HoverCard() {
        setPickOnBounds(false);
        setMouseTransparent(true);
        text.getStyleClass().addAll("hover-card");
        text.setStyle("-fx-background-color: -color-bg-overlay; -fx-border-color: -color-border-default;"
                + " -fx-padding: 6 10 6 10; -fx-background-radius: 6; -fx-border-radius: 6;"
                + " -fx-effect: dropshadow(gaussian, -color-shadow-default, 8, 0.2, 0, 2);");
        text.setVisible(false);
        text.setManaged(false);
        getChildren().add(text);
    }

    /** Shows the card next to a node of the map. */
    void show(ComponentSummary summary, Node anchor) {
        Bounds b = anchor.localToScene(anchor.getBoundsInLocal());
        Point2D local = sceneToLocal(b.getMaxX() + 8, b.getMinY());
        showAt(summary, local.getX(), local.getY());
    }

    /** Shows the card near a point in this layer's coordinates, kept inside the layer. */
    void showAt(ComponentSummary summary, double x, double y) {
        text.setText(summary.describe());
        text.autosize();
        double w = text.getWidth();
        double h = text.getHeight();
        double left = x + w > getWidth() ? Math.max(0, x - w - 24) : x;
        double top = Math.max(0, Math.min(y, getHeight() - h));
        text.relocate(left, top);
        text.setVisible(true);
    }

    void hide() {
        text.setVisible(false);
    }

    boolean isShowing() {
        return text.isVisible();
    }

    String text() {
        return text.getText();
    }
}
