package dev.firebreak.views.forecast;

import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.predict.Forecast;
import dev.firebreak.engine.predict.SeriesOutlook;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.SeriesSnapshot;
import dev.firebreak.styles.Styles;
import dev.firebreak.views.component.Decimator;
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
 * The forecast drawn on a canvas: the last hour left of "now", the horizon right of it; the point
 * forecast dashed inside its shaded prediction interval, the threshold as a line across both, and the
 * expected breach as a vertical mark.
 */
final class ForecastChart extends Region {

    private static final double TOP = 12;
    private static final double BOTTOM = 20;
    private static final double LEFT = 44;
    private static final double RIGHT = 12;

    private final ForecastViewModel viewModel;
    private final ThemePalette palette;
    private final Canvas canvas = new Canvas();

    ForecastChart(ForecastViewModel viewModel, ThemePalette palette) {
        this.viewModel = viewModel;
        this.palette = palette;
        setId("forecast-chart");
        getStyleClass().add(Styles.METRIC_CHART);
        getChildren().add(canvas);
        setPrefSize(900, 420);
        setMinSize(300, 200);
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
        if (w < 100 || h < 80) {
            return;
        }
        MetricName metric = viewModel.seriesProperty().get().metric();
        SeriesSnapshot history = viewModel.history();
        SeriesOutlook outlook = viewModel.outlookProperty().get();
        long horizon = viewModel.horizon().toSeconds();
        long now = history.isEmpty() ? 0 : history.epochSecondAt(history.size() - 1);
        long start = now - ForecastViewModel.HISTORY_SECONDS + 1;
        long end = now + horizon;
        double plotW = w - LEFT - RIGHT;
        double plotH = h - TOP - BOTTOM;

        double top = 0;
        for (double v : history.values()) {
            if (!Double.isNaN(v)) {
                top = Math.max(top, v);
            }
        }
        double threshold = outlook == null ? Double.NaN : outlook.threshold();
        if (outlook != null) {
            top = Math.max(top, threshold);
            for (double u : outlook.forecast().upper()) {
                top = Math.max(top, Math.min(u, threshold * 1.3));
            }
        }
        // A percentage cannot pass 100, so the interval beyond it is cut there rather than stretching the scale.
        boolean percent = metric.unit().equals("%");
        double ceiling = percent && (Double.isNaN(threshold) || threshold <= 100) ? 100 : Decimator.niceCeiling(top * 1.05);
        Scale s = new Scale(start, end, LEFT, plotW, TOP, plotH, ceiling);

        Color fg = palette.foreground();
        Color muted = palette.muted();
        g.setFont(Font.font(11));
        g.setStroke(muted.deriveColor(0, 1, 1, 0.3));
        g.setLineWidth(1);
        g.setFill(muted);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int k = 0; k <= 4; k++) {
            double value = ceiling * k / 4;
            double y = Math.round(s.y(value)) + 0.5;
            g.strokeLine(LEFT, y, w - RIGHT, y);
            g.fillText(format(value), LEFT - 4, y);
        }
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("-60 min", LEFT, h - 2);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("now", s.x(now), h - 2);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("+" + horizon / 60 + " min", w - RIGHT, h - 2);
        g.setStroke(muted);
        g.setLineDashes(2, 3);
        g.strokeLine(s.x(now), TOP, s.x(now), TOP + plotH);
        g.setLineDashes();

        drawHistory(g, history, s, (int) (s.x(now) - LEFT));
        if (outlook != null) {
            drawForecast(g, outlook, s);
            Color danger = palette.health(HealthState.CRITICAL);
            g.setStroke(danger);
            g.setLineWidth(1.5);
            g.setLineDashes(6, 4);
            double ty = s.y(threshold);
            g.strokeLine(LEFT, ty, w - RIGHT, ty);
            g.setLineDashes();
            g.setFill(danger);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText("threshold " + format(threshold) + " " + metric.unit(), LEFT + 4, ty - 2);
            outlook.breach().meanCrossingStep().ifPresent(step -> {
                double x = s.x(outlook.instantOfStep(step).getEpochSecond());
                g.setStroke(danger);
                g.setLineWidth(2);
                g.strokeLine(x, ty - 8, x, ty + 8);
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.TOP);
                g.fillText("breach", x, ty + 9);
            });
        } else {
            g.setFill(fg);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("forecast not ready yet", s.x(now + horizon / 2), TOP + plotH / 2);
        }
    }

    private void drawHistory(GraphicsContext g, SeriesSnapshot history, Scale s, int columns) {
        if (history.isEmpty() || columns < 1) {
            return;
        }
        int span = ForecastViewModel.HISTORY_SECONDS;
        double[] values = history.values();
        int count = Math.min(columns, span);
        Decimator.Columns c = Decimator.minMax(values, values.length - span, span, count);
        double width = (s.x(s.start + span) - s.x(s.start)) / count;
        g.setStroke(palette.accent());
        g.setLineWidth(1.4);
        g.beginPath();
        boolean drawing = false;
        for (int i = 0; i < count; i++) {
            if (Double.isNaN(c.min()[i])) {
                drawing = false;
                continue;
            }
            double x = LEFT + (i + 0.5) * width;
            if (drawing) {
                g.lineTo(x, s.y(c.max()[i]));
            } else {
                g.moveTo(x, s.y(c.max()[i]));
                drawing = true;
            }
            g.lineTo(x, s.y(c.min()[i]));
        }
        g.stroke();
    }

    private void drawForecast(GraphicsContext g, SeriesOutlook outlook, Scale s) {
        Forecast f = outlook.forecast();
        int n = f.horizon();
        double[] xs = new double[n + 1];
        double[] upper = new double[n + 1];
        double[] lower = new double[n + 1];
        double[] mean = new double[n + 1];
        double last = Double.isNaN(outlook.lastValue()) ? f.mean()[0] : outlook.lastValue();
        xs[0] = s.x(outlook.instantOfStep(0).getEpochSecond());
        upper[0] = lower[0] = mean[0] = s.y(last);
        for (int i = 0; i < n; i++) {
            xs[i + 1] = s.x(outlook.instantOfStep(i + 1).getEpochSecond());
            upper[i + 1] = s.y(Math.min(f.upper()[i], s.ceiling));
            lower[i + 1] = s.y(Math.max(f.lower()[i], 0));
            mean[i + 1] = s.y(Math.min(Math.max(f.mean()[i], 0), s.ceiling));
        }
        Color accent = palette.accent();
        g.setFill(accent.deriveColor(0, 1, 1, 0.18));
        g.beginPath();
        g.moveTo(xs[0], upper[0]);
        for (int i = 1; i <= n; i++) {
            g.lineTo(xs[i], upper[i]);
        }
        for (int i = n; i >= 0; i--) {
            g.lineTo(xs[i], lower[i]);
        }
        g.closePath();
        g.fill();
        g.setStroke(accent);
        g.setLineWidth(2);
        g.setLineDashes(5, 4);
        g.strokePolyline(xs, mean, n + 1);
        g.setLineDashes();
    }

    /** Maps epoch seconds and values to canvas coordinates. */
    private record Scale(long start, long end, double left, double width, double top, double height, double ceiling) {
        double x(long epochSecond) {
            return left + width * (epochSecond - start) / (double) (end - start);
        }

        double y(double value) {
            return top + height * (1 - value / ceiling);
        }
    }

    private static String format(double value) {
        double abs = Math.abs(value);
        if (abs >= 10_000) {
            return String.format(Locale.ROOT, "%.0fk", value / 1000);
        }
        if (abs >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (abs >= 1) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
