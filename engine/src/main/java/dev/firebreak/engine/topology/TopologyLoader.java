package dev.firebreak.engine.topology;

import dev.firebreak.engine.topology.internal.YamlTopologyParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Loads a topology from YAML. The format is documented at the top of
 * {@code sample-data/src/main/resources/topologies/shop.yaml}.
 *
 * <p>Every problem, from a YAML syntax error to a dependency cycle, is a {@link TopologyException}
 * naming the file, line and field; nothing is ever half-loaded.
 */
public final class TopologyLoader {

    private TopologyLoader() {
    }

    /** Loads a file; the error messages name it as given. */
    public static Topology load(Path file) throws TopologyException {
        Objects.requireNonNull(file, "file");
        String sourceName = file.toString();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(sourceName, reader);
        } catch (NoSuchFileException e) {
            throw new TopologyException(sourceName, 0, 0, "", "no such file");
        } catch (IOException e) {
            throw new TopologyException(sourceName, 0, 0, "", "cannot read the file: " + e.getMessage());
        }
    }

    /** Loads from any reader; {@code sourceName} is what error messages call it. The reader is not closed. */
    public static Topology load(String sourceName, Reader reader) throws TopologyException {
        return YamlTopologyParser.parse(Objects.requireNonNull(sourceName, "sourceName"), Objects.requireNonNull(reader, "reader"));
    }

    /** Loads YAML text held in memory, e.g. pasted by a person. */
    public static Topology loadText(String sourceName, String yaml) throws TopologyException {
        return load(sourceName, new StringReader(Objects.requireNonNull(yaml, "yaml")));
    }

    /** Loads a classpath resource such as {@code topologies/shop.yaml} (shipped by sample-data). */
    public static Topology loadResource(String resourceName) throws TopologyException {
        Objects.requireNonNull(resourceName, "resourceName");
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : TopologyLoader.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resourceName)) {
            if (in == null) {
                throw new TopologyException(resourceName, 0, 0, "", "no such resource on the classpath");
            }
            return load(resourceName, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TopologyException(resourceName, 0, 0, "", "cannot read the resource: " + e.getMessage());
        }
    }
}
