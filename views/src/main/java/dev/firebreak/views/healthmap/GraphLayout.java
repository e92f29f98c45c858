package dev.firebreak.views.healthmap;

import dev.firebreak.engine.topology.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A layered top-down drawing of a dependency graph: each component sits in the layer of its
 * longest call path from an entry point (so every edge points down), and the order inside a layer
 * is improved by barycenter sweeps, which remove most edge crossings in graphs of tens of nodes.
 * Top-down because real topologies are deeper than they are wide per layer only rarely, and a
 * screen is wider than tall.
 *
 * @param layer layer of each component, 0 at the top
 * @param row   position inside its layer, 0 at the left
 * @param x     left edge of each node box
 * @param y     top edge of each node box
 */
public record GraphLayout(int[] layer, int[] row, double[] x, double[] y, double width, double height,
        double nodeWidth, double nodeHeight) {

    private static final int SWEEPS = 8;

    public static GraphLayout compute(Topology topology, double nodeWidth, double nodeHeight, double layerGap,
            double siblingGap) {
        return compute(topology, nodeWidth, nodeHeight, layerGap, siblingGap, SWEEPS);
    }

    /** Layers only, rows in declaration order: the baseline the crossing reduction is measured against. */
    static GraphLayout computeWithoutOrdering(Topology topology, double nodeWidth, double nodeHeight, double layerGap,
            double siblingGap) {
        return compute(topology, nodeWidth, nodeHeight, layerGap, siblingGap, 0);
    }

    private static GraphLayout compute(Topology topology, double nodeWidth, double nodeHeight, double layerGap,
            double siblingGap, int sweeps) {
        int n = topology.size();
        int[] layer = new int[n];
        for (int caller : topology.topologicalOrder()) {
            for (int callee : topology.calleesOf(caller)) {
                layer[callee] = Math.max(layer[callee], layer[caller] + 1);
            }
        }
        int layers = 0;
        for (int l : layer) {
            layers = Math.max(layers, l + 1);
        }
        List<List<Integer>> columns = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            columns.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            columns.get(layer[i]).add(i);
        }
        double[] position = new double[n];
        renumber(columns, position);
        for (int sweep = 0; sweep < sweeps; sweep++) {
            boolean down = sweep % 2 == 0;
            for (int k = 0; k < layers; k++) {
                int l = down ? k : layers - 1 - k;
                List<Integer> column = columns.get(l);
                double[] barycenter = new double[n];
                for (int node : column) {
                    int[] neighbours = down ? topology.callersOf(node) : topology.calleesOf(node);
                    barycenter[node] = neighbours.length == 0 ? position[node] : average(neighbours, position);
                }
                column.sort(Comparator.<Integer>comparingDouble(node -> barycenter[node]).thenComparingDouble(node -> position[node]));
                renumber(columns, position);
            }
        }
        int widest = columns.stream().mapToInt(List::size).max().orElse(0);
        double width = Math.max(0, widest * (nodeWidth + siblingGap) - siblingGap);
        double height = Math.max(0, layers * (nodeHeight + layerGap) - layerGap);
        int[] row = new int[n];
        double[] x = new double[n];
        double[] y = new double[n];
        for (int l = 0; l < layers; l++) {
            List<Integer> column = columns.get(l);
            double layerWidth = column.size() * (nodeWidth + siblingGap) - siblingGap;
            double left = (width - layerWidth) / 2;
            for (int r = 0; r < column.size(); r++) {
                int node = column.get(r);
                row[node] = r;
                x[node] = left + r * (nodeWidth + siblingGap);
                y[node] = l * (nodeHeight + layerGap);
            }
        }
        return new GraphLayout(layer, row, x, y, width, height, nodeWidth, nodeHeight);
    }

    private static void renumber(List<List<Integer>> columns, double[] position) {
        for (List<Integer> column : columns) {
            for (int r = 0; r < column.size(); r++) {
                position[column.get(r)] = r;
            }
        }
    }

    private static double average(int[] nodes, double[] position) {
        double sum = 0;
        for (int node : nodes) {
            sum += position[node];
        }
        return sum / nodes.length;
    }

    /** Number of pairs of edges that cross when drawn as straight lines between node centres. */
    public static int crossings(Topology topology, GraphLayout layout) {
        List<double[]> segments = new ArrayList<>();
        double halfW = layout.nodeWidth / 2;
        double halfH = layout.nodeHeight / 2;
        for (int caller = 0; caller < topology.size(); caller++) {
            for (int callee : topology.calleesOf(caller)) {
                segments.add(new double[] {layout.x[caller] + halfW, layout.y[caller] + halfH,
                        layout.x[callee] + halfW, layout.y[callee] + halfH});
            }
        }
        int crossings = 0;
        for (int a = 0; a < segments.size(); a++) {
            for (int b = a + 1; b < segments.size(); b++) {
                if (intersect(segments.get(a), segments.get(b))) {
                    crossings++;
                }
            }
        }
        return crossings;
    }

    private static boolean intersect(double[] s, double[] t) {
        double d1 = cross(t, s[0], s[1]);
        double d2 = cross(t, s[2], s[3]);
        double d3 = cross(s, t[0], t[1]);
        double d4 = cross(s, t[2], t[3]);
        return d1 * d2 < 0 && d3 * d4 < 0;
    }

    private static double cross(double[] seg, double px, double py) {
        return (seg[2] - seg[0]) * (py - seg[1]) - (seg[3] - seg[1]) * (px - seg[0]);
    }
}
