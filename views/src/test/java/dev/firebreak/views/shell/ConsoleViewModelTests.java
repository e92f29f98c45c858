package dev.firebreak.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.topology.Topology;
import dev.firebreak.views.task.CurrentThreadTaskExecutor;
import dev.firebreak.views.testing.ScriptedSession;
import dev.firebreak.views.testing.Topologies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The console's toolbar commands, without the toolkit: sessions are scripted stand-ins. */
class ConsoleViewModelTests {

    private final List<ScriptedSession> started = new ArrayList<>();
    private final Preference themes = Preference.inMemory(null);
    private final Map<String, Supplier<Topology>> topologies = new LinkedHashMap<>();
    private ConsoleViewModel viewModel;

    private ConsoleViewModel console() {
        topologies.putIfAbsent("Shop", Topologies::shop);
        ConsoleContext context = new ConsoleContext(topologies, (topology, seed, speed) -> {
            ScriptedSession session = new ScriptedSession(topology, seed);
            session.setSpeed(speed);
            started.add(session);
            return session;
        }, themes, "Shop", 42, 1, new CurrentThreadTaskExecutor(), Preference.inMemory("alice"));
        viewModel = new ConsoleViewModel(context);
        return viewModel;
    }

    @AfterEach
    void close() {
        if (viewModel != null) {
            viewModel.close();
        }
    }

    @Test
    void newSeedStartsANewSessionAndClosesTheOldOne() {
        ConsoleViewModel console = console();

        assertThat(console.setSeed(" 7 ")).isTrue();

        assertThat(started).hasSize(2);
        assertThat(started.get(0).isClosed()).isTrue();
        assertThat(started.get(1).isClosed()).isFalse();
        assertThat(console.sessionProperty().get()).isSameAs(started.get(1));
        assertThat(console.seedProperty().get()).isEqualTo(7);
    }

    @Test
    void sameSeedKeepsTheRunningSession() {
        ConsoleViewModel console = console();

        console.setSeed("42");

        assertThat(started).hasSize(1);
    }

    @Test
    void seedThatIsNotANumberIsRefusedWithAReason() {
        ConsoleViewModel console = console();

        assertThat(console.setSeed("forty")).isFalse();

        assertThat(console.messageProperty().get()).contains("'forty'");
        assertThat(started).hasSize(1);
        assertThat(started.get(0).isClosed()).isFalse();
    }

    @Test
    void speedOutOfRangeIsRefusedAndTheSessionKeepsItsSpeed() {
        ConsoleViewModel console = console();

        assertThat(console.setSpeed("9000x")).isFalse();
        assertThat(console.setSpeed("fast")).isFalse();
        assertThat(console.setSpeed("600x")).isTrue();

        assertThat(started.get(0).speed()).isEqualTo(600);
        assertThat(console.speedProperty().get()).isEqualTo(600);
        assertThat(console.messageProperty().get()).isEmpty();
    }

    @Test
    void topologyThatFailsToLoadKeepsTheRunningSessionAndSaysWhy() {
        topologies.put("Broken", () -> {
            throw new IllegalStateException("broken.yaml:3: components[0].capacity: must be > 0");
        });
        ConsoleViewModel console = console();

        console.selectTopology("Broken");

        assertThat(started).hasSize(1);
        assertThat(started.get(0).isClosed()).isFalse();
        assertThat(console.topologyNameProperty().get()).isEqualTo("Shop");
        assertThat(console.messageProperty().get()).contains("broken.yaml:3");
    }

    @Test
    void themeToggleIsRemembered() {
        ConsoleViewModel console = console();

        console.toggleTheme();

        assertThat(console.themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(themes.load()).isEqualTo("dark");
    }

    @Test
    void playPauseFollowsTheSession() {
        ConsoleViewModel console = console();
        boolean before = started.get(0).isPaused();

        console.togglePlay();

        assertThat(started.get(0).isPaused()).isEqualTo(!before);
        assertThat(console.pausedProperty().get()).isEqualTo(!before);
    }
}
