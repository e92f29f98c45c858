package dev.firebreak.bench.nab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One labelled anomaly window, inclusive at both ends. */
public record NabWindow(LocalDateTime start, LocalDateTime end) {

    public NabWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("window ends (" + end + ") before it starts (" + start + ")");
        }
    }

    /**
     * Reads NAB's combined_windows.json: {@code {"corpus/name.csv": [["start", "end"], ...]}}. Windows of
     * a file must be in time order and must not overlap.
     */
    public static Map<String, List<NabWindow>> load(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new NabInputException(file + ": cannot read windows: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new NabInputException(file + ": expected a JSON object mapping \"corpus/name.csv\" to windows");
        }
        Map<String, List<NabWindow>> result = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            result.put(entry.getKey(), windowsOf(file, entry.getKey(), entry.getValue()));
        }
        return result;
    }

    private static List<NabWindow> windowsOf(Path file, String key, JsonNode list) {
        if (!list.isArray()) {
            throw new NabInputException(file + ": " + key + ": expected a list of [start, end] pairs");
        }
        List<NabWindow> windows = new ArrayList<>();
        for (int w = 0; w < list.size(); w++) {
            JsonNode pair = list.get(w);
            String where = file + ": " + key + " window " + w;
            if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual() || !pair.get(1).isTextual()) {
                throw new NabInputException(where + ": expected [\"start\", \"end\"] timestamps, was " + pair);
            }
            LocalDateTime start = NabTime.parseOrNull(pair.get(0).asText());
            LocalDateTime end = NabTime.parseOrNull(pair.get(1).asText());
            if (start == null || end == null || end.isBefore(start)) {
                throw new NabInputException(where + ": not a valid [start, end] pair: " + pair);
            }
            if (!windows.isEmpty() && !start.isAfter(windows.getLast().end())) {
                throw new NabInputException(where + ": overlaps or precedes the window before it");
            }
            windows.add(new NabWindow(start, end));
        }
        return List.copyOf(windows);
    }
}
