package dev.firebreak.engine.executor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** POSIX shell scripts written at test time: each is a program, started by its path as argv[0]. */
final class Scripts {

    /** Prints each argument on its own line, exactly as received. */
    static final String ECHO_ARGV = "for a in \"$@\"; do printf '%s\\n' \"$a\"; done\n";

    /** Where the system's basic tools live; children get only what a test passes. */
    static final Map<String, String> SYSTEM_PATH = Map.of("PATH", "/usr/bin:/bin");

    private Scripts() {
    }

    static Path write(Path directory, String name, String body) {
        try {
            Path script = directory.resolve(name);
            Files.writeString(script, "#!/bin/sh\n" + body);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Invocation.Process process(List<String> argv, Duration timeout, int outputLimitBytes) {
        return new Invocation.Process(argv, Optional.empty(), Map.of(), timeout, outputLimitBytes);
    }

    static Executor executor() {
        return Executors.process(new ProcessPolicy(java.util.Set.of("PATH"), SYSTEM_PATH));
    }
}
