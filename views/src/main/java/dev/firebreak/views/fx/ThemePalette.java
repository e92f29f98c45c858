package dev.firebreak.views.fx;

import dev.firebreak.engine.health.HealthState;
import dev.firebreak.styles.Styles;
import java.util.EnumMap;
import java.util.Map;
import javafx.scene.layout.Background;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The theme's colours for canvas drawing. A canvas cannot use CSS, so this pane holds tiny
 * transparent regions styled by {@code firebreak.css} and reads back the fills CSS resolved for them;
 * switching the AtlantaFX theme therefore re-colours canvases as well. Add it to the scene next to
 * the canvas.
 */
public final class ThemePalette extends Pane {

    private final Map<HealthState, Region> healthSwatches = new EnumMap<>(HealthState.class);
    private final Region foreground = swatch(Styles.CANVAS_FG_SWATCH);
    private final Region muted = swatch(Styles.CANVAS_MUTED_SWATCH);
    private final Region background = swatch(Styles.CANVAS_BG_SWATCH);
    private final Region accent = swatch(Styles.CANVAS_ACCENT_SWATCH);
    private final Region subtle = swatch(Styles.CANVAS_SUBTLE_SWATCH);

    public ThemePalette() {
        setManaged(false);
        setMouseTransparent(true);
        setOpacity(0);
        for (HealthState state : HealthState.values()) {
            Region region = swatch(Styles.HEALTH_SWATCH);
            region.pseudoClassStateChanged(HealthStyles.pseudoClass(state), true);
            healthSwatches.put(state, region);
        }
        getChildren().addAll(foreground, muted, background, accent, subtle);
        getChildren().addAll(healthSwatches.values());
    }

    private static Region swatch(String styleClass) {
        Region region = new Region();
        region.getStyleClass().add(styleClass);
        region.resize(1, 1);
        return region;
    }

    public Color health(HealthState state) {
        return colour(healthSwatches.get(state), Color.GRAY);
    }

    public Color foreground() {
        return colour(foreground, Color.BLACK);
    }

    public Color muted() {
        return colour(muted, Color.GRAY);
    }

    public Color background() {
        return colour(background, Color.WHITE);
    }

    public Color accent() {
        return colour(accent, Color.DODGERBLUE);
    }

    /** The theme's subtle background (panels, tiles). */
    public Color subtle() {
        return colour(subtle, Color.WHITESMOKE);
    }

    private static Color colour(Region region, Color fallback) {
        Background bg = region.getBackground();
        if (bg == null || bg.getFills().isEmpty()) {
            return fallback;
        }
        Paint paint = bg.getFills().getFirst().getFill();
        return paint instanceof Color c ? c : fallback;
    }

    /** Runs the action whenever the theme changes any of the resolved colours (e.g. light/dark switch). */
    public void onChange(Runnable action) {
        for (javafx.scene.Node child : getChildren()) {
            ((Region) child).backgroundProperty().addListener((obs, old, now) -> action.run());
        }
    }

    /** Whether CSS has been applied yet (colours are fallbacks until then). */
    public boolean isResolved() {
        Background bg = foreground.getBackground();
        return bg != null && !bg.getFills().isEmpty();
    }

}
