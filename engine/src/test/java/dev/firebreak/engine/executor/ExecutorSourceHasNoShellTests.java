package dev.firebreak.engine.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Executors and the runbook engine start programs from argument vectors only. A shell given a built string would
 * re-read every value in it as syntax, so the source may not even mention the forms that do that.
 */
class ExecutorSourceHasNoShellTests {

    private static final List<Path> SOURCES = List.of(
            Path.of("src/main/java/dev/firebreak/engine/executor"),
            Path.of("src/main/java/dev/firebreak/engine/runbook"));

    private static final String SHELLS = "(?:/(?:usr/)?bin/)?\\b(?:sh|bash|dash|zsh|ksh|mksh|ash|csh|tcsh|fish|pwsh"
            + "|powershell)(?:\\.exe)?";

    /** A shell name then {@code -c} as the next word or string literal, {@code cmd /c}, or {@code Runtime.exec}. */
    private static final List<Pattern> FORBIDDEN = List.of(
            Pattern.compile(SHELLS + "\\s*\"?\\s*,?\\s*\"?\\s*-c\\b"),
            Pattern.compile("\\bcmd(?:\\.exe)?\\s*\"?\\s*,?\\s*\"?\\s*/c\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("Runtime\\s*\\.\\s*getRuntime\\s*\\(\\s*\\)\\s*\\.\\s*exec\\s*\\("));

    static List<String> violations(String source) {
        List<String> found = new ArrayList<>();
        for (Pattern pattern : FORBIDDEN) {
            pattern.matcher(source).results().forEach(match -> found.add(match.group()));
        }
        return found;
    }

    @Test
    void noExecutorOrRunbookSourceStartsAShell() throws IOException {
        assertThat(SOURCES.getFirst()).as("run from the engine module's directory").isDirectory();
        List<Path> files = new ArrayList<>();
        for (Path root : SOURCES) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(file -> file.toString().endsWith(".java")).forEach(files::add);
                }
            }
        }
        assertThat(files).as("executor sources").hasSizeGreaterThanOrEqualTo(5);

        List<String> offences = new ArrayList<>();
        for (Path file : files) {
            violations(Files.readString(file)).forEach(match -> offences.add(file + ": " + match));
        }

        assertThat(offences).isEmpty();
    }

    @Test
    void theScanCatchesEachForbiddenForm() {
        assertThat(List.of(
                "new ProcessBuilder(\"sh\", \"-c\", command)",
                "List.of(\"bash\", \"-c\", line)",
                "new ProcessBuilder(\"/bin/sh\",\"-c\", s)",
                "args(\"/usr/bin/zsh\", \"-c\", s)",
                "// runs bash -c \"$cmd\"",
                "new ProcessBuilder(\"cmd\", \"/c\", line)",
                "new ProcessBuilder(\"CMD.EXE\", \"/C\", line)",
                "String launcher = \"cmd /c \" + line;",
                "Runtime.getRuntime().exec(line)",
                "Runtime.getRuntime() .exec (new String[] {})"))
                .allSatisfy(source -> assertThat(violations(source)).as(source).isNotEmpty());
    }

    @Test
    void theScanLeavesArgumentVectorsAlone() {
        assertThat(List.of(
                "new ProcessBuilder(List.of(\"/usr/bin/env\"))",
                "List.of(\"kubectl\", \"--context\", c)",
                "Path.of(\"/bin/sh\")",
                "ssh -c aes128-ctr host",
                "\"-c\" alone is a flag of many programs",
                "Runtime.getRuntime().availableProcessors()"))
                .allSatisfy(source -> assertThat(violations(source)).as(source).isEmpty());
    }
}
