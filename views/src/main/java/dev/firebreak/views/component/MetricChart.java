package dev.firebreak.views.component;

import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.detect.history.DetectionHistory;
import dev.firebreak.engine.detect.history.SeriesVerdict;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.SeriesSnapshot;
import dev.firebreak.styles.Styles;
import dev.firebreak.views.fx.ThemePalette;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A small live chart of one metric, drawn on a canvas: min/max per pixel column (see
 * {@link Decimator}) over a window ending at the newest sample, so it scrolls as simulated time moves
 * and costs the same whatever the sample count. Behind the line, detection's expected band is shaded;
 * anomalous samples carry a dot coloured by severity (click one for its explanation); a thin strip
 * under the plot shows the anomaly score, 0 to 1, with a tick at the medium line (0.5).
 */
final class MetricChart extends Region {

    private static final double TOP = 22;
    private static final double BOTTOM = 16;
    private static final double LEFT = 6;
    private static final double RIGHT = 6;
    private static final double STRIP = 14;
    private static final double STRIP_GAP = 4;
    private static final double MARK_RADIUS = 3.5;
    private static final double HIT_RADIUS = 8;

    /** A drawn marker and where, for hit-testing clicks. */
    private record DrawnMark(SeriesVerdict mark, double x, double y) {
    }

    private final ComponentDetailViewModel viewModel;
    private final MetricName metric;
    private final ThemePalette palette;
    private final Canvas canvas = new Canvas();
    private final List<DrawnMark> drawnMarks = new ArrayList<>();
    private double markedMomentX = Double.NaN;

    MetricChart(ComponentDetailViewModel viewModel, MetricName metric, ThemePalette palette) {
        this.viewModel = viewModel;
        this.metric = metric;
        this.palette = palette;
        getStyleClass().add(Styles.METRIC_CHART);
        setId("chart-" + metric.name().toLowerCase(Locale.ROOT));
        getChildren().add(canvas);
        setPrefSize(340, 150);
        setMinSize(200, 110);
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> markAt(e.getX(), e.getY()));
        viewModel.selectedMarkProperty().addListener((obs, old, now) -> redraw());
        viewModel.markedMomentProperty().addListener((obs, old, now) -> redraw());
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

    /** Selects the marker nearest to a point of the chart (or clears the selection if none is close). */
    void markAt(double x, double y) {
        DrawnMark best = null;
        double bestDistance = HIT_RADIUS;
        for (DrawnMark d : drawnMarks) {
            double distance = Math.hypot(d.x() - x, d.y() - y);
            if (distance <= bestDistance) {
                best = d;
                bestDistance = distance;
            }
        }
        viewModel.selectMark(best == null ? null : best.mark());
    }

    /** Where a marker is drawn, in the chart's coordinates, for tests that click it; null if not drawn. */
    double[] markPosition(SeriesVerdict mark) {
        for (DrawnMark d : drawnMarks) {
            if (d.mark().equals(mark)) {
                return new double[] {d.x(), d.y()};
            }
        }
        return null;
    }

    /** The markers drawn at the last redraw, oldest first. */
    List<SeriesVerdict> drawnMarks() {
        return drawnMarks.stream().map(DrawnMark::mark).toList();
    }

