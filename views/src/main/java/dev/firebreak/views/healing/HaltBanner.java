package dev.firebreak.views.healing;

import dev.firebreak.styles.Styles;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The red band across the top of every screen while HALT is latched: who pressed it, when and why, and a Release…
 * button that asks for a reason. Hidden (and taking no room) while HALT is released. The shell shows it for the
 * running session's {@link HaltViewModel}, and points it at the next one after a restart.
 */
public final class HaltBanner extends HBox {

    private final Label text = new Label();
    private final Button release = new Button("Release…");
    private HaltViewModel viewModel;

    public HaltBanner() {
        setId("halt-banner");
        getStyleClass().add(Styles.HALT_BANNER);
        text.setId("halt-banner-text");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        release.setId("halt-release");
        release.setMinWidth(Region.USE_PREF_SIZE);
        release.setTooltip(new Tooltip("Release HALT: healing, runbook runs and chaos may act again (asks for a reason)"));
        release.setOnAction(e -> openReleaseDialog());
        getChildren().setAll(text, release);
        managedProperty().bind(visibleProperty());
        setVisible(false);
    }

    /** Shows the latch of {@code next} (the running session's). */
    public void show(HaltViewModel next) {
        viewModel = next;
        text.textProperty().unbind();
        visibleProperty().unbind();
        release.disableProperty().unbind();
        if (next == null) {
            setVisible(false);
            return;
        }
        text.textProperty().bind(next.bannerProperty());
        visibleProperty().bind(next.haltedProperty());
        release.disableProperty().bind(Bindings.or(next.workingProperty(), next.haltedProperty().not()));
    }

    /** Asks why, then releases HALT in the operator's name. */
    public ReasonDialog openReleaseDialog() {
        HaltViewModel shown = viewModel;
        ReasonDialog dialog = new ReasonDialog("Release HALT",
                "Releasing HALT lets healing, runbook runs and chaos act again. Why is it safe now?", "Release HALT", false);
        dialog.getDialogPane().setId("halt-release-dialog");
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        dialog.setOnHidden(e -> {
            String reason = dialog.getResult();
            if (reason != null && shown != null) {
                shown.release(reason);
            }
        });
        dialog.show();
        return dialog;
    }

    /** The banner's sentence, for tests. */
    public String text() {
        return text.getText();
    }
}
