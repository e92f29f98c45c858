package dev.firebreak.engine.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A directory in the system's temporary directory that is deleted, with what it holds, when the JVM exits normally.
 * Headless runs, tests and benchmarks each made copies that piled up by the thousand; a killed process still leaves
 * its own behind, which is harmless: nothing reads another process's copy.
 */
public final class TemporaryDirectory {

    private TemporaryDirectory() {
    }

    /** Creates the directory; it is gone after the JVM exits. */
    public static Path create(String prefix) {
        try {
            Path directory = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(directory), "delete " + directory.getFileName()));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory " + prefix + "...: " + e.getMessage(), e);
        }
    }

    /** Deletes the directory and what it holds, as far as it can; what cannot be deleted stays. */
    public static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // what is left is left; the next run makes its own
        }
    }
}
