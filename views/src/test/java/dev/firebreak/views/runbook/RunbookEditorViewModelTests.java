package dev.firebreak.views.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.runbook.Runbook;
import dev.firebreak.views.task.CurrentThreadTaskExecutor;
import dev.firebreak.views.task.HeldTaskExecutor;
import dev.firebreak.views.testing.EngineBackedRunbookDesk;
import dev.firebreak.views.testing.SampleRunbooks;
import dev.firebreak.views.testing.ScriptedSession;
import dev.firebreak.views.testing.Topologies;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The YAML editor's checking and saving, without the toolkit. */
class RunbookEditorViewModelTests {

    private final ScriptedSession session = new ScriptedSession(Topologies.shop(), 1);
    private final EngineBackedRunbookDesk desk = EngineBackedRunbookDesk.on(session).runbook(SampleRunbooks.CLEAR_CACHE).build();
    private final List<Runbook> saved = new ArrayList<>();
    private final RunbookNavigation navigation = new RunbookNavigation() {
        @Override
        public void openRun(long executionId) {
        }

        @Override
        public void runbookSaved(Runbook runbook) {
            saved.add(runbook);
        }
    };

    private RunbookEditorViewModel editor(dev.firebreak.views.task.TaskExecutor tasks) {
        return new RunbookEditorViewModel(desk, tasks, navigation, "clear-cache", SampleRunbooks.CLEAR_CACHE);
    }

    @Test
    void brokenTextIsReportedWithItsLine() {
        RunbookEditorViewModel editor = editor(new CurrentThreadTaskExecutor());

        editor.textProperty().set(SampleRunbooks.CLEAR_CACHE.replace("type: command", "type: comand"));
        editor.validate();

        assertThat(editor.validProperty().get()).isFalse();
        assertThat(editor.problemLineProperty().get()).isEqualTo(14);
        assertThat(editor.problemProperty().get()).startsWith("runbook:14: steps[0].type: unknown step type 'comand'");
    }

    @Test
    void validTextSaysWhatItIsAndSavesToThePersonsDirectory() throws Exception {
        RunbookEditorViewModel editor = editor(new CurrentThreadTaskExecutor());
        editor.textProperty().set(SampleRunbooks.CLEAR_CACHE.replace("title: Clear and warm a cache", "title: Flush a cache"));
        editor.validate();
        assertThat(editor.statusProperty().get()).isEqualTo("Valid: clear-cache (Flush a cache), 2 steps, 1 parameter");

        editor.save();

        assertThat(saved).extracting(Runbook::title).containsExactly("Flush a cache");
        assertThat(Files.readString(desk.userDirectory().resolve("clear-cache.yaml"))).contains("title: Flush a cache");
        assertThat(desk.runbook("clear-cache").orElseThrow().title()).isEqualTo("Flush a cache");
        assertThat(editor.statusProperty().get()).startsWith("Saved clear-cache");
    }

    @Test
    void checkOfTextSinceChangedIsDropped() {
        HeldTaskExecutor tasks = new HeldTaskExecutor();
        RunbookEditorViewModel editor = editor(tasks);
        editor.textProperty().set("id: [");
        editor.validate();
        editor.textProperty().set(SampleRunbooks.CLEAR_CACHE);
        editor.validate();

        tasks.runAll();

        assertThat(editor.problemProperty().get()).isEmpty();
        assertThat(editor.validProperty().get()).isTrue();
    }

    @Test
    void savingBrokenTextKeepsTheFileAsItWas() {
        RunbookEditorViewModel editor = editor(new CurrentThreadTaskExecutor());
        editor.textProperty().set("id: clear-cache\ntitle: no steps\n");

        editor.save();

        assertThat(saved).isEmpty();
        assertThat(editor.problemProperty().get()).contains("steps");
        assertThat(editor.statusProperty().get()).isEqualTo("Not saved: fix the problem first");
        assertThat(Files.exists(desk.userDirectory().resolve("clear-cache.yaml"))).isFalse();
    }
}
