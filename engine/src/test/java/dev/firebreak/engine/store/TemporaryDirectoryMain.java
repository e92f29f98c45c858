package dev.firebreak.engine.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs in a child JVM for {@link TemporaryDirectoryTests}: makes a temporary directory with a file in a folder, prints
 * its path on stdout (the protocol with the parent test) and exits.
 */
public final class TemporaryDirectoryMain {

    private TemporaryDirectoryMain() {
    }

    public static void main(String[] args) throws IOException {
        Path directory = TemporaryDirectory.create("firebreak-exit-test");
        Files.createDirectories(directory.resolve("scripts"));
        Files.writeString(directory.resolve("scripts/run.sh"), "true\n");
        System.out.println(directory);
    }
}
