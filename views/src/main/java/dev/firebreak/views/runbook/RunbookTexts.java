package dev.firebreak.views.runbook;

import dev.firebreak.engine.runbook.Approval;
import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.engine.runbook.ExecutionMode;
import dev.firebreak.engine.runbook.RunbookStep;
import dev.firebreak.engine.runbook.StepAction;
import dev.firebreak.engine.runbook.StepType;
import dev.firebreak.engine.time.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The words the runbook screens use for times, modes, markers, approvals and what a step is expected to do. */
public final class RunbookTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private RunbookTexts() {
    }

    /** "10:03:12" (UTC, as the console's clock). */
    public static String time(Instant at) {
        return TIME.format(at);
    }

    /** "step-by-step", "dry-run". */
    public static String mode(ExecutionMode mode) {
        return mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** "Command", "Api call". */
    public static String type(StepType type) {
        String word = type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** "2 min 5 s"; "-" for none. */
    public static String duration(Duration duration) {
        return duration.isZero() ? "-" : Durations.format(duration);
    }

    /** "75 %"; "-" when nothing ran. */
    public static String percent(double rate) {
        return Double.isNaN(rate) ? "-" : String.format(Locale.ROOT, "%.0f %%", 100 * rate);
    }

    /** The markers a step carries, for a person deciding how careful to be: "critical: 2 approvers", "rollback". */
    public static List<String> markers(RunbookStep step) {
        List<String> markers = new java.util.ArrayList<>();
        if (step.critical()) {
            markers.add("critical: 2 approvers");
        } else if (step.approval()) {
            markers.add("approval");
        }
        if (step.rollback().isPresent()) {
            markers.add("has rollback");
        }
        if (step.retries() > 0) {
            markers.add("retries " + step.retries());
        }
        return markers;
    }

    /** "bob at 10:03:12 (rendering 3fa2c1d0)": who approved which exact text when. */
    public static String approval(Approval approval) {
        return approval.person() + " at " + time(approval.at()) + " (rendering "
                + approval.hash().substring(0, Math.min(8, approval.hash().length())) + ")";
    }

    /** "Run 3 · Restart checkout safely". */
    public static String runTitle(Execution execution) {
        return "Run " + execution.id() + " · " + execution.runbook().title();
    }

    /** "step-by-step on simulator · started by ana at 10:00:00 · incident INC-0004". */
    public static String runContext(Execution execution) {
        return mode(execution.mode()) + " on " + execution.environment() + " · started by " + execution.startedBy() + " at "
                + time(execution.startedAt()) + execution.incidentId().map(id -> " · incident " + id).orElse("");
    }

    private static final java.util.regex.Pattern PARAMETER = java.util.regex.Pattern.compile(
            "\\{\\{\\s*params\\.([A-Za-z][A-Za-z0-9_]*)\\s*}}");

    /**
     * What a step should come to, with the run's parameters put in ("checkout answers again" rather than
     * "{{params.service}} answers again"); other variables stay as written, since only the engine knows their values.
     */
    public static String expected(RunbookStep step, java.util.Map<String, String> parameters) {
        return PARAMETER.matcher(expected(step)).replaceAll(match -> java.util.regex.Matcher.quoteReplacement(
                parameters.getOrDefault(match.group(1), match.group())));
    }

    /** What a step should come to, from what the runbook says of it: its {@code expect}, condition, or kind. */
    public static String expected(RunbookStep step) {
        String condition = step.condition().map(Object::toString).orElse("");
        String said = switch (step.type()) {
            case VALIDATION -> condition.isEmpty() ? "It succeeds." : "Holds: " + condition
                    + (step.hold().isZero() ? "" : " for " + Durations.format(step.hold())) + ", within "
                    + Durations.format(step.timeout()) + ".";
            case DECISION -> "If " + condition + " go to " + step.onTrue().orElse("the next step") + ", else to "
                    + step.onFalse().orElse("the next step") + ".";
            case MANUAL -> "A person does it and confirms it is done.";
            case ROLLBACK -> "Undoes " + (step.undo().isEmpty() ? "every succeeded step before it that has a rollback"
                    : String.join(", ", step.undo())) + ", newest first.";
            case API_CALL -> step.action() instanceof StepAction.Http http ? "HTTP " + http.expectStatus()
                    + (http.expectBodyContains().isEmpty() ? "" : " with a body containing \"" + http.expectBodyContains() + "\"")
                    + "." : "";
            case COMMAND, SCRIPT -> step.action() instanceof StepAction.Simulator ? "The simulator carries out the action."
                    : "It exits 0 within " + Durations.format(step.timeout()) + ".";
        };
        return step.expect().isEmpty() ? said : step.expect() + (said.isEmpty() ? "" : "\n" + said);
    }
}
