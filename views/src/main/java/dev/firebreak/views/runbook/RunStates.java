package dev.firebreak.views.runbook;

import dev.firebreak.engine.runbook.ExecutionState;
import dev.firebreak.engine.runbook.StepState;
import dev.firebreak.styles.Styles;
import java.util.List;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.Node;

/**
 * How run and step states look: a glyph and a word, so a state never rests on colour alone, and a tone the stylesheet
 * colours ({@link Styles#RUN_STATE}).
 */
public final class RunStates {

    private static final List<PseudoClass> TONES = List.of(Styles.TONE_OK, Styles.TONE_BAD, Styles.TONE_WAITING,
            Styles.TONE_ACTIVE, Styles.TONE_IDLE, Styles.TONE_UNDONE);

    private RunStates() {
    }

    public static String glyph(StepState state) {
        return switch (state) {
            case PENDING -> "○";
            case WAITING_FOR_APPROVAL -> "◑";
            case RUNNING -> "▶";
            case SUCCEEDED -> "✔";
            case FAILED -> "✖";
            case SKIPPED -> "»";
            case DENIED -> "⊘";
            case INTERRUPTED -> "⚠";
            case ROLLED_BACK -> "↶";
            case ROLLBACK_FAILED -> "✗";
        };
    }

    public static PseudoClass tone(StepState state) {
        return switch (state) {
            case SUCCEEDED -> Styles.TONE_OK;
            case FAILED, DENIED, ROLLBACK_FAILED -> Styles.TONE_BAD;
            case WAITING_FOR_APPROVAL, INTERRUPTED -> Styles.TONE_WAITING;
            case RUNNING -> Styles.TONE_ACTIVE;
            case PENDING, SKIPPED -> Styles.TONE_IDLE;
            case ROLLED_BACK -> Styles.TONE_UNDONE;
        };
    }

    public static String glyph(ExecutionState state) {
        return switch (state) {
            case PENDING -> "○";
            case RUNNING -> "▶";
            case WAITING_FOR_APPROVAL -> "◑";
            case PAUSED -> "‖";
            case SUCCEEDED -> "✔";
            case FAILED -> "✖";
            case ABORTED -> "⊘";
            case ROLLED_BACK -> "↶";
            case INTERRUPTED -> "⚠";
        };
    }

    public static PseudoClass tone(ExecutionState state) {
        return switch (state) {
            case SUCCEEDED -> Styles.TONE_OK;
            case FAILED, ABORTED -> Styles.TONE_BAD;
            case WAITING_FOR_APPROVAL, PAUSED, INTERRUPTED -> Styles.TONE_WAITING;
            case RUNNING -> Styles.TONE_ACTIVE;
            case PENDING -> Styles.TONE_IDLE;
            case ROLLED_BACK -> Styles.TONE_UNDONE;
        };
    }

    /** "waiting for approval", "rolled back". */
    public static String word(Enum<?> state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** "✔ succeeded". */
    public static String label(StepState state) {
        return glyph(state) + " " + word(state);
    }

    /** "◑ waiting for approval". */
    public static String label(ExecutionState state) {
        return glyph(state) + " " + word(state);
    }

    /** Sets exactly one tone on the node. */
    public static void applyTone(Node node, PseudoClass tone) {
        for (PseudoClass each : TONES) {
            node.pseudoClassStateChanged(each, each == tone);
        }
    }
}
