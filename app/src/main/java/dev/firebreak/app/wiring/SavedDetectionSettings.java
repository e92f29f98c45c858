package dev.firebreak.app.wiring;

import dev.firebreak.engine.detect.composite.CompositeConfig;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.detect.config.DetectionConfigException;
import dev.firebreak.engine.detect.config.DetectionConfigLoader;
import dev.firebreak.engine.detect.config.DetectionConfigWriter;
import dev.firebreak.engine.detect.config.MetricDetectionConfig;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.views.session.DetectionSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;

/**
 * The detection settings in force across sessions and restarts: read at start from {@code --detection-config}
 * or else {@code DATA_DIR/detection.yaml} (or the shipped defaults), and written back to the data directory
 * each time a person applies a change on the settings screen. The file is the loader's own YAML, so a saved
 * file can be passed to {@code --detection-config} elsewhere and a person can read and edit it.
 */
public final class SavedDetectionSettings {

    public static final String FILE_NAME = "detection.yaml";
    private final Path file;
    private volatile DetectionConfig current;

    private SavedDetectionSettings(Path file, DetectionConfig current) {
        this.file = file;
        this.current = current;
    }

    /**
     * @param override a file given with {@code --detection-config}: read instead of the saved one (never written)
     * @throws DetectionConfigException naming file, line and field when the file to read is not valid; the file
     *                                  is left as it is, so nothing a person wrote is lost
     */
    public static SavedDetectionSettings load(Path dataDir, Optional<Path> override) throws DetectionConfigException {
        Path saved = dataDir.resolve(FILE_NAME);
        if (override.isPresent()) {
            return new SavedDetectionSettings(saved, DetectionConfigLoader.load(override.get()));
        }
        if (Files.exists(saved)) {
            return new SavedDetectionSettings(saved, DetectionConfigLoader.load(saved));
        }
        return new SavedDetectionSettings(saved, DetectionConfig.ofDefaults());
    }

    /** The settings new sessions start with. */
    public DetectionConfig current() {
        return current;
    }

    public Path file() {
        return file;
    }

    /** Remembers {@code config} and writes it beside the database; a crash mid-write leaves the old file whole. */
    public void save(DetectionConfig config) {
        current = Objects.requireNonNull(config, "config");
        Path partial = file.resolveSibling(FILE_NAME + ".partial");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(partial, DetectionConfigWriter.toYaml(config), StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save detection settings to " + file + ": " + e.getMessage(), e);
        }
    }

    /** A settings port that saves what it applies, after the running detection took it. */
    public DetectionSettings saving(DetectionSettings port) {
        return new DetectionSettings() {
            @Override
            public DetectionConfig detectionConfig() {
                return port.detectionConfig();
            }

            @Override
            public void configureDetection(MetricName metric, MetricDetectionConfig detectors, CompositeConfig composite) {
                port.configureDetection(metric, detectors, composite);
                save(port.detectionConfig());
            }
        };
    }
}
