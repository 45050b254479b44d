package org.kdclaims.models;

/**
 * A layer of {@link NativeGraph}: its output is an NHWC image (h, w, c) or, when flat, an (N, c)
 * matrix. Each kind holds its forward and backward pass together; arrays come from the pass's pool.
 */
abstract class Node {
    final int id;
    final Node[] in;
    final int h;
    final int w;
    final int c;
    final boolean flat;
    boolean requiresGrad = true;
    /** Forward readers of this node's output (set by the graph): in-place writes need exactly one. */
    int consumers;

    Node(int id, Node[] in, int h, int w, int c, boolean flat) {
        this.id = id;
        this.in = in;
        this.h = h;
        this.w = w;
        this.c = c;
        this.flat = flat;
    }

    long[] shape(int n) {
        return flat ? new long[] {n, c} : new long[] {n, h, w, c};
    }

    /** Resolves parameter views once the flat arrays exist. */
    void bind(GraphParameters params) {
    }

    /** Whether the backward pass reads this node's own output (then it cannot be overwritten in place). */
    boolean backwardNeedsOutput() {
        return false;
    }

    abstract void forward(Pass p);

    abstract void backward(Pass p);
}
