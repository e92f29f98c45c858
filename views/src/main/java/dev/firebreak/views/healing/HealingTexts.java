package dev.firebreak.views.healing;

import dev.firebreak.engine.heal.HaltRecord;
import dev.firebreak.engine.heal.HealingLearning;
import dev.firebreak.engine.heal.HealingState;
import dev.firebreak.engine.heal.Verdict;
import dev.firebreak.engine.heal.VerificationOutcome;
import dev.firebreak.styles.Styles;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.scene.Node;

/**
 * How healing reads on screen: a glyph and a word for each action state (never colour alone), a tone the stylesheet
 * colours, verdicts and verification outcomes in words, and the HALT banner's sentence.
 */
public final class HealingTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final List<PseudoClass> TONES = List.of(Styles.TONE_OK, Styles.TONE_BAD, Styles.TONE_WAITING,
            Styles.TONE_ACTIVE, Styles.TONE_IDLE, Styles.TONE_UNDONE);

    /** The words shadow mode's entries carry. */
    public static final String WOULD_HAVE_DONE = "would have done";

    private HealingTexts() {
    }

    public static String glyph(HealingState state) {
        return switch (state) {
            case AWAITING_APPROVAL -> "◑";
            case EXECUTING -> "▶";
            case VERIFYING -> "⌛";
            case ROLLING_BACK -> "↶";
            case SUCCEEDED -> "✔";
            case PARTIAL -> "◐";
            case UNCERTAIN -> "?";
            case FAILED -> "✖";
            case ROLLED_BACK -> "↶";
            case DENIED -> "⊘";
            case HALTED -> "■";
        };
    }

    public static PseudoClass tone(HealingState state) {
        return switch (state) {
            case SUCCEEDED -> Styles.TONE_OK;
            case FAILED, HALTED -> Styles.TONE_BAD;
            case AWAITING_APPROVAL, PARTIAL, UNCERTAIN -> Styles.TONE_WAITING;
            case EXECUTING, VERIFYING, ROLLING_BACK -> Styles.TONE_ACTIVE;
            case DENIED -> Styles.TONE_IDLE;
            case ROLLED_BACK -> Styles.TONE_UNDONE;
        };
    }

    /** "awaiting approval", "rolled back". */
    public static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** "✔ succeeded". */
    public static String label(HealingState state) {
        return glyph(state) + " " + word(state);
    }

    /** Where a decision ended, in a few words (what it concluded then; its action's state says what came of it). */
    public static String verdict(Verdict verdict) {
        return switch (verdict) {
            case ACT -> "decided to act";
            case SHADOW -> "shadow: nothing ran";
            case AWAIT_APPROVAL -> "decided: a person approves";
            case REFUSED -> "decided not to act";
        };
    }

    public static PseudoClass tone(Verdict verdict) {
        return switch (verdict) {
            case ACT -> Styles.TONE_ACTIVE;
            case SHADOW -> Styles.TONE_UNDONE;
            case AWAIT_APPROVAL -> Styles.TONE_WAITING;
            case REFUSED -> Styles.TONE_IDLE;
        };
    }

    /** "verification success", or "not verified yet". */
    public static String verification(Optional<VerificationOutcome> outcome) {
        return outcome.map(o -> "verification " + word(o)).orElse("not verified yet");
    }

    /** "3 of 4 succeeded (75 %)", or "no record yet". */
    public static String record(HealingLearning.Record record) {
        if (record.attempts() == 0) {
            return "no record yet";
        }
        return String.format(Locale.ROOT, "%d of %d succeeded (%.0f %%)", record.successes(), record.attempts(),
                100 * record.successRate().orElse(0));
    }

    /** "HALT latched by alice at 10:03:12: REASON — healing, runbook runs and chaos are stopped". */
    public static String banner(HaltRecord record) {
        return "HALT latched by " + record.person() + " at " + time(record.at()) + " UTC: " + record.reason()
                + " — healing, runbook runs and chaos are stopped";
    }

    /** "10:03:12" (UTC). */
    public static String time(Instant at) {
        return TIME.format(at);
    }

    /** Sets exactly one tone on the node. */
    public static void applyTone(Node node, PseudoClass tone) {
        for (PseudoClass each : TONES) {
            node.pseudoClassStateChanged(each, each == tone);
        }
    }
}
