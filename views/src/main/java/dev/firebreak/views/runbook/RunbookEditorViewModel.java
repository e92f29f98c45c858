package dev.firebreak.views.runbook;

import dev.firebreak.engine.runbook.Runbook;
import dev.firebreak.engine.runbook.RunbookException;
import dev.firebreak.views.session.RunbookDesk;
import dev.firebreak.views.task.BackgroundTask;
import dev.firebreak.views.task.TaskExecutor;
import java.util.Objects;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A runbook as YAML, checked as the person types (the view calls {@link #validate()} once typing pauses) and saved to
 * their runbook directory. A problem names its line, so the editor can take the person there.
 */
public final class RunbookEditorViewModel {

    private final RunbookDesk desk;
    private final TaskExecutor tasks;
    private final RunbookNavigation navigation;
    private final String title;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyIntegerWrapper problemLine = new ReadOnlyIntegerWrapper(this, "problemLine");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    /** Bumped per edit, so a slow check of older text never speaks for the text shown now. */
    private long version;

    /**
     * @param title      what is edited: "restart-checkout", "Draft from incident 4"
     * @param navigation told when a runbook is saved (the library reads itself again)
     */
    public RunbookEditorViewModel(RunbookDesk desk, TaskExecutor tasks, RunbookNavigation navigation, String title,
            String yaml) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.navigation = Objects.requireNonNull(navigation, "navigation");
        this.title = Objects.requireNonNull(title, "title");
        text.set(yaml == null ? "" : yaml);
        text.addListener((obs, old, now) -> {
            version++;
            valid.set(false);
            status.set("Checking…");
        });
    }

    /** Loads the text from {@code source} in the background (a draft written from an incident's runs). */
    public RunbookEditorViewModel loadFrom(Callable<String> source, String what) {
        busy.set(true);
        status.set("Writing " + what + "…");
        BackgroundTask.wrap(source).withTitle("Writing " + what)
                .onSuccess(yaml -> {
                    text.set(yaml);
                    validate();
                })
                .onFailure(e -> show("Could not write " + what + ": " + e.getMessage(), 0))
                .onFinished(() -> busy.set(false))
                .executeWith(tasks);
        return this;
    }

    public String title() {
        return title;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** What is wrong with the text ("runbook:7: steps[0].type: unknown step type 'comand'…"); empty when it loads. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The 1-based line of the problem; 0 when none, or when it is not tied to a line. */
    public ReadOnlyIntegerProperty problemLineProperty() {
        return problemLine.getReadOnlyProperty();
    }

    /** "Valid: restart-checkout, 4 steps, 1 parameter" / "Saved to …/restart-checkout.yaml". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether the text shown now was checked and loads. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Whether a save (or the draft's writing) is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    // ---- Commands ----

    /** Checks the text as it is now, in the background; a result for text since changed is dropped. */
    public void validate() {
        long checked = version;
        String yaml = text.get();
        BackgroundTask.wrap(() -> desk.validate(yaml))
                .withTitle("Checking the runbook")
                .quietly()
                .onSuccess(runbook -> {
                    if (checked == version) {
                        show("", 0);
                        valid.set(true);
                        status.set("Valid: " + describe(runbook));
                    }
                })
                .onFailure(e -> {
                    if (checked == version) {
                        showProblem(e);
                        status.set(e instanceof RunbookException located && located.line() > 0
                                ? "Problem on line " + located.line() : "Problem: see below");
                    }
                })
                .executeWith(tasks);
    }

    /** Saves the text to the person's runbook directory; runs of it that wait follow the new text. */
    public void save() {
        if (busy.get()) {
            return;
        }
        long saving = version;
        String yaml = text.get();
        busy.set(true);
        status.set("Saving…");
        BackgroundTask.wrap(() -> desk.save(yaml))
                .withTitle("Saving runbook " + title)
                .onSuccess(runbook -> {
                    show("", 0);
                    valid.set(saving == version);
                    status.set("Saved " + describe(runbook) + " to your runbooks");
                    navigation.runbookSaved(runbook);
                })
                .onFailure(this::showProblem)
                .onFinished(() -> busy.set(false))
                .executeWith(tasks);
    }

    private void showProblem(Exception e) {
        valid.set(false);
        status.set("Not saved: fix the problem first");
        show(e.getMessage(), e instanceof RunbookException located ? located.line() : 0);
    }

    private void show(String what, int line) {
        problem.set(what);
        problemLine.set(line);
    }

    /** "restart-checkout (Restart checkout safely), 4 steps, 1 parameter". */
    static String describe(Runbook runbook) {
        int steps = runbook.steps().size();
        int parameters = runbook.parameters().size();
        return runbook.id() + " (" + runbook.title() + "), " + steps + " step" + (steps == 1 ? "" : "s") + ", " + parameters
                + " parameter" + (parameters == 1 ? "" : "s");
    }
}
