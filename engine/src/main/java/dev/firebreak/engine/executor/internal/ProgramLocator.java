package dev.firebreak.engine.executor.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the file {@code argv[0]} names, on the child's {@code PATH}. The JDK looks a bare program name up on the
 * console's own {@code PATH}, which the allow-list may not even pass on; a step must run what its own environment
 * says, so the name is resolved here and the child is started from the absolute path.
 */
final class ProgramLocator {

    private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");

    private ProgramLocator() {
    }

    /** Where the program was found, or why it was not. */
    sealed interface Located {
        record Found(String path) implements Located {
        }

        record Missing(String reason) implements Located {
        }
    }

    /**
     * A name holding a separator is a path, taken as it is (relative to the working directory, as the child sees
     * it); a bare name is searched for on {@code childPath}. Empty and relative entries of the search path are
     * skipped: a step never runs a program because of the directory it happens to start in.
     */
    static Located locate(String program, String childPath, Path workingDirectory) {
        if (program.indexOf('/') >= 0 || program.indexOf(File.separatorChar) >= 0) {
            Path path;
            try {
                path = workingDirectory.resolve(program);
            } catch (InvalidPathException e) {
                return new Located.Missing("program '" + program + "' is not a valid path");
            }
            if (!Files.isRegularFile(path)) {
                return new Located.Missing("program '" + program + "' not found");
            }
            if (!Files.isExecutable(path)) {
                return new Located.Missing("program '" + program + "' is not executable");
            }
            return new Located.Found(program);
        }
        if (childPath == null || childPath.isBlank()) {
            return new Located.Missing("program '" + program + "' not found: the child's environment has no PATH");
        }
        for (String entry : childPath.split(File.pathSeparator)) {
            for (Path candidate : candidates(entry, program)) {
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return new Located.Found(candidate.toString());
                }
            }
        }
        return new Located.Missing("program '" + program + "' not found on the child's PATH " + childPath);
    }

    private static List<Path> candidates(String entry, String program) {
        List<Path> out = new ArrayList<>();
        try {
            Path dir = Path.of(entry);
            if (entry.isEmpty() || !dir.isAbsolute()) {
                return out;
            }
            out.add(dir.resolve(program));
            // .exe only: a .bat or .cmd would run through cmd.exe, which re-parses its arguments
            if (WINDOWS && !program.toLowerCase(java.util.Locale.ROOT).endsWith(".exe")) {
                out.add(dir.resolve(program + ".exe"));
            }
        } catch (InvalidPathException e) {
            // an entry that is no path holds no program
        }
        return out;
    }
}
