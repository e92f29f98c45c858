package dev.firebreak.bench.rca;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.engine.rca.CallGraph;
import dev.firebreak.engine.rca.Cause;
import dev.firebreak.engine.rca.Diagnosis;
import dev.firebreak.engine.rca.RootCauseAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code bench/petshop-rca DATA_DIR OUT_DIR}: the console's own root-cause analysis, with its one default
 * configuration, on every PetShop issue. For every {@code DATA_DIR/<scenario>/<split>/issue_N/} writes
 * {@code OUT_DIR/<scenario>/<split>/issue_N.json} holding {@code {"ranking": [every node of the graph, best first]}}.
 */
public final class PetShopRca {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PetShopRca() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: petshop-rca DATA_DIR OUT_DIR");
            System.exit(64);
        }
        try {
            int cases = run(Path.of(args[0]), Path.of(args[1]));
            System.out.println("petshop-rca: ranked " + cases + " issues into " + args[1]);
        } catch (PetShopInputException e) {
            System.err.println("petshop-rca: " + e.getMessage());
            System.exit(2);
        }
    }

    static int run(Path data, Path out) {
        RootCauseAnalyzer analyzer = RootCauseAnalyzer.ofDefaults();
        int cases = 0;
        for (Path scenario : children(data)) {
            Path graphFile = scenario.resolve("graph.csv");
            if (!Files.isRegularFile(graphFile)) {
                continue;
            }
            CallGraph graph = PetShopCsv.graph(graphFile);
            PetShopCsv.Metrics normal = PetShopCsv.metrics(scenario.resolve("noissue").resolve("metrics.csv"));
            for (Path split : children(scenario)) {
                if (!Files.isDirectory(split)) {
                    continue;
                }
                for (Path issue : children(split)) {
                    if (!issue.getFileName().toString().startsWith("issue_") || !Files.isDirectory(issue)) {
                        continue;
                    }
                    Diagnosis diagnosis = analyzer.analyze(PetShopCase.input(graph, normal,
                            PetShopCsv.metrics(issue.resolve("metrics.csv")), PetShopCase.symptom(issue.resolve("target.json"))));
                    if (Boolean.getBoolean("petshop.explain")) {
                        explain(issue, diagnosis);
                    }
                    write(out.resolve(scenario.getFileName()).resolve(split.getFileName())
                            .resolve(issue.getFileName() + ".json"), diagnosis.causes());
                    cases++;
                }
            }
        }
        if (cases == 0) {
            throw new PetShopInputException(data + ": no <scenario>/<split>/issue_N/ directories with a graph.csv");
        }
        return cases;
    }

    /** With -Dpetshop.explain=true: the top five with their evidence, on standard error. */
    private static void explain(Path issue, Diagnosis diagnosis) {
        System.err.println(issue + " symptom " + diagnosis.symptom() + " notes " + diagnosis.notes());
        diagnosis.causes().stream().limit(Integer.getInteger("petshop.top", 5)).forEach(c -> System.err.printf(java.util.Locale.ROOT,
                "  %.3f %.3f %s [%s] %s%n", c.score(), c.confidence(), c.component(), c.kind(), c.evidence()));
    }

    private static void write(Path file, List<Cause> causes) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode ranking = root.putArray("ranking");
        causes.forEach(c -> ranking.add(c.component()));
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new PetShopInputException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static List<Path> children(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList();
        } catch (IOException e) {
            throw new PetShopInputException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
