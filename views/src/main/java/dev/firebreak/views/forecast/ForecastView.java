package dev.firebreak.views.forecast;

import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.styles.Styles;
import dev.firebreak.views.fx.ThemePalette;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Forecast of one series: a series picker, the chart, and the breach and risk in words. */
public final class ForecastView extends BorderPane {

    private final ForecastViewModel viewModel;
    private final ThemePalette palette = new ThemePalette();
    private final ForecastChart chart;

    public ForecastView(ForecastViewModel viewModel) {
        this.viewModel = viewModel;
        this.chart = new ForecastChart(viewModel, palette);
        setId("forecast");
        setTop(header());
        setCenter(chart);
        getChildren().add(palette);
        viewModel.revisionProperty().addListener((obs, old, now) -> chart.redraw());
        palette.onChange(chart::redraw);
    }

    private Node header() {
        Label title = new Label("Forecast");
        title.getStyleClass().add(Styles.SCREEN_TITLE);
        ComboBox<SeriesKey> series = new ComboBox<>();
        series.setId("forecast-series");
        series.getItems().setAll(viewModel.choices());
        series.setVisibleRowCount(16);
        series.setConverter(new StringConverter<>() {
            @Override
            public String toString(SeriesKey key) {
                return key == null ? "" : key.componentId() + " · " + key.metric().label();
            }

            @Override
            public SeriesKey fromString(String text) {
                throw new UnsupportedOperationException("series are picked, not typed");
            }
        });
        series.setValue(viewModel.seriesProperty().get());
        series.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.select(now);
            }
        });
        viewModel.seriesProperty().addListener((obs, old, now) -> series.setValue(now));
        series.setTooltip(new Tooltip("Series with a breach threshold"));
        Label horizon = new Label("horizon " + viewModel.horizon().toMinutes() + " min, updated every step");
        horizon.getStyleClass().add(Styles.MUTED);
        HBox top = new HBox(10, title, series, horizon);
        top.setAlignment(Pos.CENTER_LEFT);

        Label breach = new Label();
        breach.setId("forecast-breach");
        breach.setStyle("-fx-font-size: 1.15em; -fx-font-weight: bold;");
        breach.textProperty().bind(viewModel.breachTextProperty());
        Label risk = new Label();
        risk.setId("forecast-risk");
        risk.textProperty().bind(viewModel.riskTextProperty());
        VBox header = new VBox(6, top, breach, risk);
        header.setPadding(new Insets(0, 0, 8, 0));
        return header;
    }

    public ForecastViewModel viewModel() {
        return viewModel;
    }
}
