package dev.firebreak.engine.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever an argument holds, the child receives it as one literal element: no shell ever reads it. */
class ProcessArgvInjectionTests {

    private static final List<String> HOSTILE = List.of(
            "x; rm -rf ~",
            "$(id)",
            "`uname`",
            "a b",
            "'quoted'",
            "\"double quoted\"",
            "*",
            "&& echo pwned",
            "",
            "| cat /etc/passwd",
            "> /tmp/firebreak-pwned",
            "$HOME",
            "back\\slash",
            "tab\there",
            "-n",
            "unicode é ✓");

    @TempDir
    Path dir;

    @Test
    void hostileArgumentsArriveAsExactlyThoseLiteralElements() {
        Path echo = Scripts.write(dir, "echo-argv", Scripts.ECHO_ARGV);
        List<String> argv = Stream.concat(Stream.of(echo.toString()), HOSTILE.stream()).toList();

        Outcome outcome = Scripts.executor().run(Scripts.process(argv, Duration.ofSeconds(10), 64 * 1024),
                OutputSink.NONE);

        assertThat(outcome.status()).as(outcome.message()).isEqualTo(Outcome.Status.SUCCEEDED);
        assertThat(outcome.output()).isEqualTo(String.join("\n", HOSTILE) + "\n");
    }

    @Test
    void eachElementReachesTheSinkAsOneLineEvenWhenEmpty() {
        Path echo = Scripts.write(dir, "echo-argv", Scripts.ECHO_ARGV);
        List<String> argv = Stream.concat(Stream.of(echo.toString()), HOSTILE.stream()).toList();
        List<String> lines = new ArrayList<>();

        Scripts.executor().run(Scripts.process(argv, Duration.ofSeconds(10), 64 * 1024), lines::add);

        assertThat(lines).containsExactlyElementsOf(HOSTILE);
    }

    @Test
    void aProgramNameWithShellSyntaxIsNotRunAsACommand() {
        Path marker = dir.resolve("ran");
        Outcome outcome = Scripts.executor().run(Scripts.process(List.of("touch " + marker), Duration.ofSeconds(5),
                1024), OutputSink.NONE);

        assertThat(outcome.status()).isEqualTo(Outcome.Status.REFUSED);
        assertThat(marker).doesNotExist();
    }
}
