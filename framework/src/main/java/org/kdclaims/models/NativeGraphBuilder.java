package org.kdclaims.models;

import java.util.ArrayList;
import java.util.List;

/** Records an architecture as {@link NativeGraph} nodes; parameters are handed to the nodes that use them. */
final class NativeGraphBuilder extends GraphBuilder<Node, GraphBuilder.Param> {
    private final List<Node> nodes = new ArrayList<>();
    private final List<Node> attention = new ArrayList<>();
    private final InputNode input;

    NativeGraphBuilder(long seed, int channels, int height, int width) {
        super(seed);
        input = new InputNode(channels, height, width);
        nodes.add(input);
    }

    InputNode input() {
        return input;
    }

    /** Nodes in creation order, which is a topological order. */
    List<Node> nodes() {
        return List.copyOf(nodes);
    }

    List<Node> attention() {
        return List.copyOf(attention);
    }

    private <N extends Node> N add(N node) {
        nodes.add(node);
        return node;
    }

    @Override
    protected Param newParam(Param p) {
        return p;
    }

    @Override
    protected Node convOp(String name, Node x, Param w, int in, int out, int k, int stride, int pad) {
        if (x.flat || x.c != in) {
            throw new IllegalArgumentException(name + ": expected an image with " + in + " channels, got " + x.c);
        }
        return add(new ConvNode(nodes.size(), x, w, out, k, stride, pad));
    }

    @Override
    protected Node batchNormOp(BatchNormLayer layer, Node x, Param gamma, Param beta) {
        if (x.c != layer.channels()) {
            throw new IllegalArgumentException(layer.name() + ": expected " + layer.channels() + " channels, got " + x.c);
        }
        return add(new BatchNormNode(nodes.size(), x, layer, gamma, beta));
    }

    @Override
    protected Node denseOp(String name, Node x, Param w, Param b, int in, int out) {
        return add(new DenseNode(nodes.size(), x, w, b, in, out));
    }

    @Override
    public Node relu(Node x) {
        return add(new ReluNode(nodes.size(), x));
    }

    @Override
    public Node attentionPoint(Node x) {
        if (x.flat) {
            throw new IllegalArgumentException("an attention point must be an image, not a flat layer");
        }
        attention.add(x);
        return x;
    }

    @Override
    public Node add(Node a, Node b) {
        return add(new AddNode(nodes.size(), a, b));
    }

    @Override
    public Node concat(Node a, Node b) {
        return add(new ConcatNode(nodes.size(), a, b));
    }

    @Override
    public Node avgPool(Node x, int k) {
        return add(new PoolNode(nodes.size(), x, k, k, k, false));
    }

    @Override
    public Node globalAveragePool(Node x) {
        return add(new PoolNode(nodes.size(), x, x.h, x.w, 1, true));
    }
}
