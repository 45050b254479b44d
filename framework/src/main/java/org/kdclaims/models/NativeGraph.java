package org.kdclaims.models;

import org.kdclaims.data.ImageShape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A network as an explicit list of layers with hand-written backward passes on libnd4j kernels: the
 * training engine. It replaces SameDiff's {@code fit} for three measured reasons (BENCHMARKS.md):
 * SameDiff differentiates batch norm op by op (broadcast {@code multiply_bp} alone took half of a
 * WRN-16-1 step), it adds ~0.35 ms of Java bookkeeping per op, and it allocates fresh native arrays
 * every step that only garbage collection frees.
 *
 * <p>Here images are NHWC (oneDNN's direct convolutions need no reorders), batch norm is the fused
 * oneDNN forward op with batch statistics from gemv column sums, and its backward pass is five
 * memory passes; all activations and gradients come from a pool of arrays reused step after step,
 * so memory is flat without any garbage collection. Parameters, gradients and the updater state
 * are single flat arrays. Every kernel is deterministic for a fixed thread count.
 *
 * <p>This class holds the loops over the layers; each layer kind ({@link Node}) holds its own forward
 * and backward pass, {@link GraphParameters} the flat arrays and named state, {@link Pass} the arrays
 * of the pass under way and {@link ArrayPool} the arrays between passes.
 *
 * <p>Not thread-safe: one graph runs one batch at a time.
 */
public final class NativeGraph implements AutoCloseable {
    /** The engine and its version, recorded with every run (NativeBackend.versions()). */
    public static final String ENGINE = "NativeGraph 1 (NHWC, libnd4j/oneDNN kernels, hand-written backward)";

    private final List<Node> nodes;
    private final InputNode input;
    private final Node output;
    /** Attention points in order (group outputs); their outputs are copied out on request. */
    private final List<Node> attention;
    private final int[] attentionIndex;
    private final List<BatchNormNode> batchNorms = new ArrayList<>();
    private final GraphParameters parameters;
    private final long parameterCount;
    private final ArrayPool pool = new ArrayPool();
    private final Pass pass;
    private int lastBatch = -1;
    private boolean lastTrain;

    private NativeGraph(NativeGraphBuilder b, Node output) {
        this.nodes = b.nodes();
        this.input = b.input();
        this.output = output;
        this.attention = b.attention();
        this.attentionIndex = new int[nodes.size()];
        Arrays.fill(attentionIndex, -1);
        for (int i = 0; i < attention.size(); i++) {
            attentionIndex[attention.get(i).id] = i;
        }
        this.parameters = new GraphParameters(b.params());
        this.parameterCount = b.parameterCount();
        for (Node n : nodes) {
            n.bind(parameters);   // in node order: the running statistics enter the state in this order
            if (n instanceof BatchNormNode bn) {
                batchNorms.add(bn);
            }
        }
        this.pass = new Pass(nodes, pool);
        // forward consumers of every node, for in-place decisions and for releasing activations early
        for (Node n : nodes) {
            for (Node i : n.in) {
                i.consumers++;
            }
        }
        for (Node a : attention) {
            a.consumers++;   // the attention loss reads it: never overwritten in place, released at the end
        }
    }

    /** Builds an architecture for (N, channels, height, width) inputs. */
    public static NativeGraph build(Architecture arch, ImageShape shape, long seed) {
        NativeGraphBuilder b = new NativeGraphBuilder(seed, shape.channels(), shape.height(), shape.width());
        Node logits = arch.build(b, b.input(), shape);
        if (!logits.flat || logits.c != shape.classes()) {
            throw new IllegalStateException(arch.name() + " must end in (N, " + shape.classes() + ") logits");
        }
        return new NativeGraph(b, logits);
    }

    public long parameterCount() {
        return parameterCount;
    }

    /** Trainable parameters in creation order. */
    public List<GraphBuilder.Param> params() {
        return parameters.params();
    }

    /** The flat parameter array (all parameters, creation order, each in c order). */
    public INDArray parameters() {
        return parameters.values();
    }

    /** The flat gradient array, same layout as {@link #parameters()}; filled by {@link #backward}. */
    public INDArray gradients() {
        return parameters.gradients();
    }

    /** A parameter's array (a view of {@link #parameters()}), by name. */
    public INDArray param(String name) {
        return parameters.value(name);
    }

    /** A parameter's gradient (a view of {@link #gradients()}), by name. */
    public INDArray grad(String name) {
        return parameters.gradient(name);
    }

    /**
     * Forward pass on NCHW features (n x C x H x W floats, c order). Training mode normalises with
     * batch statistics and keeps every activation for {@link #backward}; evaluation mode uses running
     * statistics and releases activations as soon as they are consumed. Returns the logits (n x K).
     */
    public float[] forward(float[] features, int n, boolean train) {
        return forward(features, n, train, null);
    }

    /** Number of attention points ({@link GraphBuilder#attentionPoint}). */
    public int attentionPoints() {
        return attention.size();
    }

    /** Shape {height, width, channels} of attention point i. */
    public int[] attentionShape(int i) {
        Node a = attention.get(i);
        return new int[] {a.h, a.w, a.c};
    }

    /**
     * {@link #forward(float[], int, boolean)} that also copies each attention point's activation
     * (n x H x W x C, NHWC) into {@code activations[i]} when that array is not null.
     */
    public float[] forward(float[] features, int n, boolean train, float[][] activations) {
        begin(n, train, "forward called again before backward");
        input.load(pass, features);
        runLayers(train, activations, null);
        float[] logits = copyOut(output, n);
        if (!train) {
            endEvaluation();
        }
        return logits;
    }

    /** Starts a pass of n images; a new batch size or mode is a new working set, so the pool lets go of the old one. */
    private void begin(int n, boolean train, String busy) {
        if (pass.active) {
            throw new IllegalStateException(busy);
        }
        if (n != lastBatch || train != lastTrain) {
            pool.trim();
            lastBatch = n;
            lastTrain = train;
        }
        pass.begin(n, train);
    }

    /**
     * Runs every layer but {@code skip} in order, copying attention points out on request; in
     * evaluation mode an output is released as soon as its last reader has run.
     */
    private void runLayers(boolean train, float[][] activations, Node skip) {
        for (Node node : nodes) {
            if (node == skip) {
                continue;
            }
            if (node != input) {
                node.forward(pass);
                int a = attentionIndex[node.id];
                if (activations != null && a >= 0) {
                    activations[a] = pass.out[node.id].data().asFloat();
                }
            }
            if (!train) {
                for (Node i : node.in) {
                    if (--pass.pending[i.id] == 0) {
                        pass.releaseOut(i);
                    }
                }
            }
        }
    }

    /** A node's output (n x its width) as floats in c order. */
    private float[] copyOut(Node node, int n) {
        INDArray out = pass.out[node.id];
        float[] values = out.data().asFloat();
        if (values.length != n * node.c) {
            values = Arrays.copyOf(out.dup('c').data().asFloat(), n * node.c);
        }
        return values;
    }

    /** Ends an evaluation pass: the output, and any node nothing consumed, back to the pool. */
    private void endEvaluation() {
        for (Node node : nodes) {
            pass.releaseOut(node);
        }
        pass.end();
    }

    /**
     * The width of the head's input when the network ends in one dense layer on a flat input (the
     * pooled features of every built-in architecture), else 0. Everything below the head computes
     * each image on its own and gives bitwise the same floats whatever batch it is in; the head's
     * matrix product does not (its blocking depends on the batch size), which is why a table of
     * teacher outputs keeps the features and applies the head to the student's batch as assembled.
     */
    public int headInputs() {
        return output instanceof DenseNode && output.in[0].flat ? output.in[0].c : 0;
    }

    /**
     * Evaluation-mode forward pass up to the head's input: the pooled features (n x
     * {@link #headInputs()}), and each attention point's activation into {@code activations} as
     * {@link #forward(float[], int, boolean, float[][])} does.
     */
    public float[] features(float[] nchw, int n, float[][] activations) {
        requireHead();
        begin(n, false, "features called during a training pass");
        input.load(pass, nchw);
        runLayers(false, activations, output);
        float[] features = copyOut(output.in[0], n);
        endEvaluation();
        return features;
    }

    /**
     * The head alone, in evaluation mode, on features from {@link #features}: the same kernel on the
     * same (n x width) array as a full forward pass runs, so a batch assembled row by row from
     * stored features gives bitwise the logits of the whole network on that batch.
     */
    public float[] head(float[] features, int n) {
        int width = requireHead();
        if (features.length != n * width) {
            throw new IllegalArgumentException("the head takes " + n + " x " + width + " features, got " + features.length);
        }
        begin(n, false, "head called during a training pass");
        Node last = output.in[0];
        INDArray x = pool.acquire(last.shape(n));
        x.data().setData(features);
        pass.out[last.id] = x;
        output.forward(pass);
        float[] logits = copyOut(output, n);
        endEvaluation();
        return logits;
    }

    private int requireHead() {
        int width = headInputs();
        if (width == 0) {
            throw new IllegalStateException("this network does not end in a dense layer on flat features; "
                    + "its outputs can only be computed whole (forward)");
        }
        return width;
    }

    /** Backward pass from the gradient of the loss with respect to the logits; fills {@link #gradients()}. */
    public void backward(float[] gradLogits) {
        backward(gradLogits, null);
    }

    /**
     * Backward pass from the logits' gradient plus, where {@code attentionGrads[i]} is not null, a
     * gradient (NHWC) arriving directly at attention point i (the attention-transfer loss).
     */
    public void backward(float[] gradLogits, float[][] attentionGrads) {
        if (!pass.active || !pass.train) {
            throw new IllegalStateException("backward needs a training forward pass first");
        }
        int n = pass.n;
        INDArray g = pool.acquire(output.shape(n));
        g.data().setData(gradLogits);
        pass.grad[output.id] = g;
        if (attentionGrads != null) {
            for (int i = 0; i < attention.size(); i++) {
                if (attentionGrads[i] != null) {
                    Node a = attention.get(i);
                    INDArray ga = pool.acquire(a.shape(n));
                    ga.data().setData(attentionGrads[i]);
                    pass.accumulate(a, ga);
                    pool.release(ga);
                }
            }
        }
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node node = nodes.get(i);
            if (pass.grad[node.id] != null && node != input) {
                node.backward(pass);
            }
            pass.releaseGrad(node);
            pass.releaseOut(node);
        }
        pass.end();
    }

    /** Abandons a training forward pass without a backward pass (e.g. a loss evaluation). */
    public void discard() {
        if (pass.active) {
            for (Node node : nodes) {
                pass.releaseOut(node);
                pass.releaseGrad(node);
            }
            pass.end();
        }
    }

    /** Exponential moving averages of the last training pass's batch statistics (biased variance). */
    public void updateRunningStatistics(double momentum) {
        for (BatchNormNode bn : batchNorms) {
            bn.updateRunningStatistics(momentum);
        }
    }

    /** Trainable parameters, then running statistics, by name. */
    public Map<String, float[]> state() {
        return parameters.state();
    }

    /** Sets the named arrays of {@link #state()}; returns the names that do not exist or do not fit. */
    public List<String> restore(Map<String, float[]> state) {
        return parameters.restore(state);
    }

    /** Native bytes held by pooled activation and gradient arrays (for memory tests). */
    public long pooledBytes() {
        return pool.bytes();
    }

    @Override
    public void close() {
        discard();
        pool.closeAll();
    }
}
