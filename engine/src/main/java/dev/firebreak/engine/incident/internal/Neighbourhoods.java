package dev.firebreak.engine.incident.internal;

import dev.firebreak.engine.topology.Topology;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * For each component, the components at most {@code hops} calls away in either direction (callers and callees),
 * itself included, worked out once per component on first use and kept sorted for binary search.
 */
public final class Neighbourhoods {

    private final Topology topology;
    private final int hops;
    private final int[][] within;

    public Neighbourhoods(Topology topology, int hops) {
        this.topology = topology;
        this.hops = hops;
        this.within = new int[topology.size()][];
    }

    /** Whether {@code a} and {@code b} are at most {@code hops} calls apart. */
    public boolean near(int a, int b) {
        return Arrays.binarySearch(of(a), b) >= 0;
    }

    public synchronized int[] of(int component) {
        int[] cached = within[component];
        if (cached == null) {
            cached = breadthFirst(component);
            within[component] = cached;
        }
        return cached;
    }

    private int[] breadthFirst(int start) {
        int[] depth = new int[topology.size()];
        Arrays.fill(depth, -1);
        depth[start] = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        int count = 1;
        while (!queue.isEmpty()) {
            int current = queue.poll();
            if (depth[current] == hops) {
                continue;
            }
            for (int[] next : new int[][] {topology.callersOf(current), topology.calleesOf(current)}) {
                for (int n : next) {
                    if (depth[n] < 0) {
                        depth[n] = depth[current] + 1;
                        queue.add(n);
                        count++;
                    }
                }
            }
        }
        int[] result = new int[count];
        int k = 0;
        for (int i = 0; i < depth.length; i++) {
            if (depth[i] >= 0) {
                result[k++] = i;
            }
        }
        return result;
    }
}
