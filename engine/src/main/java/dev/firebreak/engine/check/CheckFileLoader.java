package dev.firebreak.engine.check;

import dev.firebreak.engine.check.internal.YamlCheckFileParser;
import dev.firebreak.engine.topology.Topology;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads real health checks from YAML: which component of the topology each speaks for and what it probes (HTTP
 * status or body, TCP connect, a process alive by its pid file). See {@code checks/example.yaml} in sample-data
 * for every field. Every error names the file, line and field, and nothing is half-loaded.
 */
public final class CheckFileLoader {

    private CheckFileLoader() {
    }

    public static List<HealthCheck> load(Path file, Topology topology) throws CheckFileException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.getFileName().toString(), reader, topology);
        } catch (IOException e) {
            throw new CheckFileException(file.toString(), 0, "", "cannot read the file: " + e.getMessage());
        }
    }

    /** Loads a class-path resource, e.g. {@code checks/example.yaml}. */
    public static List<HealthCheck> loadResource(String resourceName, Topology topology) throws CheckFileException {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resourceName);
        if (in == null) {
            throw new CheckFileException(resourceName, 0, "", "no such resource on the class path");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(resourceName, reader, topology);
        } catch (IOException e) {
            throw new CheckFileException(resourceName, 0, "", "cannot read the resource: " + e.getMessage());
        }
    }

    public static List<HealthCheck> parse(String sourceName, Reader reader, Topology topology) throws CheckFileException {
        return YamlCheckFileParser.parse(sourceName, reader, topology);
    }
}
