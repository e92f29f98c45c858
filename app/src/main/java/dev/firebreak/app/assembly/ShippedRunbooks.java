package dev.firebreak.app.assembly;

import dev.firebreak.engine.store.TemporaryDirectory;
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
 * The runbooks and healing playbooks shipped in sample-data, copied out of the classpath (listed in
 * {@code runbooks/index.txt} and {@code playbooks/index.txt}) into a directory, so SCRIPT steps have real files to run
 * and a person can read what the console runs.
 */
public final class ShippedRunbooks {

    public static final String INDEX = "runbooks/index.txt";
    private static Path temporaryCopy;
    private static Path temporaryPlaybooks;

    private ShippedRunbooks() {
    }

    /** Copies every shipped runbook file into {@code directory} (replacing older copies) and returns it. */
    public static Path extract(Path directory) {
        return extract("runbooks", directory);
    }

    /** Copies every shipped healing playbook into {@code directory} (replacing older copies) and returns it. */
    public static Path extractPlaybooks(Path directory) {
        return extract("playbooks", directory);
    }

    private static Path extract(String folder, Path directory) {
        try {
            Files.createDirectories(directory);
            for (String name : index(folder + "/index.txt")) {
                Path target = directory.resolve(name).normalize();
                if (!target.startsWith(directory)) {
                    throw new IllegalStateException(folder + "/index.txt names a file outside the " + folder + ": " + name);
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = resource(folder + "/" + name)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (name.startsWith("scripts/")) {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the shipped " + folder + " to " + directory + ": " + e.getMessage(), e);
        }
    }

    /** One copy per process in a temporary directory: headless runs and tests without a data directory. */
    public static synchronized Path temporary() {
        if (temporaryCopy == null) {
            temporaryCopy = extract(TemporaryDirectory.create("firebreak-runbooks"));
        }
        return temporaryCopy;
    }

    /** The shipped playbooks, one copy per process in a temporary directory. */
    public static synchronized Path temporaryPlaybooks() {
        if (temporaryPlaybooks == null) {
            temporaryPlaybooks = extractPlaybooks(TemporaryDirectory.create("firebreak-playbooks"));
        }
        return temporaryPlaybooks;
    }

    private static List<String> index(String name) throws IOException {
        try (InputStream in = resource(name)) {
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
