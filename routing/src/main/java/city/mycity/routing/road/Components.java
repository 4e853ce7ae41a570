package city.mycity.routing.road;

import java.util.Arrays;

/**
 * The strongly connected components of the road graph (Kosaraju's two passes, without recursion): the largest is the
 * network a vehicle can drive from anywhere to anywhere. The rest are stubs an extract's edge cut off, private
 * driveways or one-way pieces with no way back, where a place must not be snapped.
 */
final class Components {

    private Components() {}

    /** For each node, whether it belongs to the largest strongly connected component. */
    static boolean[] largest(int nodes, int[] start, int[] target) {
        int[] reverseStart = new int[nodes + 1];
        for (int e = 0; e < target.length; e++) {
            reverseStart[target[e] + 1]++;
        }
        for (int i = 0; i < nodes; i++) {
            reverseStart[i + 1] += reverseStart[i];
        }
        int[] reverseTarget = new int[target.length];
        int[] fill = Arrays.copyOf(reverseStart, nodes);
        for (int from = 0; from < nodes; from++) {
            for (int e = start[from]; e < start[from + 1]; e++) {
                reverseTarget[fill[target[e]]++] = from;
            }
        }
        int[] order = finishingOrder(nodes, start, target);
        int[] component = new int[nodes];
        Arrays.fill(component, -1);
        int[] stack = new int[nodes];
        int components = 0;
        int bestComponent = -1;
        int bestSize = 0;
        for (int k = nodes - 1; k >= 0; k--) {
            int root = order[k];
            if (component[root] >= 0) {
                continue;
            }
            int size = 0;
            int top = 0;
            stack[top++] = root;
            component[root] = components;
            while (top > 0) {
                int node = stack[--top];
                size++;
                for (int e = reverseStart[node]; e < reverseStart[node + 1]; e++) {
                    int next = reverseTarget[e];
                    if (component[next] < 0) {
                        component[next] = components;
                        stack[top++] = next;
                    }
                }
            }
            if (size > bestSize) {
                bestSize = size;
                bestComponent = components;
            }
            components++;
        }
        boolean[] inLargest = new boolean[nodes];
        for (int i = 0; i < nodes; i++) {
            inLargest[i] = component[i] == bestComponent;
        }
        return inLargest;
    }

    /** The nodes in the order a depth-first search over the out-edges finishes them. */
    private static int[] finishingOrder(int nodes, int[] start, int[] target) {
        int[] order = new int[nodes];
        int finished = 0;
        boolean[] seen = new boolean[nodes];
        int[] stack = new int[nodes];
        int[] nextEdge = new int[nodes];
        for (int root = 0; root < nodes; root++) {
            if (seen[root]) {
                continue;
            }
            int top = 0;
            stack[top++] = root;
            seen[root] = true;
            nextEdge[root] = start[root];
            while (top > 0) {
                int node = stack[top - 1];
                if (nextEdge[node] < start[node + 1]) {
                    int next = target[nextEdge[node]++];
                    if (!seen[next]) {
                        seen[next] = true;
                        nextEdge[next] = start[next];
                        stack[top++] = next;
                    }
                } else {
                    top--;
                    order[finished++] = node;
                }
            }
        }
        return order;
    }
}