    void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        drawnMarks.clear();
        if (w < 40 || h < 60) {
            return;
        }
        int span = viewModel.windowSeconds();
        SeriesSnapshot snapshot = viewModel.window(metric, span);
        DetectionHistory.Trace trace = viewModel.detection(metric, span);
        long firstSecond = viewModel.newestEpochSecond() - span + 1;
        double[] values = snapshot.values();
        int plotWidth = (int) (w - LEFT - RIGHT);
        double plotHeight = h - TOP - BOTTOM - STRIP - STRIP_GAP;
        // Never more columns than samples: empty columns between samples would break the line into dots.
        int columnCount = Math.max(1, Math.min(plotWidth, span));
        double columnWidth = plotWidth / (double) columnCount;
        Decimator.Columns columns = Decimator.minMax(values, values.length - span, span, columnCount);
        int traceFrom = trace.size() - span;
        Decimator.Columns low = Decimator.minMax(trace.low(), traceFrom, span, columnCount);
        Decimator.Columns high = Decimator.minMax(trace.high(), traceFrom, span, columnCount);
        Decimator.Columns score = Decimator.minMax(trace.score(), traceFrom, span, columnCount);
        double top = 0;
        double latest = Double.NaN;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                top = Math.max(top, v);
                latest = v;
            }
        }
        double bandTop = 0;
        for (int c = 0; c < columnCount; c++) {
            if (!Double.isNaN(high.max()[c])) {
                bandTop = Math.max(bandTop, high.max()[c]);
            }
        }
        // The band may widen the scale, but not so far that a wide early band flattens the line.
        top = Math.max(top, Math.min(bandTop, top * 1.5));
        // Percentages read best on a 0-100 scale whenever they fit in it.
        double ceiling = metric.unit().equals("%") && top <= 100 ? 100 : Decimator.niceCeiling(top * 1.05);
        Color fg = palette.foreground();
        Color muted = palette.muted();

        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.CENTER);
        g.setFill(fg);
        g.setTextAlign(TextAlignment.LEFT);
        String title = metric.label() + "  ·  " + (Double.isNaN(latest) ? "no data" : format(latest) + " " + metric.unit());
        g.fillText(title, LEFT, 10);

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
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("anomaly score", w / 2, h - 1);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("now", w - RIGHT, h - 1);

        drawBand(g, low, high, columnWidth, plotHeight, ceiling);
        drawLine(g, columns, columnWidth, plotHeight, ceiling);
        drawScoreStrip(g, score, columnWidth, TOP + plotHeight + STRIP_GAP, w);
        drawMarks(g, trace.marks(), firstSecond, span, columnCount, columnWidth, plotHeight, ceiling);
        drawMarkedMoment(g, firstSecond, span, columnCount, columnWidth, plotHeight);
    }

    /** A dashed vertical line at the marked moment (a probable cause's onset), if it is inside the window. */
    private void drawMarkedMoment(GraphicsContext g, long firstSecond, int span, int columnCount, double columnWidth,
            double plotHeight) {
        java.time.Instant moment = viewModel.markedMomentProperty().get();
        markedMomentX = Double.NaN;
        if (moment == null) {
            return;
        }
        long offset = moment.getEpochSecond() - firstSecond;
        if (offset < 0 || offset >= span) {
            return;
        }
        double x = LEFT + (offset * columnCount / (double) span + 0.5) * columnWidth;
        markedMomentX = x;
        g.setStroke(palette.foreground());
        g.setLineWidth(1.2);
        g.setLineDashes(4, 3);
        g.strokeLine(x, TOP, x, TOP + plotHeight);
        g.setLineDashes();
        g.setFill(palette.foreground());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("onset", x + 3, TOP + 1);
    }

    /** Where the marked moment is drawn, in the chart's coordinates; NaN if not drawn (for tests). */
    double markedMomentX() {
        return markedMomentX;
    }

    private void drawBand(GraphicsContext g, Decimator.Columns low, Decimator.Columns high, double columnWidth,
            double plotHeight, double ceiling) {
        g.setFill(palette.accent().deriveColor(0, 1, 1, 0.16));
        for (int c = 0; c < low.size(); c++) {
            double lo = low.min()[c];
            double hi = high.max()[c];
            if (Double.isNaN(lo) || Double.isNaN(hi)) {
                continue;
            }
            double yHi = y(Math.min(hi, ceiling), plotHeight, ceiling);
            double yLo = y(Math.max(lo, 0), plotHeight, ceiling);
            g.fillRect(LEFT + c * columnWidth, yHi, Math.max(1, columnWidth + 0.5), Math.max(1, yLo - yHi));
        }
    }

    private void drawLine(GraphicsContext g, Decimator.Columns columns, double columnWidth, double plotHeight,
            double ceiling) {
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
            double yMax = y(columns.max()[c], plotHeight, ceiling);
            double yMin = y(columns.min()[c], plotHeight, ceiling);
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

    private void drawScoreStrip(GraphicsContext g, Decimator.Columns score, double columnWidth, double stripTop,
            double w) {
        g.setFill(palette.muted().deriveColor(0, 1, 1, 0.12));
        g.fillRect(LEFT, stripTop, w - LEFT - RIGHT, STRIP);
        for (int c = 0; c < score.size(); c++) {
            double s = score.max()[c];
            if (Double.isNaN(s) || s <= 0) {
                continue;
            }
            g.setFill(severityColour(Severity.ofScore(s)));
            double height = Math.max(1, STRIP * Math.min(1, s));
            g.fillRect(LEFT + c * columnWidth, stripTop + STRIP - height, Math.max(1, columnWidth + 0.5), height);
        }
        g.setStroke(palette.muted().deriveColor(0, 1, 1, 0.5));
        g.setLineWidth(0.5);
        double medium = Math.round(stripTop + STRIP * (1 - Severity.MEDIUM.scoreAbove())) + 0.5;
        g.strokeLine(LEFT, medium, w - RIGHT, medium);
    }

    private void drawMarks(GraphicsContext g, List<SeriesVerdict> marks, long firstSecond, int span, int columnCount,
            double columnWidth, double plotHeight, double ceiling) {
        SeriesVerdict chosen = viewModel.selectedMarkProperty().get();
        SeriesVerdict selected = chosen != null && chosen.key().metric() == metric ? chosen : null;
        int lastColumn = -1;
        for (SeriesVerdict mark : marks) {
            long slot = mark.epochSecond() - firstSecond;
            if (slot < 0 || slot >= span || Double.isNaN(mark.observed())) {
                continue;
            }
            int column = (int) (slot * columnCount / span);
            double x = LEFT + (column + 0.5) * columnWidth;
            double y = y(Math.min(mark.observed(), ceiling), plotHeight, ceiling);
            // One dot per column keeps long anomalies readable; the worst or the latest of a column wins.
            if (column == lastColumn && !drawnMarks.isEmpty()
                    && !mark.severity().isAtLeast(drawnMarks.getLast().mark().severity())) {
                continue;
            }
            if (column == lastColumn && !drawnMarks.isEmpty()) {
                drawnMarks.removeLast();
            }
            drawnMarks.add(new DrawnMark(mark, x, y));
            lastColumn = column;
        }
        if (selected != null && drawnMarks.stream().noneMatch(d -> d.mark().equals(selected))) {
            long slot = selected.epochSecond() - firstSecond;
            if (slot >= 0 && slot < span) {
                int column = (int) (slot * columnCount / span);
                drawnMarks.add(new DrawnMark(selected, LEFT + (column + 0.5) * columnWidth,
                        y(Math.min(selected.observed(), ceiling), plotHeight, ceiling)));
            }
        }
        for (DrawnMark d : drawnMarks) {
            g.setFill(severityColour(d.mark().severity()));
            g.fillOval(d.x() - MARK_RADIUS, d.y() - MARK_RADIUS, 2 * MARK_RADIUS, 2 * MARK_RADIUS);
            if (d.mark().equals(selected)) {
                g.setStroke(palette.foreground());
                g.setLineWidth(1.5);
                g.strokeOval(d.x() - MARK_RADIUS - 3, d.y() - MARK_RADIUS - 3, 2 * MARK_RADIUS + 6, 2 * MARK_RADIUS + 6);
            }
        }
    }

    /** Severity shares the health palette: medium looks like degraded, high like critical, critical like failed. */
    private Color severityColour(Severity severity) {
        return switch (severity) {
            case CRITICAL -> palette.health(HealthState.FAILED);
            case HIGH -> palette.health(HealthState.CRITICAL);
            case MEDIUM -> palette.health(HealthState.DEGRADED);
            case LOW, INFO -> palette.health(HealthState.RECOVERING).deriveColor(0, 1, 1, 0.6);
            case NONE -> palette.muted().deriveColor(0, 1, 1, 0.5);
        };
    }

    private static double y(double value, double plotHeight, double ceiling) {
        return TOP + plotHeight * (1 - value / ceiling);
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
