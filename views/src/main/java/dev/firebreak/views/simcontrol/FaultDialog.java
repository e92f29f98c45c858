package dev.firebreak.views.simcontrol;

import dev.firebreak.engine.fault.ActiveFault;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.styles.Styles;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;

/**
 * "Inject fault": target (searchable), type, magnitude in the type's unit, peer (only for faults
 * between two components), duration and start. OK stays disabled, with the reason shown, until the
 * input makes a valid fault; on OK the fault is injected and returned.
 */
public final class FaultDialog extends Dialog<ActiveFault> {

    /** Matches shown in the target list while typing; more would make the popup useless. */
    private static final int MAX_SUGGESTIONS = 60;

    public static final ButtonType INJECT = new ButtonType("Inject", ButtonBar.ButtonData.OK_DONE);

    private final FaultDialogViewModel viewModel;

    public FaultDialog(FaultDialogViewModel viewModel) {
        this.viewModel = viewModel;
        setTitle("Inject fault");
        setHeaderText("Inject a fault into the running simulation");
        getDialogPane().setId("fault-dialog");
        getDialogPane().getButtonTypes().setAll(INJECT, ButtonType.CANCEL);
        getDialogPane().setContent(form());
        Node ok = getDialogPane().lookupButton(INJECT);
        ok.setId("fault-inject");
        ok.disableProperty().bind(viewModel.validProperty().not());
        setResultConverter(button -> button == INJECT ? viewModel.inject() : null);
    }

    private Node form() {
        ComboBox<String> target = new ComboBox<>();
        target.setId("fault-target");
        target.setEditable(true);
        target.setPrefWidth(280);
        target.getEditor().setText(viewModel.targetProperty().get());
        target.getItems().setAll(suggestions(viewModel.targetProperty().get()));
        target.getEditor().textProperty().addListener((obs, old, now) -> {
            viewModel.targetProperty().set(now);
            List<String> matches = suggestions(now);
            if (!matches.equals(target.getItems())) {
                target.getItems().setAll(matches);
            }
        });
        target.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(target.getEditor().getText())) {
                target.getEditor().setText(now);
            }
        });

        ChoiceBox<FaultType> type = new ChoiceBox<>();
        type.setId("fault-type");
        type.getItems().setAll(viewModel.types());
        type.setConverter(new StringConverter<>() {
            @Override
            public String toString(FaultType t) {
                return t == null ? "" : t.label();
            }

            @Override
            public FaultType fromString(String s) {
                return FaultType.parse(s);
            }
        });
        type.valueProperty().bindBidirectional(viewModel.typeProperty());

        Label magnitudeLabel = new Label();
        magnitudeLabel.textProperty().bind(viewModel.magnitudeLabelProperty());
        TextField magnitude = new TextField();
        magnitude.setId("fault-magnitude");
        magnitude.textProperty().bindBidirectional(viewModel.magnitudeProperty());

        ChoiceBox<String> peer = new ChoiceBox<>(viewModel.peerChoices());
        peer.setId("fault-peer");
        peer.setPrefWidth(280);
        peer.valueProperty().bindBidirectional(viewModel.peerProperty());
        peer.disableProperty().bind(viewModel.peerEnabledProperty().not());

        TextField duration = new TextField();
        duration.setId("fault-duration");
        duration.setPromptText("e.g. 5m, 90s, 1h30m");
        duration.textProperty().bindBidirectional(viewModel.durationProperty());

        TextField start = new TextField();
        start.setId("fault-start");
        start.setPromptText("now, or a delay like 30s");
        start.textProperty().bindBidirectional(viewModel.startDelayProperty());

        Label error = new Label();
        error.setId("fault-error");
        error.getStyleClass().add(Styles.VALIDATION_MESSAGE);
        error.setMaxWidth(440);
        error.setWrapText(true);
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        error.setPrefHeight(40);
        error.textProperty().bind(viewModel.errorProperty());

        GridPane grid = new GridPane(10, 8);
        grid.setPadding(new Insets(10, 4, 4, 4));
        grid.addRow(0, new Label("Target"), target);
        grid.addRow(1, new Label("Type"), type);
        grid.add(magnitudeLabel, 0, 2, 2, 1);
        grid.addRow(3, new Label("Magnitude"), magnitude);
        grid.addRow(4, new Label("Peer (dependency)"), peer);
        grid.addRow(5, new Label("Duration"), duration);
        grid.addRow(6, new Label("Start"), start);
        grid.add(error, 0, 7, 2, 1);
        return grid;
    }

    private List<String> suggestions(String text) {
        String query = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return viewModel.targetChoices().stream().filter(id -> id.contains(query)).limit(MAX_SUGGESTIONS).toList();
    }

    public FaultDialogViewModel viewModel() {
        return viewModel;
    }
}
