package dev.firebreak.bench.nab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One NAB application profile: the weights of a detected window (A_TP), of a detected row outside
 * any window (A_FP) and of a missed window (A_FN).
 */
public record NabProfile(String name, double tpWeight, double fpWeight, double fnWeight) {

    public NabProfile {
        Objects.requireNonNull(name, "name");
        requirePositive(name, "tpWeight", tpWeight);
        requirePositive(name, "fpWeight", fpWeight);
        requirePositive(name, "fnWeight", fnWeight);
    }

    private static void requirePositive(String profile, String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("profile " + profile + ": " + field + " must be a positive number, was " + value);
        }
    }

    /** Reads NAB's profiles.json ({@code {name: {"CostMatrix": {"tpWeight":..,"fpWeight":..,"fnWeight":..}}}}). */
    public static List<NabProfile> load(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new NabInputException(file + ": cannot read profiles: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw new NabInputException(file + ": expected a JSON object of profiles");
        }
        List<NabProfile> profiles = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode costs = entry.getValue().path("CostMatrix");
            profiles.add(new NabProfile(entry.getKey(), weight(file, entry.getKey(), costs, "tpWeight"),
                    weight(file, entry.getKey(), costs, "fpWeight"), weight(file, entry.getKey(), costs, "fnWeight")));
        }
        return profiles;
    }

    private static double weight(Path file, String profile, JsonNode costs, String field) {
        JsonNode node = costs.path(field);
        if (!node.isNumber()) {
            throw new NabInputException(file + ": profile " + profile + " has no numeric CostMatrix." + field);
        }
        return node.asDouble();
    }
}
