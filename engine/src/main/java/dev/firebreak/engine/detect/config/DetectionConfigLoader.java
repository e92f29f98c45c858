package dev.firebreak.engine.detect.config;

import dev.firebreak.engine.detect.config.internal.YamlDetectionConfigParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads detection settings from YAML as overrides of {@link DetectionConfig#ofDefaults()}: only what the
 * file names changes. See {@code detection/defaults.yaml} in sample-data for every field.
 */
public final class DetectionConfigLoader {

    private DetectionConfigLoader() {
    }

    public static DetectionConfig load(Path file) throws DetectionConfigException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.getFileName().toString(), reader);
        } catch (IOException e) {
            throw new DetectionConfigException(file.toString(), 0, "", "cannot read the file: " + e.getMessage());
        }
    }

    /** Loads a class-path resource, e.g. {@code detection/defaults.yaml}. */
    public static DetectionConfig loadResource(String resourceName) throws DetectionConfigException {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resourceName);
        if (in == null) {
            throw new DetectionConfigException(resourceName, 0, "", "no such resource on the class path");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(resourceName, reader);
        } catch (IOException e) {
            throw new DetectionConfigException(resourceName, 0, "", "cannot read the resource: " + e.getMessage());
        }
    }

    public static DetectionConfig parse(String sourceName, Reader reader) throws DetectionConfigException {
        return YamlDetectionConfigParser.parse(sourceName, reader, DetectionConfig.ofDefaults());
    }
}
