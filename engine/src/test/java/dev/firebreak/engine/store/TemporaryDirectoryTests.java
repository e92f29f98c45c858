package dev.firebreak.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporaryDirectoryTests {

    @TempDir
    Path scratch;

    @Test
    void aDirectoryMadeByAProcessIsGoneWithWhatItHeldWhenTheProcessExits() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                TemporaryDirectoryMain.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String printed = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(child.waitFor()).isZero();

        Path made = Path.of(printed);
        assertThat(made.getFileName().toString()).startsWith("firebreak-exit-test");
        assertThat(made).doesNotExist();
    }

    @Test
    void deleteRemovesNestedFilesAndTheDirectoryButNothingBesideIt() throws IOException {
        Path doomed = Files.createDirectories(scratch.resolve("doomed/scripts/deep"));
        Files.writeString(doomed.resolve("a.sh"), "x");
        Files.writeString(scratch.resolve("doomed/top.yaml"), "y");
        Path neighbour = Files.writeString(scratch.resolve("keep.yaml"), "z");

        TemporaryDirectory.delete(scratch.resolve("doomed"));

        assertThat(scratch.resolve("doomed")).doesNotExist();
        assertThat(neighbour).hasContent("z");
    }

    @Test
    void deletingWhatIsNotThereDoesNothing() {
        TemporaryDirectory.delete(scratch.resolve("never-made"));

        assertThat(scratch).exists();
    }
}
