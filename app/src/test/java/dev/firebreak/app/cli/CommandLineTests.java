package dev.firebreak.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTests {

    private static LaunchOptions parse(String... args) {
        return CommandLine.parse(args, Map.of("FIREBREAK_DATA_DIR", "/tmp/fb"));
    }

    @Test
    void consoleDefaultsToTheShopAtRealTime() {
        LaunchOptions options = parse();

        assertThat(options.topology()).isEqualTo("shop");
        assertThat(options.headless()).isFalse();
        assertThat(options.speed()).hasValue(1);
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/fb"));
    }

    @Test
    void headlessRunReadsEveryOption() {
        LaunchOptions options = parse("--headless", "--speed", "600", "--duration", "2h", "--seed", "7",
                "--inject", "latency:payments", "--inject", "memory-leak:cart", "--report", "out.json",
                "--topology", "synthetic:2000");

        assertThat(options.headless()).isTrue();
        assertThat(options.speed()).hasValue(600);
        assertThat(options.duration()).isEqualTo(Duration.ofHours(2));
        assertThat(options.seed()).isEqualTo(7);
        assertThat(options.faults()).containsExactly("latency:payments", "memory-leak:cart");
        assertThat(options.report()).contains(Path.of("out.json"));
        assertThat(options.topology()).isEqualTo("synthetic:2000");
    }

    @Test
    void checksFileIsTakenForTheConsoleAndForHeadlessRuns() {
        assertThat(parse().checks()).isEmpty();
        assertThat(parse("--checks", "real.yaml").checks()).contains(Path.of("real.yaml"));
        assertThat(parse("--headless", "--checks", "real.yaml").checks()).contains(Path.of("real.yaml"));
        assertThatThrownBy(() -> parse("--checks")).hasMessageContaining("--checks needs a value");
    }

    @Test
    void headlessRunsAsFastAsPossibleUnlessPaced() {
        assertThat(parse("--headless").speed()).isEmpty();
        assertThat(parse("--headless", "--speed", "max").speed()).isEmpty();
        assertThat(parse("--headless", "--speed", "60x").speed()).hasValue(60);
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> parse("--sped", "2")).hasMessageContaining("'--sped'");
        assertThatThrownBy(() -> parse("--seed", "abc")).hasMessageContaining("--seed").hasMessageContaining("'abc'");
        assertThatThrownBy(() -> parse("--speed", "9000")).hasMessageContaining("--speed");
        assertThatThrownBy(() -> parse("--speed", "max")).hasMessageContaining("--headless");
        assertThatThrownBy(() -> parse("--headless", "--duration", "forever")).hasMessageContaining("--duration");
        assertThatThrownBy(() -> parse("--report", "x.json")).hasMessageContaining("--headless");
        assertThatThrownBy(() -> parse("--topology")).hasMessageContaining("--topology needs a value");
    }

    @Test
    void runbookApiIsOffUnlessAskedAndOnLoopbackUnlessAnAddressIsNamed() {
        assertThat(parse().api()).isEmpty();
        assertThat(parse("--api").api()).contains(new ApiLaunch("127.0.0.1", 7878, false));
        assertThat(parse("--api", "--api-port", "0").api()).contains(new ApiLaunch("127.0.0.1", 0, false));
        assertThat(parse("--headless", "--api-port", "9000").api()).contains(new ApiLaunch("127.0.0.1", 9000, false));
        assertThat(parse("--api-bind", "0.0.0.0").api()).contains(new ApiLaunch("0.0.0.0", 7878, true));
        assertThat(CommandLine.USAGE).contains("--api ").contains("--api-port N").contains("--api-bind ADDR");
    }

    @Test
    void runbookApiMistakesAreNamed() {
        assertThatThrownBy(() -> parse("--api-port", "http")).hasMessageContaining("--api-port").hasMessageContaining("'http'");
        assertThatThrownBy(() -> parse("--api-port", "70000")).hasMessageContaining("--api-port").hasMessageContaining("70000");
        assertThatThrownBy(() -> parse("--api-port")).hasMessageContaining("--api-port needs a value");
        assertThatThrownBy(() -> parse("--api-bind")).hasMessageContaining("--api-bind needs a value");
    }

    @Test
    void healingModeAndChangeFreezesAreTakenAndTheirMistakesNamed() {
        LaunchOptions options = parse("--headless", "--healing", "auto", "--change-freeze",
                "at=30m,for=2h,reason=release train, Friday", "--change-freeze", "for=10m,reason=audit");

        assertThat(options.headlessHealing()).isEqualTo(dev.firebreak.engine.heal.HealingMode.AUTOMATIC);
        java.time.Instant start = java.time.Instant.parse("2026-11-02T00:00:00Z");
        assertThat(options.changeFreezes()).extracting(f -> f.from(start)).containsExactly(
                new dev.firebreak.engine.heal.ChangeFreeze(start.plusSeconds(1800), start.plusSeconds(9000),
                        "release train, Friday"),
                new dev.firebreak.engine.heal.ChangeFreeze(start, start.plusSeconds(600), "audit"));
        assertThat(parse("--headless").headlessHealing()).isEqualTo(dev.firebreak.engine.heal.HealingMode.SHADOW);
        assertThat(parse().healing()).isEmpty();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse("--healing", "yolo"))
                .hasMessageContaining("--healing: unknown healing mode 'yolo'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse("--change-freeze", "at=5m,reason=x"))
                .hasMessageContaining("--change-freeze: for=DURATION is required");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse("--change-freeze", "at=5m,for=1h"))
                .hasMessageContaining("--change-freeze: a reason is required");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse("--change-freeze", "at=soon,for=1h,reason=x"))
                .hasMessageContaining("--change-freeze: at:");
    }

    @Test
    void healingStrategiesAreTakenIntoTheHeadlessConfigAndAnUnknownOneIsNamed() {
        LaunchOptions options = parse("--headless", "--healing-strategies", "Reactive, predictive");
        java.time.Instant start = java.time.Instant.parse("2026-11-02T00:00:00Z");

        assertThat(options.healingStrategies()).contains(java.util.Set.of(dev.firebreak.engine.heal.Strategy.REACTIVE,
                dev.firebreak.engine.heal.Strategy.PREDICTIVE));
        assertThat(dev.firebreak.app.headless.HeadlessRun.healing(options, start).strategies()).containsExactlyInAnyOrder(
                dev.firebreak.engine.heal.Strategy.REACTIVE, dev.firebreak.engine.heal.Strategy.PREDICTIVE);
        assertThat(dev.firebreak.app.headless.HeadlessRun.healing(parse("--headless"), start).strategies())
                .containsExactlyInAnyOrder(dev.firebreak.engine.heal.Strategy.values());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse("--healing-strategies", "reactive,hopeful"))
                .hasMessageContaining("--healing-strategies: unknown strategy 'hopeful'")
                .hasMessageContaining("reactive, proactive, predictive");
    }
}
