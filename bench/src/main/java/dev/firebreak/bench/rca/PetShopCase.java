package dev.firebreak.bench.rca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebreak.engine.rca.CallGraph;
import dev.firebreak.engine.rca.MetricSpec;
import dev.firebreak.engine.rca.Period;
import dev.firebreak.engine.rca.RcaInput;
import dev.firebreak.engine.rca.SeriesSource;
import dev.firebreak.engine.rca.Symptom;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One PetShop issue as the analyzer's generic input. The normal period is the scenario's {@code noissue} table and the
 * issue's rows before the symptom's timestamp; the anomalous period is the issue's rows from the symptom on. The
 * {@code noissue} table was recorded at another time, so its rows are placed on the axis a day before the issue's, one
 * step apart: they give the metrics' normal spread, and the issue's own rows before the symptom the level just before
 * it ({@code RcaConfig.recentLevelSeconds}). Of {@code target.json} only {@code target} is read, never the answer.
 */
final class PetShopCase {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The reference rows end this long before the issue's first row, outside the recent level's reach. */
    private static final long REFERENCE_GAP_SECONDS = 86_400;

    private PetShopCase() {
    }

    /** What the metric names of PetShop mean: "latency/p90", "requests/Sum", "availability/Average". */
    static MetricSpec spec(String name) {
        String metric = name.substring(0, name.indexOf('/'));
        return switch (metric) {
            case "latency" -> MetricSpec.of(name, MetricSpec.Role.LATENCY, MetricSpec.Bad.UP);
            case "availability" -> MetricSpec.of(name, MetricSpec.Role.ERRORS, MetricSpec.Bad.DOWN);
            case "requests" -> MetricSpec.of(name, MetricSpec.Role.TRAFFIC, MetricSpec.Bad.EITHER);
            default -> throw new PetShopInputException("unknown PetShop metric '" + metric + "' (known: latency,"
                    + " availability, requests)");
        };
    }

    /** The symptom from {@code target.json}'s {@code target} object. */
    static Symptom symptom(Path targetJson) {
        try {
            JsonNode target = JSON.readTree(targetJson.toFile()).get("target");
            if (target == null || !target.hasNonNull("node") || !target.hasNonNull("metric")
                    || !target.hasNonNull("timestamp")) {
                throw new PetShopInputException(targetJson + ": 'target' needs node, metric and timestamp");
            }
            String agg = target.hasNonNull("agg") ? target.get("agg").asText() : "Average";
            return new Symptom(target.get("node").asText(), target.get("metric").asText() + "/" + agg,
                    target.get("timestamp").asLong());
        } catch (IOException e) {
            throw new PetShopInputException("cannot read " + targetJson + ": " + e.getMessage(), e);
        }
    }

    static RcaInput input(CallGraph graph, PetShopCsv.Metrics normal, PetShopCsv.Metrics issue, Symptom symptom) {
        long[] issueTimes = issue.times();
        if (issueTimes.length == 0) {
            throw new PetShopInputException("the issue has no samples");
        }
        long step = issueTimes.length > 1 ? issueTimes[1] - issueTimes[0] : 300;
        int n = normal.times().length;
        long[] times = new long[n + issueTimes.length];
        for (int i = 0; i < n; i++) {
            times[i] = issueTimes[0] - REFERENCE_GAP_SECONDS - (long) (n - i) * step;
        }
        System.arraycopy(issueTimes, 0, times, n, issueTimes.length);
        Map<String, Map<String, double[]>> series = new HashMap<>();
        Map<String, MetricSpec> specs = new LinkedHashMap<>();
        issue.series().forEach((node, metrics) -> metrics.forEach((metric, values) -> {
            specs.computeIfAbsent(metric, PetShopCase::spec);
            double[] joined = new double[times.length];
            java.util.Arrays.fill(joined, 0, n, Double.NaN);
            double[] before = normal.series().getOrDefault(node, Map.of()).get(metric);
            if (before != null) {
                System.arraycopy(before, 0, joined, 0, n);
            }
            System.arraycopy(values, 0, joined, n, values.length);
            series.computeIfAbsent(node, k -> new HashMap<>()).put(metric, joined);
        }));
        if (!graph.contains(symptom.node())) {
            throw new PetShopInputException("the target node '" + symptom.node() + "' is not in graph.csv");
        }
        long onset = Math.min(symptom.epochSecond(), issueTimes[issueTimes.length - 1]);
        return new RcaInput(graph, times, SeriesSource.of(series), specs, new Period(times[0], onset),
                new Period(onset, issueTimes[issueTimes.length - 1] + 1), symptom, List.of(), List.of(), List.of());
    }
}
