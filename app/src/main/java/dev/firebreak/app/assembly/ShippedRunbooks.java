package dev.firebreak.app.assembly;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The runbooks shipped in sample-data, copied out of the classpath (listed in {@code runbooks/index.txt}) into a
 * directory, so SCRIPT steps have real files to run and a person can read what the console runs.
 */
public final class ShippedRunbooks {

    public static final String INDEX = "runbooks/index.txt";
    private static Path temporaryCopy;

    private ShippedRunbooks() {
    }

    /** Copies every shipped file into {@code directory} (replacing older copies) and returns it. */
    public static Path extract(Path directory) {
        try {
            Files.createDirectories(directory);
            for (String name : index()) {
                Path target = directory.resolve(name).normalize();
                if (!target.startsWith(directory)) {
                    throw new IllegalStateException(INDEX + " names a file outside the runbooks: " + name);
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = resource("runbooks/" + name)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (name.startsWith("scripts/")) {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the shipped runbooks to " + directory + ": " + e.getMessage(), e);
        }
    }

    /** One copy per process in a temporary directory: headless runs and tests without a data directory. */
    public static synchronized Path temporary() {
        if (temporaryCopy == null) {
            try {
                temporaryCopy = extract(Files.createTempDirectory("firebreak-runbooks"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a directory for the shipped runbooks: " + e.getMessage(), e);
            }
        }
        return temporaryCopy;
    }

    private static List<String> index() throws IOException {
        try (InputStream in = resource(INDEX)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = ShippedRunbooks.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the classpath");
        }
        return in;
    }
}
