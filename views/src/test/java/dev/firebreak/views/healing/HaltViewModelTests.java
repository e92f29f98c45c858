package dev.firebreak.views.healing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.views.task.CurrentThreadTaskExecutor;
import dev.firebreak.views.testing.ScriptedSession;
import dev.firebreak.views.testing.Topologies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shell's HALT latch without the toolkit: a scripted session with a real (in-memory) latch. */
class HaltViewModelTests {

    private final ScriptedSession session = new ScriptedSession(Topologies.shop(), 42);
    private HaltViewModel viewModel;

    private HaltViewModel halt() {
        viewModel = new HaltViewModel(session.healing(), session.events(), () -> "alice", new CurrentThreadTaskExecutor());
        return viewModel;
    }

    @AfterEach
    void close() {
        if (viewModel != null) {
            viewModel.close();
        }
    }

    @Test
    void pressLatchesInTheOperatorsNameAndTheBannerSaysWhoWhenAndWhy() {
        HaltViewModel halt = halt();

        halt.press("  runaway restarts on checkout  ");

        assertThat(halt.haltedProperty().get()).isTrue();
        assertThat(session.healing().halt()).hasValueSatisfying(record -> {
            assertThat(record.person()).isEqualTo("alice");
            assertThat(record.reason()).isEqualTo("runaway restarts on checkout");
        });
        assertThat(halt.bannerProperty().get()).isEqualTo("HALT latched by alice at 00:00:00 UTC: runaway restarts on"
                + " checkout — healing, runbook runs and chaos are stopped");
        assertThat(halt.messageProperty().get()).isEmpty();
    }

    @Test
    void pressWithoutAReasonIsRefusedBeforeTheEngineIsAsked() {
        HaltViewModel halt = halt();

        halt.press("   ");

        assertThat(halt.haltedProperty().get()).isFalse();
        assertThat(session.healing().halt()).isEmpty();
        assertThat(halt.messageProperty().get()).contains("needs a reason");
    }

    @Test
    void releaseClearsTheBanner() {
        HaltViewModel halt = halt();
        halt.press("game day gone wrong");

        halt.release("checkout is stable again");

        assertThat(halt.haltedProperty().get()).isFalse();
        assertThat(halt.bannerProperty().get()).isEmpty();
        assertThat(session.healing().halt()).isEmpty();
    }

    @Test
    void latchPressedBeforeTheConsoleStartedShowsAtOnce() {
        session.healing().pressHalt("bob", "pressed from the API");

        HaltViewModel halt = halt();

        assertThat(halt.haltedProperty().get()).isTrue();
        assertThat(halt.bannerProperty().get()).startsWith("HALT latched by bob at");
    }

    @Test
    void secondPressIsRefusedWithTheEnginesReason() {
        HaltViewModel halt = halt();
        session.healing().pressHalt("bob", "pressed elsewhere");

        halt.press("me too");

        assertThat(halt.messageProperty().get()).startsWith("Pressing HALT was refused: HALT is already latched");
        assertThat(halt.latchedProperty().get().person()).isEqualTo("bob");
    }
}
