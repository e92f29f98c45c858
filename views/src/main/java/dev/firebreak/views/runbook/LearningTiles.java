package dev.firebreak.views.runbook;

import dev.firebreak.engine.runbook.RunbookLearning;
import dev.firebreak.styles.Styles;
import dev.firebreak.views.fx.ThemePalette;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.text.Font;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

/**
 * What a runbook's finished runs taught, as four TilesFX tiles: how many runs, how often they worked, how long they
 * took (p50 / p90) and which fault kinds they resolved. Tiles are coloured in code, so they take the theme's colours
 * from a {@link ThemePalette} and follow a light/dark switch.
 */
public final class LearningTiles extends HBox {

    private static final double WIDTH = 170;
    private static final double HEIGHT = 128;

    private final ThemePalette palette = new ThemePalette();
    private final Tile runs = tile(Tile.SkinType.NUMBER, "Runs");
    private final Tile success = tile(Tile.SkinType.CIRCULAR_PROGRESS, "Success rate");
    // custom tiles with a label: the TEXT skin centres each line of a list against the longest one
    private final Tile duration = tile(Tile.SkinType.CUSTOM, "Duration");
    private final Tile faults = tile(Tile.SkinType.CUSTOM, "Fault kinds resolved");
    private final Label durationText = listLabel("learning-duration-text");
    private final Label faultsText = listLabel("learning-faults-text");

    public LearningTiles() {
        super(10);
        setId("runbook-learning");
        setAlignment(Pos.CENTER_LEFT);
        runs.setId("learning-runs");
        success.setId("learning-success");
        duration.setId("learning-duration");
        faults.setId("learning-faults");
        runs.setDecimals(0);
        success.setDecimals(0);
        success.setMaxValue(100);
        // the ring's centre already shows the percentage; the value under it would say it twice
        success.setValueVisible(false);
        duration.setGraphic(durationText);
        faults.setGraphic(faultsText);
        for (Tile tile : List.of(runs, success, duration, faults)) {
            StackPane frame = new StackPane(tile);
            frame.getStyleClass().add(Styles.LEARNING_TILE);
            getChildren().add(frame);
        }
        getChildren().add(palette);
        palette.onChange(this::colour);
        colour();
        show(null);
    }

    private static Tile tile(Tile.SkinType type, String title) {
        return TileBuilder.create().skinType(type).title(title).prefSize(WIDTH, HEIGHT).animated(false)
                .textSize(Tile.TextSize.BIGGER).roundedCorners(true).build();
    }

    private static Label listLabel(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setAlignment(Pos.TOP_LEFT);
        label.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        label.setFont(Font.font(15));
        return label;
    }

    /** Shows {@code learning}; null while it is read. */
    public void show(RunbookLearning learning) {
        if (learning == null) {
            runs.setValue(0);
            runs.setText("reading…");
            success.setValue(0);
            success.setText("");
            durationText.setText("");
            faultsText.setText("");
            return;
        }
        runs.setValue(learning.runs());
        runs.setText(learning.runs() == 0 ? "none finished yet" : learning.succeeded() + " succeeded");
        success.setValue(learning.runs() == 0 ? 0 : 100 * learning.successRate());
        success.setText(learning.runs() == 0 ? "no runs yet" : learning.succeeded() + " of " + learning.runs());
        durationText.setText(learning.runs() == 0 ? "-" : "p50  " + RunbookTexts.duration(learning.p50()) + "\np90  "
                + RunbookTexts.duration(learning.p90()));
        duration.setText("finished runs");
        faultsText.setText(learning.faultKindsResolved().isEmpty() ? "none yet"
                : String.join("\n", learning.faultKindsResolved()));
        faults.setText(learning.faultKindsResolved().size() + " kind" + (learning.faultKindsResolved().size() == 1 ? "" : "s"));
    }

    /** The tiles in the theme's colours: text on the subtle background, the bar in the accent colour. */
    private void colour() {
        Color background = palette.subtle();
        Color text = palette.foreground();
        Color muted = palette.muted();
        for (Tile tile : List.of(runs, success, duration, faults)) {
            tile.setBackgroundColor(background);
            tile.setTitleColor(muted);
            tile.setTextColor(muted);
            tile.setValueColor(text);
            tile.setUnitColor(text);
            tile.setDescriptionColor(text);
            tile.setForegroundColor(text);
            tile.setBarColor(palette.accent());
            tile.setBarBackgroundColor(background.interpolate(muted, 0.35));
        }
        durationText.setTextFill(text);
        faultsText.setTextFill(text);
    }

    /** The figures as shown, for tests: "runs 3, success 67 %". */
    public String summary() {
        return "runs " + (int) runs.getValue() + ", success " + Math.round(success.getValue()) + " %";
    }
}
