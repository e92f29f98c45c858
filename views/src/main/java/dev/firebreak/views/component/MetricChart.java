package dev.firebreak.views.component;

import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.SeriesSnapshot;
import dev.firebreak.styles.Styles;
import dev.firebreak.views.fx.ThemePalette;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A small live chart of one metric, drawn on a canvas: min/max per pixel column (see
 * {@link Decimator}) over a window ending at the newest sample, so it scrolls as simulated time moves
 * and costs the same whatever the sample count.
 */
final class MetricChart extends Region {

    private static final double TOP = 22;
    private static final double BOTTOM = 16;
    private static final double LEFT = 6;
    private static final double RIGHT = 6;

    private final ComponentDetailViewModel viewModel;
    private final MetricName metric;
    private final ThemePalette palette;
    private final Canvas canvas = new Canvas();

    MetricChart(ComponentDetailViewModel viewModel, MetricName metric, ThemePalette palette) {
        this.viewModel = viewModel;
        this.metric = metric;
        this.palette = palette;
        getStyleClass().add(Styles.METRIC_CHART);
        setId("chart-" + metric.name().toLowerCase(Locale.ROOT));
        getChildren().add(canvas);
        setPrefSize(340, 130);
        setMinSize(200, 100);
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w < 40 || h < 40) {
            return;
        }
        int span = viewModel.windowSeconds();
        SeriesSnapshot snapshot = viewModel.window(metric, span);
        double[] values = snapshot.values();
        int plotWidth = (int) (w - LEFT - RIGHT);
        double plotHeight = h - TOP - BOTTOM;
        // Never more columns than samples: empty columns between samples would break the line into dots.
        int columnCount = Math.max(1, Math.min(plotWidth, span));
        double columnWidth = plotWidth / (double) columnCount;
        Decimator.Columns columns = Decimator.minMax(values, values.length - span, span, columnCount);
        double top = 0;
        double latest = Double.NaN;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                top = Math.max(top, values[i]);
                latest = values[i];
            }
        }
        // Percentages read best on a 0-100 scale whenever they fit in it.
        double ceiling = metric.unit().equals("%") && top <= 100 ? 100 : Decimator.niceCeiling(top * 1.05);
        Color fg = palette.foreground();
        Color muted = palette.muted();

        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.CENTER);
        g.setFill(fg);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(metric.label(), LEFT, 10);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(Double.isNaN(latest) ? "no data" : format(latest) + " " + metric.unit(), w - RIGHT, 10);

        g.setStroke(muted.deriveColor(0, 1, 1, 0.35));
        g.setLineWidth(1);
        for (int k = 0; k <= 2; k++) {
            double y = Math.round(TOP + plotHeight * k / 2.0) + 0.5;
            g.strokeLine(LEFT, y, w - RIGHT, y);
        }
        g.setFill(muted);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(format(ceiling), LEFT + 2, TOP + 1);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("-" + (span / 60) + " min", LEFT, h - 1);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("now", w - RIGHT, h - 1);

        g.setStroke(palette.accent());
        g.setLineWidth(1.4);
        g.beginPath();
        boolean drawing = false;
        for (int c = 0; c < columns.size(); c++) {
            if (Double.isNaN(columns.min()[c])) {
                drawing = false;
                continue;
            }
            double x = LEFT + (c + 0.5) * columnWidth;
            double yMax = TOP + plotHeight * (1 - columns.max()[c] / ceiling);
            double yMin = TOP + plotHeight * (1 - columns.min()[c] / ceiling);
            if (drawing) {
                g.lineTo(x, yMax);
            } else {
                g.moveTo(x, yMax);
                drawing = true;
            }
            g.lineTo(x, yMin);
        }
        g.stroke();
    }

    private static String format(double value) {
        double abs = Math.abs(value);
        if (abs >= 10_000) {
            return String.format(Locale.ROOT, "%.0fk", value / 1000);
        }
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (abs >= 1) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
