package dev.firebreak.views.detection;

import dev.firebreak.engine.detect.Direction;
import dev.firebreak.engine.detect.composite.CompositeConfig.Mode;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.styles.Styles;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Detection settings: pick a metric kind, edit its detectors' parameters and the composite score,
 * see what is wrong while typing, Apply to the running detection or Reset to the defaults.
 */
public final class DetectionSettingsView extends BorderPane {

    private final DetectionSettingsViewModel viewModel;

    public DetectionSettingsView(DetectionSettingsViewModel viewModel) {
        this.viewModel = viewModel;
        setId("detection-settings");
        setTop(header());
        setCenter(form());
        setBottom(actions());
    }

    private Node header() {
        Label title = new Label("Detection settings");
        title.getStyleClass().add(Styles.SCREEN_TITLE);
        ChoiceBox<MetricName> metric = new ChoiceBox<>();
        metric.setId("settings-metric");
        metric.getItems().setAll(MetricName.values());
        metric.setConverter(converter(MetricName::label));
        metric.valueProperty().bindBidirectional(viewModel.metricProperty());
        metric.setTooltip(new Tooltip("The metric kind whose detectors you edit; settings apply to it on every component"));
        ChoiceBox<Mode> mode = new ChoiceBox<>();
        mode.setId("settings-mode");
        mode.getItems().setAll(Mode.values());
        mode.setConverter(converter(m -> m == Mode.WEIGHTED ? "Weighted families" : "Majority vote"));
        mode.valueProperty().bindBidirectional(viewModel.modeProperty());
        mode.setTooltip(new Tooltip("Weighted: families' scores by weight. Majority vote: share of detectors that fired"));
        ChoiceBox<Direction> direction = new ChoiceBox<>();
        direction.setId("settings-direction");
        direction.getItems().setAll(Direction.values());
        direction.setConverter(converter(d -> switch (d) {
            case BOTH -> "Above or below the band";
            case UP -> "Above the band";
            case DOWN -> "Below the band";
        }));
        direction.valueProperty().bindBidirectional(viewModel.directionProperty());
        direction.setTooltip(new Tooltip("Which side of the expected band is anomalous for this metric kind "
                + "(traffic that rises is load; errors and latency that fall are good news)"));
        Label hint = new Label("Changes are checked as you type and take effect on Apply.");
        hint.getStyleClass().add(Styles.MUTED);
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label metricLabel = new Label("Metric");
        metricLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label modeLabel = new Label("Severity mode");
        modeLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label directionLabel = new Label("Anomalous when");
        directionLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(10, title, metricLabel, metric, directionLabel, direction, modeLabel, mode);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(4, row, hint);
        header.setPadding(new Insets(0, 0, 8, 0));
        return header;
    }

    private Node form() {
        FlowPane columns = new FlowPane(24, 8);
        columns.setPadding(new Insets(4));
        for (Map.Entry<String, List<SettingField>> section : viewModel.sections().entrySet()) {
            columns.getChildren().add(section(section.getKey(), section.getValue()));
        }
        ScrollPane scroll = new ScrollPane(columns);
        scroll.setFitToWidth(true);
        columns.prefWrapLengthProperty().bind(scroll.widthProperty().subtract(20));
        return scroll;
    }

