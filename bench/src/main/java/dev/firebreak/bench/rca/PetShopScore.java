package dev.firebreak.bench.rca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code bench/petshop-score OUT_DIR DATA_DIR}: top-1 and top-3 recall of the rankings {@code petshop-rca} wrote,
 * per scenario and symptom metric, against {@code root_cause.node} of each issue's {@code target.json}. The last line
 * is JSON.
 */
public final class PetShopScore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PetShopScore() {
    }

    /** Hits and cases of one (scenario, metric) group. */
    private static final class Tally {
        int cases;
        int top1;
        int top3;
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: petshop-score OUT_DIR DATA_DIR");
            System.exit(64);
        }
        try {
            score(Path.of(args[0]), Path.of(args[1]));
        } catch (PetShopInputException e) {
            System.err.println("petshop-score: " + e.getMessage());
            System.exit(2);
        }
    }

    static void score(Path out, Path data) {
        Map<String, Tally> groups = new TreeMap<>();
        Tally all = new Tally();
        List<String> missing = new ArrayList<>();
        for (Path scenario : PetShopRca.children(data)) {
            if (!Files.isRegularFile(scenario.resolve("graph.csv"))) {
                continue;
            }
            for (Path split : PetShopRca.children(scenario)) {
                if (!Files.isDirectory(split)) {
                    continue;
                }
                for (Path issue : PetShopRca.children(split)) {
                    if (!issue.getFileName().toString().startsWith("issue_") || !Files.isDirectory(issue)) {
                        continue;
                    }
                    JsonNode target = read(issue.resolve("target.json"));
                    String cause = text(target.path("root_cause").path("node"), issue.resolve("target.json"), "root_cause.node");
                    String metric = text(target.path("target").path("metric"), issue.resolve("target.json"), "target.metric");
                    Path result = out.resolve(scenario.getFileName()).resolve(split.getFileName())
                            .resolve(issue.getFileName() + ".json");
                    if (!Files.isRegularFile(result)) {
                        missing.add(result.toString());
                        continue;
                    }
                    JsonNode ranking = read(result).get("ranking");
                    if (ranking == null || !ranking.isArray()) {
                        throw new PetShopInputException(result + ": no 'ranking' array");
                    }
                    int rank = 0;
                    for (int i = 0; i < ranking.size(); i++) {
                        if (ranking.get(i).asText().equals(cause)) {
                            rank = i + 1;
                            break;
                        }
                    }
                    Tally group = groups.computeIfAbsent(scenario.getFileName() + " " + metric, k -> new Tally());
                    for (Tally t : List.of(group, all)) {
                        t.cases++;
                        t.top1 += rank == 1 ? 1 : 0;
                        t.top3 += rank >= 1 && rank <= 3 ? 1 : 0;
                    }
                    System.out.printf(Locale.ROOT, "%s/%s/%s %s: true cause ranked %s%n", scenario.getFileName(),
                            split.getFileName(), issue.getFileName(), metric, rank == 0 ? "nowhere" : String.valueOf(rank));
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new PetShopInputException("no ranking for " + missing.size() + " issue(s), first: " + missing.getFirst());
        }
        System.out.println("| scenario metric | issues | top-1 | top-3 |");
        System.out.println("|---|---|---|---|");
        StringBuilder json = new StringBuilder("{");
        groups.forEach((name, t) -> {
            System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f |%n", name, t.cases, share(t.top1, t.cases),
                    share(t.top3, t.cases));
            json.append(String.format(Locale.ROOT, "\"%s\":{\"top1\":%.3f,\"top3\":%.3f,\"cases\":%d},",
                    name.replace(' ', '/'), share(t.top1, t.cases), share(t.top3, t.cases), t.cases));
        });
        json.append(String.format(Locale.ROOT, "\"top1\":%.3f,\"top3\":%.3f,\"cases\":%d}", share(all.top1, all.cases),
                share(all.top3, all.cases), all.cases));
        System.out.println(json);
    }

    private static double share(int hits, int cases) {
        return cases == 0 ? 0 : (double) hits / cases;
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new PetShopInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, Path file, String field) {
        if (node == null || !node.isTextual()) {
            throw new PetShopInputException(file + ": " + field + " is missing or not text");
        }
        return node.asText();
    }
}
