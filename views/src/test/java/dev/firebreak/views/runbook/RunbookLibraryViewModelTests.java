package dev.firebreak.views.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.runbook.ExecutionMode;
import dev.firebreak.views.task.CurrentThreadTaskExecutor;
import dev.firebreak.views.testing.EngineBackedRunbookDesk;
import dev.firebreak.views.testing.SampleRunbooks;
import dev.firebreak.views.testing.ScriptedSession;
import dev.firebreak.views.testing.Topologies;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The library's search, tag filter, selection, learning and load problems, without the toolkit. */
class RunbookLibraryViewModelTests {

    private final ScriptedSession session = new ScriptedSession(Topologies.shop(), 1);
    private final EngineBackedRunbookDesk desk = EngineBackedRunbookDesk.on(session)
            .runbook(SampleRunbooks.RESTART_CHECKOUT).runbook(SampleRunbooks.FAILOVER_DATABASE)
            .runbook(SampleRunbooks.CLEAR_CACHE).runbook(SampleRunbooks.SCALE_OUT)
            .file("broken.yaml", SampleRunbooks.BROKEN).build();
    private final RunbookLibraryViewModel library = new RunbookLibraryViewModel(desk, new CurrentThreadTaskExecutor());

    private java.util.List<String> ids() {
        return library.results().stream().map(m -> m.runbook().id()).toList();
    }

    @Test
    void emptySearchListsEveryRunbookByIdAndSelectsTheFirst() {
        assertThat(ids()).containsExactly("clear-cache", "failover-database", "restart-checkout", "scale-out");
        assertThat(library.selectedProperty().get().id()).isEqualTo("clear-cache");
        assertThat(library.tags()).containsExactly("cache", "capacity", "checkout", "database", "failover", "restart");
        assertThat(library.summaryProperty().get()).isEqualTo("4 runbooks; 1 file did not load");
    }

    @Test
    void searchRanksTitleMatchesFirstAndSaysWhy() {
        library.searchProperty().set("checkout restart");

        assertThat(ids()).startsWith("restart-checkout").contains("scale-out");
        assertThat(library.results().getFirst().reasons()).containsExactly("mentions checkout restart");
        assertThat(library.selectedProperty().get().id()).as("selection follows the best match").isEqualTo("restart-checkout");
        assertThat(library.summaryProperty().get()).startsWith("4 runbooks; 2 match");
    }

    @Test
    void tagFilterKeepsOnlyRunbooksWithTheTag() {
        library.tagProperty().set("checkout");

        assertThat(ids()).containsExactly("restart-checkout", "scale-out");
        assertThat(library.results()).allSatisfy(m -> assertThat(m.reasons()).contains("tagged checkout"));

        library.searchProperty().set("latency");
        assertThat(ids()).as("the alert HighLatency is in scale-out's title words").containsExactly("scale-out");
    }

    @Test
    void loadProblemsNameFileLineAndField() {
        assertThat(library.problems()).singleElement().satisfies(problem -> assertThat(problem)
                .startsWith("broken.yaml:9: steps[1].type: unknown step type 'comand'"));
    }

    @Test
    void learningCountsFinishedRunsOfTheSelectedRunbook() {
        library.selectedIdProperty().set("clear-cache");
        assertThat(library.learningProperty().get().runs()).isZero();

        desk.startAs("alice", "clear-cache", ExecutionMode.AUTOMATIC, "simulator", Map.of(), "");
        desk.executor().failNext("clear cache", 1);
        desk.startAs("alice", "clear-cache", ExecutionMode.AUTOMATIC, "simulator", Map.of(), "");
        library.runFinished("clear-cache");

        assertThat(library.learningProperty().get().runs()).isEqualTo(2);
        assertThat(library.learningProperty().get().succeeded()).isEqualTo(1);
        assertThat(library.learningProperty().get().steps()).first().satisfies(step -> assertThat(step.successRate()).isEqualTo(0.5));
    }
}
