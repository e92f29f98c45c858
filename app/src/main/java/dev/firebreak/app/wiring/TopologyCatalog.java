package dev.firebreak.app.wiring;

import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyException;
import dev.firebreak.engine.topology.TopologyGenerator;
import dev.firebreak.engine.topology.TopologyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Turns a topology choice ("shop", "synthetic:2000", a file) into a Topology. */
public final class TopologyCatalog {

    public static final String SHOP = "shop";
    public static final String SYNTHETIC = "synthetic";
    public static final int DEFAULT_SYNTHETIC_SIZE = 2000;
    private static final String SHOP_RESOURCE = "topologies/shop.yaml";

    private TopologyCatalog() {
    }

    /**
     * @throws IllegalArgumentException when the choice names nothing loadable
     * @throws dev.firebreak.engine.topology.TopologyException when a file is invalid (names file, line, field)
     */
    public static Topology resolve(String choice, long seed) throws TopologyException {
        if (choice.equals(SHOP)) {
            return TopologyLoader.loadResource(SHOP_RESOURCE);
        }
        if (choice.equals(SYNTHETIC) || choice.startsWith(SYNTHETIC + ":")) {
            return TopologyGenerator.generate(syntheticSize(choice), seed);
        }
        Path file = Path.of(choice);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--topology '" + choice + "' is neither shop, synthetic[:N] nor a readable YAML file");
        }
        return TopologyLoader.load(file);
    }

    private static int syntheticSize(String choice) {
        if (choice.equals(SYNTHETIC)) {
            return DEFAULT_SYNTHETIC_SIZE;
        }
        String size = choice.substring(SYNTHETIC.length() + 1);
        try {
            int components = Integer.parseInt(size);
            if (components < 10 || components > 20_000) {
                throw new IllegalArgumentException("synthetic topology size must be between 10 and 20000, was " + components);
            }
            return components;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("synthetic topology size '" + size + "' is not a whole number", e);
        }
    }

    private static Topology resolveOrExplain(String choice, long seed) {
        try {
            return resolve(choice, seed);
        } catch (TopologyException e) {
            // The shipped topologies are tested; if one is broken the message names file and line.
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A topology file for the console's menu; errors surface when the person picks it. */
    public static Topology resolveFile(String file) {
        return resolveOrExplain(file, 0);
    }

    /** The choices the console offers in its topology menu, loaded lazily. */
    public static Map<String, Supplier<Topology>> consoleChoices(long seed) {
        Map<String, Supplier<Topology>> choices = new LinkedHashMap<>();
        choices.put("Shop", () -> resolveOrExplain(SHOP, seed));
        choices.put("Synthetic 2,000", () -> resolveOrExplain(SYNTHETIC, seed));
        return choices;
    }
}
