package org.kdclaims.models;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/** The state of one forward (and backward) pass: each node's output and gradient, from the pool. */
final class Pass {
    final INDArray[] out;
    final INDArray[] grad;
    /** Forward readers still to come per node, in evaluation mode (an output is released at 0). */
    final int[] pending;
    private final List<Node> nodes;
    private final ArrayPool pool;
    int n;
    boolean train;
    boolean active;

    Pass(List<Node> nodes, ArrayPool pool) {
        this.nodes = nodes;
        this.pool = pool;
        out = new INDArray[nodes.size()];
        grad = new INDArray[nodes.size()];
        pending = new int[nodes.size()];
    }

    void begin(int batch, boolean training) {
        n = batch;
        train = training;
        active = true;
        for (Node node : nodes) {
            pending[node.id] = node.consumers;
        }
    }

    void end() {
        active = false;
    }

    ArrayPool pool() {
        return pool;
    }

    void releaseOut(Node node) {
        if (out[node.id] != null) {
            pool.release(out[node.id]);
            out[node.id] = null;
        }
    }

    void releaseGrad(Node node) {
        if (grad[node.id] != null) {
            pool.release(grad[node.id]);
            grad[node.id] = null;
        }
    }

    /** Adds g to the gradient of target; g stays owned by the caller. */
    void accumulate(Node target, INDArray g) {
        if (!target.requiresGrad) {
            return;
        }
        INDArray cur = grad[target.id];
        if (cur == null) {
            pool.retain(g);
            grad[target.id] = g;
        } else if (pool.exclusive(cur)) {
            cur.addi(g);
        } else {
            INDArray sum = pool.acquire(cur.shape());
            NativeOps.add(cur, g, sum);
            pool.release(cur);
            grad[target.id] = sum;
        }
    }

    /** The gradient of node, writable in place (copied first if shared). */
    INDArray ownGrad(Node node) {
        INDArray g = grad[node.id];
        if (pool.exclusive(g)) {
            return g;
        }
        INDArray copy = pool.acquire(g.shape());
        copy.assign(g);
        pool.release(g);
        grad[node.id] = copy;
        return copy;
    }
}
