package dev.firebreak.views.fx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Writes snapshots of nodes or scenes as PNG files into the directory named by the system property
 * {@value #DIRECTORY_PROPERTY} (the build sets it to {@code target/screenshots}). Call on the FX thread.
 */
public final class Screenshots {

    public static final String DIRECTORY_PROPERTY = "firebreak.screenshots";

    private Screenshots() {
    }

    /** The configured directory, or empty when screenshots are not wanted. */
    public static Optional<Path> directory() {
        String dir = System.getProperty(DIRECTORY_PROPERTY);
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
    }

    public static Path write(Scene scene, String name) {
        return write(scene.snapshot(null), name);
    }

    public static Path write(Node node, String name) {
        return write(node.snapshot(null, null), name);
    }

    private static Path write(WritableImage image, String name) {
        Path dir = directory().orElseThrow(() -> new IllegalStateException(
                "system property " + DIRECTORY_PROPERTY + " is not set; cannot write screenshot " + name));
        Path file = dir.resolve(name.endsWith(".png") ? name : name + ".png");
        try {
            Files.createDirectories(dir);
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write screenshot " + file, e);
        }
        return file;
    }
}
