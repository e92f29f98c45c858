package dev.firebreak.bench.rca;

import dev.firebreak.engine.rca.CallGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads PetShop's two CSV shapes: the adjacency matrix and the metrics table with four header rows. */
final class PetShopCsv {

    private PetShopCsv() {
    }

    /** A metrics table: one column per (node, metric, statistic), one row per timestamp. */
    record Metrics(long[] times, Map<String, Map<String, double[]>> series) {
    }

    /** {@code graph.csv}: first row the callee names, then one row per caller; 1 = calls. */
    static CallGraph graph(Path file) {
        List<String[]> rows = rows(file);
        if (rows.isEmpty()) {
            throw new PetShopInputException(file + ": empty");
        }
        String[] header = rows.getFirst();
        List<String> names = new ArrayList<>();
        for (int j = 1; j < header.length; j++) {
            names.add(header[j].trim());
        }
        List<String> nodes = new ArrayList<>(names);
        List<CallGraph.Call> calls = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            String[] row = rows.get(i);
            String caller = row[0].trim();
            if (!nodes.contains(caller)) {
                nodes.add(caller);
            }
            if (row.length != header.length) {
                throw new PetShopInputException(file + " line " + (i + 1) + ": " + row.length + " cells, the header has "
                        + header.length);
            }
            for (int j = 1; j < row.length; j++) {
                double value = number(row[j], file, i + 1, j + 1);
                if (value != 0 && !Double.isNaN(value)) {
                    calls.add(new CallGraph.Call(caller, names.get(j - 1)));
                }
            }
        }
        try {
            return new CallGraph(nodes, calls, observedOnly(nodes));
        } catch (IllegalArgumentException e) {
            throw new PetShopInputException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * PetShop's node ids are X-Ray's name and node type. Type {@code remote} is an endpoint a caller's SDK recorded
     * calls to without the endpoint sending any trace of its own (a load balancer's address, a web site): its metrics
     * are the caller's view of those calls.
     */
    static java.util.Set<String> observedOnly(List<String> nodes) {
        return nodes.stream().filter(n -> n.endsWith(REMOTE_TYPE)).collect(java.util.stream.Collectors.toSet());
    }

    private static final String REMOTE_TYPE = "_remote";

    /** {@code metrics.csv}: rows microservice, metric, statistic, unix_timestamp, then the samples. */
    static Metrics metrics(Path file) {
        List<String[]> rows = rows(file);
        if (rows.size() < 5) {
            throw new PetShopInputException(file + ": expected four header rows and at least one sample row, found "
                    + rows.size() + " rows");
        }
        String[] node = rows.get(0);
        String[] metric = rows.get(1);
        String[] statistic = rows.get(2);
        if (!rows.get(3)[0].trim().equals("unix_timestamp")) {
            throw new PetShopInputException(file + " line 4: expected 'unix_timestamp', found '" + rows.get(3)[0] + "'");
        }
        int samples = rows.size() - 4;
        long[] times = new long[samples];
        Map<String, Map<String, double[]>> series = new LinkedHashMap<>();
        for (int i = 0; i < samples; i++) {
            String[] row = rows.get(i + 4);
            if (row.length != node.length) {
                throw new PetShopInputException(file + " line " + (i + 5) + ": " + row.length + " cells, the header has "
                        + node.length);
            }
            double t = number(row[0], file, i + 5, 1);
            if (Double.isNaN(t)) {
                throw new PetShopInputException(file + " line " + (i + 5) + ": the timestamp is missing");
            }
            times[i] = Math.round(t);
            for (int j = 1; j < row.length; j++) {
                String name = metric[j].trim() + "/" + statistic[j].trim();
                series.computeIfAbsent(node[j].trim(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(name, k -> new double[samples])[i] = number(row[j], file, i + 5, j + 1);
            }
        }
        return new Metrics(times, series);
    }

    private static double number(String cell, Path file, int line, int column) {
        String text = cell.trim();
        if (text.isEmpty() || text.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isInfinite(value)) {
                throw new PetShopInputException(file + " line " + line + " column " + column + ": infinite value '"
                        + text + "'");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new PetShopInputException(file + " line " + line + " column " + column + ": '" + text
                    + "' is not a number", e);
        }
    }

    /** Comma-separated rows; PetShop's cells hold no quotes or commas (node names have ':' and '/', never ','). */
    private static List<String[]> rows(Path file) {
        try {
            List<String[]> rows = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new PetShopInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
