package dev.firebreak.views.runbook;

import dev.firebreak.engine.runbook.Runbook;
import dev.firebreak.engine.runbook.RunbookException;
import dev.firebreak.engine.runbook.RunbookLearning;
import dev.firebreak.engine.runbook.RunbookLibrary;
import dev.firebreak.views.session.RunbookDesk;
import dev.firebreak.views.task.BackgroundTask;
import dev.firebreak.views.task.TaskExecutor;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The runbook library: a text search and a tag filter over the runbooks, ranked with why each matched; the selected
 * runbook and what its runs taught (read in the background: in the console the reported outcomes are in the
 * database); and the files that did not load, each naming file, line and field.
 */
public final class RunbookLibraryViewModel {

    /** The tag filter's "any tag". */
    public static final String ANY_TAG = "";

    private final RunbookDesk desk;
    private final TaskExecutor reads;
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final StringProperty tag = new SimpleStringProperty(this, "tag", ANY_TAG);
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final ObservableList<RunbookLibrary.Match> results = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedId = new SimpleObjectProperty<>(this, "selectedId");
    private final ReadOnlyObjectWrapper<Runbook> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyObjectWrapper<RunbookLearning> learning = new ReadOnlyObjectWrapper<>(this, "learning");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    /** Bumped per learning read asked, so a slow read never overwrites a newer one. */
    private long learningAsked;

    public RunbookLibraryViewModel(RunbookDesk desk, TaskExecutor reads) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.reads = Objects.requireNonNull(reads, "reads");
        search.addListener((obs, old, now) -> refresh());
        tag.addListener((obs, old, now) -> refresh());
        selectedId.addListener((obs, old, now) -> select(now));
        refresh();
    }

    // ---- Properties ----

    /** Words to find in titles, ids, alerts (counted double), tags, descriptions, fault kinds and step titles. */
    public StringProperty searchProperty() {
        return search;
    }

    /** The tag a runbook must carry; {@link #ANY_TAG} for all. */
    public StringProperty tagProperty() {
        return tag;
    }

    /** Every tag in the library, sorted, for the filter. */
    public ObservableList<String> tags() {
        return tags;
    }

    /** The runbooks that match, best first, each with why. */
    public ObservableList<RunbookLibrary.Match> results() {
        return results;
    }

    public ObjectProperty<String> selectedIdProperty() {
        return selectedId;
    }

    public ReadOnlyObjectProperty<Runbook> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** What the selected runbook's finished runs taught; null until read. */
    public ReadOnlyObjectProperty<RunbookLearning> learningProperty() {
        return learning.getReadOnlyProperty();
    }

    /** "broken.yaml:7: steps[0].type: unknown step type 'comand'" per file that did not load. */
    public ObservableList<String> problems() {
        return problems;
    }

    /** "6 runbooks; 2 match; 1 file did not load". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    // ---- Commands ----

    /** Reads the library again (after a save, when the screen is shown) and searches it again. */
    public void refresh() {
        List<Runbook> all = desk.runbooks();
        TreeSet<String> known = new TreeSet<>();
        all.forEach(runbook -> known.addAll(runbook.tags()));
        if (!tags.equals(List.copyOf(known))) {
            tags.setAll(known);
        }
        List<RunbookLibrary.Match> found = desk.search(new RunbookLibrary.Query(search.get(), tag.get(), "", "", ""));
        if (!found.equals(results)) {
            results.setAll(found);
        }
        List<String> notLoaded = desk.problems().stream().map(RunbookException::getMessage).toList();
        if (!notLoaded.equals(problems)) {
            problems.setAll(notLoaded);
        }
        summary.set(all.size() + " runbook" + (all.size() == 1 ? "" : "s")
                + (found.size() < all.size() ? "; " + found.size() + " match" : "")
                + (notLoaded.isEmpty() ? "" : "; " + notLoaded.size() + " file" + (notLoaded.size() == 1 ? "" : "s")
                        + " did not load"));
        String id = selectedId.get();
        if (id == null || found.stream().noneMatch(m -> m.runbook().id().equals(id))) {
            selectedId.set(found.isEmpty() ? null : found.getFirst().runbook().id());
        } else {
            select(id);
        }
    }

    /** Reads the selected runbook's learning again: a run of it finished. */
    public void runFinished(String runbookId) {
        Runbook shown = selected.get();
        if (shown != null && shown.id().equals(runbookId)) {
            readLearning(shown.id());
        }
    }

    private void select(String id) {
        Optional<Runbook> runbook = id == null ? Optional.empty() : desk.runbook(id);
        Runbook before = selected.get();
        selected.set(runbook.orElse(null));
        if (runbook.isEmpty()) {
            learning.set(null);
        } else if (before == null || !before.id().equals(id) || !before.equals(runbook.get())) {
            readLearning(id);
        }
    }

    private void readLearning(String id) {
        long asked = ++learningAsked;
        BackgroundTask.wrap(() -> desk.learning(id))
                .withTitle("Reading what the runs of " + id + " taught")
                .quietly()
                .onSuccess(read -> {
                    if (asked == learningAsked) {
                        learning.set(read);
                    }
                })
                .onFailure(e -> {
                    if (asked == learningAsked) {
                        learning.set(null);
                    }
                })
                .executeWith(reads);
    }

    /** The match of {@code runbookId} in the results, if it is shown. */
    public Optional<RunbookLibrary.Match> match(String runbookId) {
        return results.stream().filter(m -> m.runbook().id().equals(runbookId)).findFirst();
    }
}