    private Node section(String title, List<SettingField> fields) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.SETTINGS_SECTION);
        GridPane grid = new GridPane();
        grid.getStyleClass().add(Styles.SETTINGS_FORM);
        ColumnConstraints labels = new ColumnConstraints(190);
        ColumnConstraints inputs = new ColumnConstraints(110);
        ColumnConstraints messages = new ColumnConstraints(150, 260, 300);
        messages.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, inputs, messages);
        int row = 0;
        VBox box = new VBox(2, heading);
        if (DetectionSettingsViewModel.isSwitchable(title)) {
            CheckBox on = new CheckBox("Run this detector on the metric");
            on.setId("settings-" + idOf(title) + "-on");
            on.selectedProperty().bindBidirectional(viewModel.detectorOnProperty(title));
            box.getChildren().add(on);
            grid.disableProperty().bind(viewModel.detectorOnProperty(title).not());
        }
        if (title.startsWith("Rate")) {
            CheckBox limited = new CheckBox("Limit the rate of change");
            limited.setId("settings-rate-limited");
            limited.selectedProperty().bindBidirectional(viewModel.rateLimitedProperty());
            CheckBox relative = new CheckBox("Limits are fractions (0.5 = 50 %)");
            relative.setId("settings-rate-relative");
            relative.selectedProperty().bindBidirectional(viewModel.rateRelativeProperty());
            relative.disableProperty().bind(viewModel.rateLimitedProperty().not());
            box.getChildren().addAll(limited, relative);
            grid.disableProperty().bind(viewModel.rateLimitedProperty().not());
        }
        if (title.startsWith("Baseline hold")) {
            CheckBox hold = new CheckBox("Hold the baseline while the series is anomalous");
            hold.setId("settings-hold-on");
            hold.selectedProperty().bindBidirectional(viewModel.holdOnProperty());
            Label note = new Label("""
                    Rolling, EWMA and IQR stop learning during an episode, so a
                    sustained fault stays anomalous; a level that lasts past the
                    accept time is learned as the new normal.""");
            note.getStyleClass().add(Styles.MUTED);
            box.getChildren().addAll(hold, note);
            grid.disableProperty().bind(viewModel.holdOnProperty().not());
        }
        if (title.startsWith("Minimum departure")) {
            Label note = new Label("""
                    A component pages (medium or worse) only on a finding at least
                    this far past its band's edge; findings nearer the edge show as
                    low. 0 and 0: any finding counts (ADR 0022).""");
            note.getStyleClass().add(Styles.MUTED);
            box.getChildren().add(note);
        }
        if (title.startsWith("Composite")) {
            // explicit lines, not wrapping: the flow pane sizes sections by their one-line preferred height
            Label note = new Label("""
                    Weights and mode hold for every metric, in each series' score
                    and the component's. ML and correlation judge whole components,
                    so a series' score leaves them out and renormalises the others.""");
            note.getStyleClass().add(Styles.MUTED);
            box.getChildren().add(note);
        }
        for (SettingField field : fields) {
            Label label = new Label(field.label());
            TextField input = new TextField();
            input.setId("settings-" + idOf(title) + "-" + field.key().toLowerCase(Locale.ROOT));
            input.textProperty().bindBidirectional(field.textProperty());
            Label message = new Label();
            message.setId(input.getId() + "-message");
            message.getStyleClass().add(Styles.VALIDATION_MESSAGE);
            message.textProperty().bind(field.messageProperty());
            message.setWrapText(true);
            field.messageProperty().addListener((obs, old, now) -> input.pseudoClassStateChanged(Styles.INVALID, !now.isEmpty()));
            input.pseudoClassStateChanged(Styles.INVALID, !field.isValid());
            grid.addRow(row++, label, input, message);
        }
        box.getChildren().add(grid);
        return box;
    }

    private static String idOf(String title) {
        return title.split("[ (]")[0].toLowerCase(Locale.ROOT).replace("±", "");
    }

    private Node actions() {
        Button apply = new Button("Apply");
        apply.setId("settings-apply");
        apply.setDefaultButton(true);
        apply.disableProperty().bind(viewModel.validProperty().not());
        apply.setOnAction(e -> viewModel.apply());
        Button reset = new Button("Reset to defaults");
        reset.setId("settings-reset");
        reset.setOnAction(e -> viewModel.resetToDefaults());
        Label formMessage = new Label();
        formMessage.setId("settings-form-message");
        formMessage.getStyleClass().add(Styles.VALIDATION_MESSAGE);
        formMessage.textProperty().bind(viewModel.formMessageProperty());
        Label status = new Label();
        status.setId("settings-status");
        status.getStyleClass().add(Styles.MUTED);
        status.textProperty().bind(viewModel.statusProperty());
        HBox row = new HBox(10, apply, reset, formMessage, status);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(8, 0, 0, 0));
        return row;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> toText) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : toText.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        };
    }

    public DetectionSettingsViewModel viewModel() {
        return viewModel;
    }
}
