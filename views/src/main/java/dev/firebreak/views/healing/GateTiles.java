package dev.firebreak.views.healing;

import dev.firebreak.engine.heal.HealingGates;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.styles.Styles;
import dev.firebreak.views.fx.ThemePalette;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The gates that carry state as five TilesFX tiles: the healing breaker (open or closed, failures against its
 * threshold), actions in the last hour against the rate limit, actions running against the cap, the change freeze and
 * HALT. A tile that stops healing turns red, one close to its limit amber; each says so in words as well. Tiles are
 * coloured in code, so they take the theme's colours from a {@link ThemePalette}.
 */
public final class GateTiles extends HBox {

    private static final double WIDTH = 215;
    private static final double HEIGHT = 128;

    /** What a tile says about healing: fine, close to a limit, or stopping it. */
    enum Level { FINE, NEAR, STOPS }

    private enum Kind { BREAKER, RATE, RUNNING, FREEZE, HALT }

    private final ThemePalette palette = new ThemePalette();
    private final Map<Kind, Tile> tiles = new EnumMap<>(Kind.class);
    private final Map<Kind, Label> values = new EnumMap<>(Kind.class);
    private final Map<Kind, Label> details = new EnumMap<>(Kind.class);
    private final Map<Kind, Level> levels = new EnumMap<>(Kind.class);

    public GateTiles() {
        super(10);
        setId("healing-gates");
        setAlignment(Pos.CENTER_LEFT);
        add(Kind.BREAKER, "Healing breaker", "gate-breaker");
        add(Kind.RATE, "Actions this hour", "gate-rate");
        add(Kind.RUNNING, "Running now", "gate-running");
        add(Kind.FREEZE, "Change freeze", "gate-freeze");
        add(Kind.HALT, "HALT", "gate-halt");
        getChildren().add(palette);
        palette.onChange(this::colour);
        colour();
    }

    private void add(Kind kind, String title, String id) {
        Label value = new Label();
        value.setId(id + "-value");
        value.setFont(Font.font(null, FontWeight.BOLD, 24));
        Label detail = new Label();
        detail.setId(id + "-detail");
        detail.setWrapText(true);
        detail.setFont(Font.font(13));
        detail.setMaxWidth(WIDTH - 24);
        VBox body = new VBox(2, value, detail);
        body.setAlignment(Pos.CENTER_LEFT);
        Tile tile = TileBuilder.create().skinType(Tile.SkinType.CUSTOM).title(title).prefSize(WIDTH, HEIGHT)
                .animated(false).textSize(Tile.TextSize.BIGGER).roundedCorners(true).graphic(body).build();
        tile.setId(id);
        tile.setMinSize(WIDTH, HEIGHT); // the tables below must not squeeze the tiles
        StackPane frame = new StackPane(tile);
        frame.getStyleClass().add(Styles.GATE_TILE);
        getChildren().add(frame);
        tiles.put(kind, tile);
        values.put(kind, value);
        details.put(kind, detail);
        levels.put(kind, Level.FINE);
    }

    /** Shows the gates as they stand; null while they are read. */
    public void show(HealingGates gates) {
        if (gates == null) {
            return;
        }
        set(Kind.BREAKER, gates.breakerOpen() ? "open" : "closed",
                gates.recentFailures() + " of " + gates.breakerThreshold() + " failed heals open it"
                        + (gates.breakerOpen() ? "; healing is stopped" : ""),
                gates.breakerOpen() ? Level.STOPS : gates.recentFailures() > 0 ? Level.NEAR : Level.FINE);
        set(Kind.RATE, gates.actionsLastHour() + " / " + gates.actionsPerHour(), "limit " + gates.actionsPerHour()
                + " an hour" + (gates.actionsLastHour() >= gates.actionsPerHour() ? "; reached" : ""),
                level(gates.actionsLastHour(), gates.actionsPerHour()));
        set(Kind.RUNNING, gates.running() + " / " + gates.maxParallel(), "at most " + gates.maxParallel()
                + " at once" + (gates.running() >= gates.maxParallel() ? "; at the cap" : ""),
                level(gates.running(), gates.maxParallel()));
        set(Kind.FREEZE, gates.freeze().isPresent() ? "frozen" : "none",
                gates.freeze().map(f -> "until " + HealingTexts.time(f.to()) + " UTC: " + f.reason())
                        .orElse("no change freeze open"),
                gates.freeze().isPresent() ? Level.STOPS : Level.FINE);
        set(Kind.HALT, gates.halt().isPresent() ? "LATCHED" : "released",
                gates.halt().map(h -> "by " + h.person() + " at " + HealingTexts.time(h.at()) + " UTC")
                        .orElse("Ctrl+Shift+H stops all"),
                gates.halt().isPresent() ? Level.STOPS : Level.FINE);
        colour();
    }

    static Level level(long used, long limit) {
        if (used >= limit) {
            return Level.STOPS;
        }
        return used * 5 >= limit * 4 ? Level.NEAR : Level.FINE;
    }

    private void set(Kind kind, String value, String detail, Level level) {
        values.get(kind).setText(value);
        details.get(kind).setText(detail);
        levels.put(kind, level);
    }

    /** Fine: the theme's subtle background, the value in the healthy colour; near: amber; stopping: a red tile. */
    private void colour() {
        Color subtle = palette.subtle();
        Color text = palette.foreground();
        Color muted = palette.muted();
        // the health colours are fills; as text on a dark theme's tile they need lifting to be read
        boolean dark = subtle.getBrightness() < 0.5;
        Color fine = lift(palette.health(HealthState.HEALTHY), dark);
        Color near = lift(palette.health(HealthState.DEGRADED), dark);
        for (Kind kind : Kind.values()) {
            Tile tile = tiles.get(kind);
            Level level = levels.get(kind);
            boolean stops = level == Level.STOPS;
            Color background = stops ? palette.health(HealthState.CRITICAL) : subtle;
            Color on = stops ? Color.WHITE : text;
            tile.setBackgroundColor(background);
            tile.setTitleColor(stops ? Color.WHITE : muted);
            tile.setForegroundColor(on);
            tile.setTextColor(on);
            values.get(kind).setTextFill(switch (level) {
                case FINE -> fine;
                case NEAR -> near;
                case STOPS -> Color.WHITE;
            });
            details.get(kind).setTextFill(on);
        }
    }

    private static Color lift(Color colour, boolean dark) {
        return dark ? colour.interpolate(Color.WHITE, 0.3) : colour;
    }

    /** What the tiles say, for tests: "breaker closed (0 of 3 …); actions 1 / 20; …". */
    public String summary() {
        List<String> parts = new java.util.ArrayList<>();
        for (Kind kind : Kind.values()) {
            parts.add(tiles.get(kind).getTitle() + ": " + values.get(kind).getText() + " (" + details.get(kind).getText() + ")");
        }
        return String.join("; ", parts);
    }
}
