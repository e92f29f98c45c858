package dev.firebreak.views.healthmap;

import dev.firebreak.engine.health.HealthState;
import dev.firebreak.views.fx.ThemePalette;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The health map for large topologies: one small square per component, grouped under headings, drawn
 * on a single canvas (thousands of nodes would make every pulse slow). Failed and critical squares
 * carry a mark (cross, bang) and degraded ones a stripe, so states do not depend on colour alone.
 */
final class DenseGridView extends ScrollPane {

    static final double CELL = 13;
    static final double GAP = 2;
    private static final double HEADER = 24;
    private static final double MARGIN = 10;
    private static final double DIMMED_ALPHA = 0.15;

    private final HealthMapViewModel viewModel;
    private final ThemePalette palette;
    private final Canvas canvas = new Canvas();
    private final Pane holder = new Pane(canvas);
    private final double[] cellX;
    private final double[] cellY;
    private double laidOutWidth = -1;
    private int hovered = -1;

    DenseGridView(HealthMapViewModel viewModel, ThemePalette palette, HoverCard hoverCard) {
        this.viewModel = viewModel;
        this.palette = palette;
        this.cellX = new double[viewModel.size()];
        this.cellY = new double[viewModel.size()];
        setContent(holder);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        viewportBoundsProperty().addListener((obs, old, now) -> {
            if (now.getWidth() != laidOutWidth) {
                redraw();
            }
        });
        viewModel.revisionProperty().addListener((obs, old, now) -> redraw());
        viewModel.selectedIdProperty().addListener((obs, old, now) -> redraw());
        palette.onChange(this::redraw);
        canvas.setOnMouseMoved(e -> {
            int index = indexAt(e.getX(), e.getY());
            if (index != hovered) {
                hovered = index;
                if (index < 0) {
                    hoverCard.hide();
                } else {
                    javafx.geometry.Point2D p = hoverCard.sceneToLocal(canvas.localToScene(cellX[index] + CELL, cellY[index]));
                    hoverCard.showAt(viewModel.summary(index), p.getX() + 6, p.getY());
                }
            }
        });
        canvas.setOnMouseExited(e -> {
            hovered = -1;
            hoverCard.hide();
        });
        canvas.setOnMouseClicked(e -> {
            int index = indexAt(e.getX(), e.getY());
            if (index >= 0) {
                viewModel.select(index);
            }
        });
    }

    /** The component under a canvas point, or -1. */
    int indexAt(double x, double y) {
        for (int i = 0; i < cellX.length; i++) {
            if (x >= cellX[i] && x < cellX[i] + CELL && y >= cellY[i] && y < cellY[i] + CELL) {
                return i;
            }
        }
        return -1;
    }

    /** Canvas position (centre) of a component's square; for tests that click it. */
    javafx.geometry.Point2D centreOf(int index) {
        return canvas.localToScene(cellX[index] + CELL / 2, cellY[index] + CELL / 2);
    }

    void redraw() {
        double width = getViewportBounds().getWidth();
        if (width <= 0) {
            width = Math.max(getWidth(), 600);
        }
        laidOutWidth = getViewportBounds().getWidth();
        List<HealthMapViewModel.Group> groups = viewModel.groups();
        int columns = Math.max(8, (int) ((width - 2 * MARGIN + GAP) / (CELL + GAP)));
        double y = MARGIN;
        double[] headerY = new double[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            headerY[g] = y;
            y += HEADER;
            int[] members = groups.get(g).members();
            for (int k = 0; k < members.length; k++) {
                cellX[members[k]] = MARGIN + (k % columns) * (CELL + GAP);
                cellY[members[k]] = y + (k / columns) * (CELL + GAP);
            }
            y += Math.ceil(members.length / (double) columns) * (CELL + GAP) + 6;
        }
        double height = y + MARGIN;
        canvas.setWidth(width);
        canvas.setHeight(height);
        holder.setPrefSize(width, height);
        draw(groups, headerY);
    }

    private void draw(List<HealthMapViewModel.Group> groups, double[] headerY) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        Color background = palette.background();
        Color foreground = palette.foreground();
        g.setGlobalAlpha(1);
        g.setFill(background);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Font.font(null, FontWeight.BOLD, 12));
        Color[] colours = new Color[HealthState.values().length];
        for (HealthState s : HealthState.values()) {
            colours[s.ordinal()] = palette.health(s);
        }
        String selected = viewModel.selectedIdProperty().get();
        for (int gi = 0; gi < groups.size(); gi++) {
            HealthMapViewModel.Group group = groups.get(gi);
            g.setGlobalAlpha(1);
            g.setFill(palette.muted());
            g.fillText(header(group), MARGIN, headerY[gi] + HEADER / 2);
            for (int i : group.members()) {
                HealthState state = viewModel.state(i);
                g.setGlobalAlpha(viewModel.matches(i) ? 1 : DIMMED_ALPHA);
                g.setFill(colours[state.ordinal()]);
                g.fillRect(cellX[i], cellY[i], CELL, CELL);
                mark(g, state, cellX[i], cellY[i], background);
            }
        }
        g.setGlobalAlpha(1);
        if (selected != null) {
            int index = viewModel.topology().indexOf(selected);
            if (index >= 0) {
                g.setStroke(palette.accent());
                g.setLineWidth(2.5);
                g.strokeRect(cellX[index] - 2, cellY[index] - 2, CELL + 4, CELL + 4);
                g.setStroke(foreground);
                g.setLineWidth(1);
            }
        }
    }

    private String header(HealthMapViewModel.Group group) {
        int unhealthy = 0;
        for (int i : group.members()) {
            if (viewModel.state(i) != HealthState.HEALTHY) {
                unhealthy++;
            }
        }
        return String.format(Locale.ROOT, "%s  —  %,d components%s", group.title(), group.members().length,
                unhealthy == 0 ? "" : String.format(Locale.ROOT, ", %,d not healthy", unhealthy));
    }

    /** Shape marks so states differ by more than hue. */
    private static void mark(GraphicsContext g, HealthState state, double x, double y, Color ink) {
        g.setStroke(ink);
        g.setFill(ink);
        switch (state) {
            case FAILED -> {
                g.setLineWidth(2);
                g.strokeLine(x + 3, y + 3, x + CELL - 3, y + CELL - 3);
                g.strokeLine(x + CELL - 3, y + 3, x + 3, y + CELL - 3);
            }
            case CRITICAL -> {
                g.fillRect(x + CELL / 2 - 1, y + 2, 2, CELL - 7);
                g.fillRect(x + CELL / 2 - 1, y + CELL - 4, 2, 2);
            }
            case DEGRADED -> {
                g.setLineWidth(1.5);
                g.strokeLine(x + 2, y + CELL - 2, x + CELL - 2, y + 2);
            }
            case RECOVERING -> g.fillOval(x + CELL / 2 - 2, y + CELL / 2 - 2, 4, 4);
            case HEALTHY -> {
                // Plain square: the common case stays quiet.
            }
        }
    }
}
