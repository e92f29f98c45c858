package dev.firebreak.engine.topology.internal;

import dev.firebreak.engine.topology.Component;
import dev.firebreak.engine.topology.Dependency;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds one dependency cycle and names it, so the error can say which components loop and where. */
final class CycleFinder {

    private static final int UNVISITED = 0;
    private static final int ON_PATH = 1;
    private static final int DONE = 2;

    /**
     * @param path              component ids around the loop, first id repeated at the end
     * @param closingDependency index of the dependency that closes the loop
     */
    record Cycle(List<String> path, int closingDependency) {
    }

    private CycleFinder() {
    }

    /** Depth-first search without recursion, so a deep generated graph cannot overflow the stack. */
    static Optional<Cycle> find(List<Component> components, List<Dependency> dependencies) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < components.size(); i++) {
            index.put(components.get(i).id(), i);
        }
        List<List<Integer>> outgoing = new ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            outgoing.add(new ArrayList<>());
        }
        for (int d = 0; d < dependencies.size(); d++) {
            outgoing.get(index.get(dependencies.get(d).callerId())).add(d);
        }
        int[] state = new int[components.size()];
        int[] nextEdge = new int[components.size()];
        for (int start = 0; start < components.size(); start++) {
            if (state[start] != UNVISITED) {
                continue;
            }
            Deque<Integer> path = new ArrayDeque<>();
            path.push(start);
            state[start] = ON_PATH;
            while (!path.isEmpty()) {
                int current = path.peek();
                if (nextEdge[current] == outgoing.get(current).size()) {
                    state[current] = DONE;
                    path.pop();
                    continue;
                }
                int dependency = outgoing.get(current).get(nextEdge[current]++);
                int callee = index.get(dependencies.get(dependency).calleeId());
                if (state[callee] == ON_PATH) {
                    return Optional.of(new Cycle(describe(path, callee, components), dependency));
                }
                if (state[callee] == UNVISITED) {
                    state[callee] = ON_PATH;
                    path.push(callee);
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> describe(Deque<Integer> path, int loopStart, List<Component> components) {
        List<String> ids = new ArrayList<>();
        boolean inLoop = false;
        // The deque holds the path deepest-first; walk it from the root down to the closing component.
        for (var it = path.descendingIterator(); it.hasNext(); ) {
            int node = it.next();
            inLoop |= node == loopStart;
            if (inLoop) {
                ids.add(components.get(node).id());
            }
        }
        ids.add(components.get(loopStart).id());
        return List.copyOf(ids);
    }
}
