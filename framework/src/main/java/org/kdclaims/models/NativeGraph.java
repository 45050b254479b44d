package org.kdclaims.models;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

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
    private final List<GraphBuilder.Param> params;
    private final List<BnNode> batchNorms;
    private final INDArray paramFlat;
    private final INDArray gradFlat;
    private final Map<String, INDArray> paramViews = new LinkedHashMap<>();
    private final Map<String, INDArray> gradViews = new LinkedHashMap<>();
    private final Map<String, BnNode> bnByName = new LinkedHashMap<>();
    private final long parameterCount;
    private final Pool pool = new Pool();
    private final Exec exec;
    private int lastBatch = -1;
    private boolean lastTrain;
    /** Per-layer-kind time, forward and backward, when profiling ({@link #profile(boolean)}). */
    private Map<String, long[]> profile;

    private NativeGraph(Builder b, Node output) {
        this.nodes = List.copyOf(b.nodes);
        this.input = b.input;
        this.output = output;
        this.attention = List.copyOf(b.attention);
        this.attentionIndex = new int[nodes.size()];
        Arrays.fill(attentionIndex, -1);
        for (int i = 0; i < attention.size(); i++) {
            attentionIndex[attention.get(i).id] = i;
        }
        this.params = b.params();
        this.parameterCount = b.parameterCount();
        long total = 0;
        for (GraphBuilder.Param p : params) {
            total += p.length();
        }
        this.paramFlat = Nd4j.create(DataType.FLOAT, Math.max(1, total));
        this.gradFlat = Nd4j.create(DataType.FLOAT, Math.max(1, total));
        float[] init = new float[Math.toIntExact(Math.max(1, total))];
        long offset = 0;
        for (GraphBuilder.Param p : params) {
            System.arraycopy(p.init(), 0, init, (int) offset, p.init().length);
            paramViews.put(p.name(), view(paramFlat, offset, p.shape()));
            gradViews.put(p.name(), view(gradFlat, offset, p.shape()));
            offset += p.length();
        }
        paramFlat.data().setData(init);
        for (Node n : nodes) {
            n.bind(this);
        }
        List<BnNode> bns = new ArrayList<>();
        for (Node n : nodes) {
            if (n instanceof BnNode bn) {
                bns.add(bn);
                bnByName.put(bn.layer.name(), bn);
            }
        }
        this.batchNorms = List.copyOf(bns);
        this.exec = new Exec(nodes.size());
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

    private static INDArray view(INDArray flat, long offset, long[] shape) {
        long len = 1;
        for (long s : shape) {
            len *= s;
        }
        INDArray v = flat.get(NDArrayIndex.interval(offset, offset + len)).reshape('c', shape);
        return v;
    }

    /** Builds an architecture for (N, channels, height, width) inputs. */
    public static NativeGraph build(Architecture arch, int channels, int height, int width, int classes, long seed) {
        Builder b = new Builder(seed, channels, height, width);
        Node logits = arch.build(b, b.input, channels, classes);
        if (!logits.flat || logits.c != classes) {
            throw new IllegalStateException(arch.name() + " must end in (N, " + classes + ") logits");
        }
        return new NativeGraph(b, logits);
    }

    public long parameterCount() {
        return parameterCount;
    }

    public int classes() {
        return output.c;
    }

    /** Trainable parameters in creation order. */
    public List<GraphBuilder.Param> params() {
        return params;
    }

    /** The flat parameter array (all parameters, creation order, each in c order). */
    public INDArray parameters() {
        return paramFlat;
    }

    /** The flat gradient array, same layout as {@link #parameters()}; filled by {@link #backward}. */
    public INDArray gradients() {
        return gradFlat;
    }

    /** A parameter's array (a view of {@link #parameters()}), by name. */
    public INDArray param(String name) {
        return paramViews.get(name);
    }

    /** A parameter's gradient (a view of {@link #gradients()}), by name. */
    public INDArray grad(String name) {
        return gradViews.get(name);
    }

    /** Batch-norm layers in creation order. */
    public List<GraphBuilder.BatchNormLayer> batchNorms() {
        List<GraphBuilder.BatchNormLayer> l = new ArrayList<>();
        for (BnNode bn : batchNorms) {
            l.add(bn.layer);
        }
        return l;
    }

    /** Running mean of a batch-norm layer ([C]), updated by {@link #updateRunningStatistics}. */
    public INDArray runningMean(String bnName) {
        return bnByName.get(bnName).runMean;
    }

    public INDArray runningVar(String bnName) {
        return bnByName.get(bnName).runVar;
    }

    /** Biased variance of the last training forward pass's batch ([C]). */
    public INDArray batchMean(String bnName) {
        return bnByName.get(bnName).mean;
    }

    public INDArray batchVar(String bnName) {
        return bnByName.get(bnName).var;
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
        if (exec.active) {
            throw new IllegalStateException("forward called again before backward");
        }
        if (n != lastBatch || train != lastTrain) {
            pool.trim();   // a new working set: let go of the arrays of the previous batch size
            lastBatch = n;
            lastTrain = train;
        }
        exec.begin(n, train);
        input.load(exec, features);
        for (Node node : nodes) {
            if (node != input) {
                long t0 = profile == null ? 0 : System.nanoTime();
                node.forward(exec);
                if (profile != null) {
                    record(node, 0, System.nanoTime() - t0);
                }
                int a = attentionIndex[node.id];
                if (activations != null && a >= 0) {
                    activations[a] = exec.out[node.id].data().asFloat();
                }
            }
            if (!train) {
                for (Node i : node.in) {
                    if (--exec.pending[i.id] == 0) {
                        exec.releaseOut(i);
                    }
                }
            }
        }
        INDArray out = exec.out[output.id];
        float[] logits = out.data().asFloat();
        if (logits.length != n * output.c) {
            logits = Arrays.copyOf(out.dup('c').data().asFloat(), n * output.c);
        }
        if (!train) {
            for (Node node : nodes) {
                exec.releaseOut(node);   // the output, and any node nothing consumed
            }
            exec.end();
        }
        return logits;
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
        if (!exec.active || !exec.train) {
            throw new IllegalStateException("backward needs a training forward pass first");
        }
        int n = exec.n;
        INDArray g = pool.acquire(output.shape(n));
        g.data().setData(gradLogits);
        exec.grad[output.id] = g;
        if (attentionGrads != null) {
            for (int i = 0; i < attention.size(); i++) {
                if (attentionGrads[i] != null) {
                    Node a = attention.get(i);
                    INDArray ga = pool.acquire(a.shape(n));
                    ga.data().setData(attentionGrads[i]);
                    exec.accumulate(a, ga);
                    pool.release(ga);
                }
            }
        }
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node node = nodes.get(i);
            if (exec.grad[node.id] != null && node != input) {
                long t0 = profile == null ? 0 : System.nanoTime();
                node.backward(exec);
                if (profile != null) {
                    record(node, 1, System.nanoTime() - t0);
                }
            }
            exec.releaseGrad(node);
            exec.releaseOut(node);
        }
        exec.end();
    }

    /** Abandons a training forward pass without a backward pass (e.g. a loss evaluation). */
    public void discard() {
        if (exec.active) {
            for (Node node : nodes) {
                exec.releaseOut(node);
                exec.releaseGrad(node);
            }
            exec.end();
        }
    }

    /** Exponential moving averages of the last training pass's batch statistics (biased variance). */
    public void updateRunningStatistics(double momentum) {
        for (BnNode bn : batchNorms) {
            ema(bn.runMean, bn.mean, momentum);
            ema(bn.runVar, bn.var, momentum);
        }
    }

    /** running = (1 - momentum) * running + momentum * batch, in float as ND4J's muli/addi would. */
    private static void ema(INDArray running, INDArray batch, double momentum) {
        float[] r = running.data().asFloat();
        float[] b = batch.data().asFloat();
        float keep = (float) (1 - momentum);
        float take = (float) momentum;
        for (int i = 0; i < r.length; i++) {
            r[i] = r[i] * keep + b[i] * take;
        }
        running.data().setData(r);
    }

    /** Trainable parameters, then running statistics, by name. */
    public Map<String, float[]> state() {
        Map<String, float[]> s = new LinkedHashMap<>();
        float[] all = paramFlat.data().asFloat();
        int offset = 0;
        for (GraphBuilder.Param p : params) {
            s.put(p.name(), Arrays.copyOfRange(all, offset, offset + (int) p.length()));
            offset += (int) p.length();
        }
        for (BnNode bn : batchNorms) {
            s.put(bn.layer.runMeanVar(), bn.runMean.data().asFloat());
            s.put(bn.layer.runVarVar(), bn.runVar.data().asFloat());
        }
        return s;
    }

    /** Sets the named arrays of {@link #state()}; returns the names that do not exist or do not fit. */
    public List<String> restore(Map<String, float[]> state) {
        List<String> bad = new ArrayList<>();
        for (Map.Entry<String, float[]> e : state.entrySet()) {
            INDArray target = paramViews.get(e.getKey());
            if (target == null) {
                String name = e.getKey();
                if (name.endsWith("/runMean") && bnByName.containsKey(name.substring(0, name.length() - 8))) {
                    target = bnByName.get(name.substring(0, name.length() - 8)).runMean;
                } else if (name.endsWith("/runVar") && bnByName.containsKey(name.substring(0, name.length() - 7))) {
                    target = bnByName.get(name.substring(0, name.length() - 7)).runVar;
                }
            }
            if (target == null || target.length() != e.getValue().length) {
                bad.add(e.getKey());
                continue;
            }
            target.assign(Nd4j.create(e.getValue(), target.shape(), 'c'));
        }
        return bad;
    }

    /** Starts (true) or stops collecting time per layer kind; {@link #profileReport()} reads it. */
    public void profile(boolean on) {
        profile = on ? new LinkedHashMap<>() : null;
    }

    private void record(Node node, int phase, long nanos) {
        String key = node.getClass().getSimpleName().replace("Node", "");
        if (node instanceof ConvNode cn) {
            key += " " + cn.k + "x" + cn.k + " s" + cn.stride + " " + node.in[0].c + "->" + node.c + " @" + node.in[0].h;
        } else if (!node.flat) {
            key += " " + node.c + " @" + node.h;
        }
        long[] v = profile.computeIfAbsent(key, k -> new long[3]);
        v[phase] += nanos;
        if (phase == 0) {
            v[2]++;
        }
    }

    /** Milliseconds per layer kind since {@link #profile(boolean)}: forward, backward, calls. */
    public Map<String, double[]> profileReport() {
        Map<String, double[]> r = new LinkedHashMap<>();
        if (profile != null) {
            profile.forEach((k, v) -> r.put(k, new double[] {v[0] / 1e6, v[1] / 1e6, v[2]}));
        }
        return r;
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

    // ================================================================================================
    // Execution state and array pool
    // ================================================================================================

    /** Arrays by shape, reference counted: an array is written in place only while it has one holder. */
    private static final class Pool {
        private final Map<List<Long>, ArrayDeque<INDArray>> free = new HashMap<>();
        private final IdentityHashMap<INDArray, int[]> refs = new IdentityHashMap<>();
        private final Map<Long, INDArray> ones = new HashMap<>();
        private long bytes;

        INDArray acquire(long[] shape) {
            ArrayDeque<INDArray> q = free.get(key(shape));
            INDArray a = q == null ? null : q.poll();
            if (a == null) {
                a = Nd4j.createUninitialized(DataType.FLOAT, shape, 'c');
                bytes += a.length() * 4;
            }
            refs.put(a, new int[] {1});
            return a;
        }

        void retain(INDArray a) {
            refs.get(a)[0]++;
        }

        boolean exclusive(INDArray a) {
            return refs.get(a)[0] == 1;
        }

        void release(INDArray a) {
            int[] r = refs.get(a);
            if (--r[0] == 0) {
                refs.remove(a);
                free.computeIfAbsent(key(a.shape()), k -> new ArrayDeque<>()).push(a);
            }
        }

        /** A row of m ones, for column sums over m rows. */
        INDArray ones(long m) {
            return ones.computeIfAbsent(m, k -> {
                bytes += k * 4;
                return Nd4j.ones(DataType.FLOAT, 1, k);
            });
        }

        void trim() {
            for (ArrayDeque<INDArray> q : free.values()) {
                for (INDArray a : q) {
                    bytes -= a.length() * 4;
                    a.close();
                }
            }
            free.clear();
            for (INDArray a : ones.values()) {
                bytes -= a.length() * 4;
                a.close();
            }
            ones.clear();
        }

        void closeAll() {
            trim();
            for (INDArray a : refs.keySet()) {
                a.close();
            }
            refs.clear();
            bytes = 0;
        }

        long bytes() {
            return bytes;
        }

        private static List<Long> key(long[] shape) {
            Long[] k = new Long[shape.length];
            for (int i = 0; i < shape.length; i++) {
                k[i] = shape[i];
            }
            return Arrays.asList(k);
        }
    }

    /** Per-pass state: each node's output and gradient. */
    private final class Exec {
        final INDArray[] out;
        final INDArray[] grad;
        final int[] pending;
        int n;
        boolean train;
        boolean active;

        Exec(int size) {
            out = new INDArray[size];
            grad = new INDArray[size];
            pending = new int[size];
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

        Pool pool() {
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

    // ================================================================================================
    // Nodes
    // ================================================================================================

    /** A layer: its output is an NHWC image (h, w, c) or, when flat, an (N, c) matrix. */
    abstract static class Node {
        final int id;
        final Node[] in;
        final int h;
        final int w;
        final int c;
        final boolean flat;
        boolean requiresGrad = true;
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
        void bind(NativeGraph g) {
        }

        /** Whether the backward pass reads this node's own output (then it cannot be overwritten in place). */
        boolean backwardNeedsOutput() {
            return false;
        }

        abstract void forward(NativeGraph.Exec e);

        abstract void backward(NativeGraph.Exec e);
    }

    private static final class InputNode extends Node {
        InputNode(int c, int h, int w) {
            super(0, new Node[0], h, w, c, false);
            requiresGrad = false;
        }

        void load(NativeGraph.Exec e, float[] nchw) {
            int n = e.n;
            if (nchw.length < (long) n * c * h * w) {
                throw new IllegalArgumentException("features hold " + nchw.length + " values, need " + (long) n * c * h * w);
            }
            INDArray staging = e.pool().acquire(new long[] {n, c, h, w});
            if (nchw.length == staging.length()) {
                staging.data().setData(nchw);
            } else {
                staging.data().setData(Arrays.copyOf(nchw, (int) staging.length()));
            }
            INDArray x = e.pool().acquire(shape(n));
            x.assign(staging.permute(0, 2, 3, 1));
            e.pool().release(staging);
            e.out[id] = x;
        }

        @Override
        void forward(NativeGraph.Exec e) {
        }

        @Override
        void backward(NativeGraph.Exec e) {
        }
    }

    private static final class ConvNode extends Node {
        /**
         * Batch slice for conv2d_bp of 3x3 stride-1 convolutions with at most 16 input and output
         * channels: on a whole batch of 128, oneDNN picks Winograd for the data gradient, which is
         * 2x slower there than the direct kernel it picks for slices of 32 (BENCHMARKS.md).
         */
        static final int SMALL_CONV_SLICE = Integer.getInteger("kd.engine.smallConvSlice", 32);

        final String wName;
        final int k;
        final int stride;
        final int pad;
        final int slice;
        INDArray wArr;
        INDArray gwArr;
        INDArray gwPart;

        ConvNode(int id, Node x, String wName, int out, int k, int stride, int pad) {
            super(id, new Node[] {x}, (x.h + 2 * pad - k) / stride + 1, (x.w + 2 * pad - k) / stride + 1, out, false);
            this.wName = wName;
            this.k = k;
            this.stride = stride;
            this.pad = pad;
            this.slice = (k == 3 && stride == 1 && x.c <= 16 && out <= 16) ? Math.max(0, SMALL_CONV_SLICE) : 0;
        }

        @Override
        void bind(NativeGraph g) {
            wArr = g.paramViews.get(wName);
            gwArr = g.gradViews.get(wName);
            gwPart = Nd4j.zeros(DataType.FLOAT, wArr.shape());
        }

        @Override
        void forward(NativeGraph.Exec e) {
            INDArray y = e.pool().acquire(shape(e.n));
            NativeOps.conv2d(e.out[in[0].id], wArr, y, k, stride, pad);
            e.out[id] = y;
        }

        @Override
        void backward(NativeGraph.Exec e) {
            if (k == 1 && pad == 0) {
                backwardPointwise(e);
            } else if (!in[0].requiresGrad) {
                backwardWeightsOnly(e);
            } else {
                INDArray x = e.out[in[0].id];
                INDArray gx = e.pool().acquire(x.shape());
                INDArray gy = e.grad[id];
                int n = e.n;
                if (slice > 0 && n > slice) {
                    for (int s = 0; s < n; s += slice) {
                        int t = Math.min(n, s + slice);
                        NativeOps.conv2dBp(rows(x, s, t), wArr, rows(gy, s, t), rows(gx, s, t), s == 0 ? gwArr : gwPart,
                                k, stride, pad);
                        if (s > 0) {
                            gwArr.addi(gwPart);
                        }
                    }
                } else {
                    NativeOps.conv2dBp(x, wArr, gy, gx, gwArr, k, stride, pad);
                }
                e.accumulate(in[0], gx);
                e.pool().release(gx);
            }
        }

        private static INDArray rows(INDArray a, int from, int to) {
            return a.get(NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all());
        }

        /** The input subsampled by the stride: what a 1x1 convolution sees. */
        private INDArray sampled(INDArray x) {
            return x.get(NDArrayIndex.all(), NDArrayIndex.interval(0, stride, in[0].h), NDArrayIndex.interval(0, stride, in[0].w),
                    NDArrayIndex.all());
        }

        /** 1x1 convolutions as matrix products: gW = X^T GY, GX = GY W^T (7x faster than conv2d_bp). */
        private void backwardPointwise(NativeGraph.Exec e) {
            INDArray x = e.out[in[0].id];
            INDArray gy = e.grad[id];
            int ci = in[0].c;
            long m = (long) e.n * h * w;
            INDArray xs = x;
            if (stride != 1) {
                xs = e.pool().acquire(new long[] {e.n, h, w, ci});
                xs.assign(sampled(x));
            }
            INDArray gy2 = gy.reshape('c', m, c);
            NativeOps.gemm(xs.reshape('c', m, ci), gy2, gwArr.reshape('c', ci, c), true, false);
            if (in[0].requiresGrad) {
                INDArray gxs = stride == 1 ? e.pool().acquire(x.shape()) : xs;   // xs is no longer needed: reuse it
                NativeOps.gemm(gy2, wArr.reshape('c', ci, c), gxs.reshape('c', m, ci), false, true);
                INDArray gx = gxs;
                if (stride != 1) {
                    gx = e.pool().acquire(x.shape());
                    gx.assign(0);
                    sampled(gx).assign(gxs);
                    e.pool().release(gxs);
                }
                e.accumulate(in[0], gx);
                e.pool().release(gx);
            } else if (stride != 1) {
                e.pool().release(xs);
            }
        }

        /**
         * Weight gradient only (the input needs none, e.g. the stem on the images): the patch matrix
         * of the input times the output gradient, instead of conv2d_bp, which also computes the
         * unneeded input gradient (with Winograd, slowly, for 3 input channels).
         */
        private void backwardWeightsOnly(NativeGraph.Exec e) {
            INDArray x = e.out[in[0].id];
            int ci = in[0].c;
            int n = e.n;
            INDArray padded = x;
            if (pad > 0) {
                padded = e.pool().acquire(new long[] {n, in[0].h + 2 * pad, in[0].w + 2 * pad, ci});
                padded.assign(0);
                padded.get(NDArrayIndex.all(), NDArrayIndex.interval(pad, pad + in[0].h), NDArrayIndex.interval(pad, pad + in[0].w),
                        NDArrayIndex.all()).assign(x);
            }
            INDArray patches = e.pool().acquire(new long[] {n, h, w, (long) k * k * ci});
            for (int kh = 0; kh < k; kh++) {
                for (int kw = 0; kw < k; kw++) {
                    long c0 = (long) (kh * k + kw) * ci;
                    patches.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(c0, c0 + ci))
                            .assign(padded.get(NDArrayIndex.all(), NDArrayIndex.interval(kh, stride, kh + stride * (h - 1) + 1),
                                    NDArrayIndex.interval(kw, stride, kw + stride * (w - 1) + 1), NDArrayIndex.all()));
                }
            }
            long m = (long) n * h * w;
            NativeOps.gemm(patches.reshape('c', m, (long) k * k * ci), e.grad[id].reshape('c', m, c),
                    gwArr.reshape('c', (long) k * k * ci, c), true, false);
            e.pool().release(patches);
            if (padded != x) {
                e.pool().release(padded);
            }
        }
    }

    private static final class BnNode extends Node {
        final GraphBuilder.BatchNormLayer layer;
        INDArray gamma;
        INDArray beta;
        INDArray gGamma;
        INDArray gBeta;
        final INDArray runMean;
        final INDArray runVar;
        final INDArray mean;
        final INDArray var;
        final INDArray zeros;
        final INDArray onesC;
        final INDArray colSums;
        final INDArray scale;
        final INDArray shift;
        final INDArray gammaGrad;
        final INDArray betaGrad;
        final INDArray gammaCopy;

        BnNode(int id, Node x, GraphBuilder.BatchNormLayer layer) {
            super(id, new Node[] {x}, x.h, x.w, x.c, x.flat);
            this.layer = layer;
            int c = layer.channels();
            runMean = Nd4j.zeros(DataType.FLOAT, c);
            runVar = Nd4j.ones(DataType.FLOAT, c);
            mean = Nd4j.zeros(DataType.FLOAT, c);
            var = Nd4j.ones(DataType.FLOAT, c);
            zeros = Nd4j.zeros(DataType.FLOAT, c);
            onesC = Nd4j.ones(DataType.FLOAT, c);
            colSums = Nd4j.zeros(DataType.FLOAT, 1, c);
            scale = Nd4j.zeros(DataType.FLOAT, c);
            shift = Nd4j.zeros(DataType.FLOAT, c);
            gammaGrad = Nd4j.zeros(DataType.FLOAT, c);
            betaGrad = Nd4j.zeros(DataType.FLOAT, c);
            gammaCopy = Nd4j.zeros(DataType.FLOAT, c);
        }

        @Override
        void bind(NativeGraph g) {
            gamma = g.paramViews.get(layer.gammaVar());
            beta = g.paramViews.get(layer.betaVar());
            gGamma = g.gradViews.get(layer.gammaVar());
            gBeta = g.gradViews.get(layer.betaVar());
        }

        private long rows(int n) {
            return flat ? n : (long) n * h * w;
        }

        /** Per-channel sums of an activation-shaped array, as doubles. */
        private double[] sums(NativeGraph.Exec e, INDArray a) {
            long m = rows(e.n);
            NativeOps.columnSums(e.pool().ones(m), a.reshape('c', m, c), colSums);
            float[] f = colSums.data().asFloat();
            double[] d = new double[c];
            for (int i = 0; i < c; i++) {
                d[i] = f[i];
            }
            return d;
        }

        private static void put(INDArray target, double[] v) {
            float[] f = new float[v.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) v[i];
            }
            target.data().setData(f);
        }

        @Override
        void forward(NativeGraph.Exec e) {
            INDArray x = e.out[in[0].id];
            INDArray y = e.pool().acquire(x.shape());
            if (e.train) {
                long m = rows(e.n);
                double[] mu = sums(e, x);
                for (int i = 0; i < c; i++) {
                    mu[i] /= m;
                }
                put(mean, mu);
                // centred second moment: (x - mean)^2 summed per channel, in a scratch array
                INDArray t = e.pool().acquire(x.shape());
                NativeOps.batchNorm(x, mean, onesC, onesC, zeros, 0.0, t);
                NativeOps.square(t, t);
                double[] v = sums(e, t);
                e.pool().release(t);
                for (int i = 0; i < c; i++) {
                    v[i] /= m;
                }
                put(var, v);
                NativeOps.batchNorm(x, mean, var, gamma, beta, GraphBuilder.BN_EPS, y);
            } else {
                NativeOps.batchNorm(x, runMean, runVar, gamma, beta, GraphBuilder.BN_EPS, y);
            }
            e.out[id] = y;
        }

        /**
         * dx = gamma * invstd * (gy - mean(gy) - xhat * mean(gy * xhat)), written as the per-channel
         * affine combination a*gy + b*x + c, with sum(gy) and sum(gy * x) from two column sums.
         */
        @Override
        void backward(NativeGraph.Exec e) {
            INDArray x = e.out[in[0].id];
            INDArray gy = e.ownGrad(this);
            long m = rows(e.n);
            double[] sg = sums(e, gy);
            INDArray t = e.pool().acquire(x.shape());
            NativeOps.multiply(gy, x, t);
            double[] sgx = sums(e, t);
            float[] mu = mean.data().asFloat();
            float[] vr = var.data().asFloat();
            gammaCopy.assign(gamma);
            float[] ga = gammaCopy.data().asFloat();
            double[] dGamma = new double[c];
            double[] a = new double[c];
            double[] b = new double[c];
            double[] cc = new double[c];
            for (int i = 0; i < c; i++) {
                double invstd = 1.0 / Math.sqrt(vr[i] + GraphBuilder.BN_EPS);
                double sgxhat = invstd * (sgx[i] - mu[i] * sg[i]);
                dGamma[i] = sgxhat;
                a[i] = ga[i] * invstd;
                b[i] = -ga[i] * invstd * invstd * sgxhat / m;
                cc[i] = -a[i] * sg[i] / m - b[i] * mu[i];
            }
            put(gammaGrad, dGamma);
            put(betaGrad, sg);
            gGamma.assign(gammaGrad);
            gBeta.assign(betaGrad);
            if (in[0].requiresGrad) {
                put(scale, b);
                put(shift, cc);
                NativeOps.batchNorm(x, zeros, onesC, scale, shift, 0.0, t);     // t = b*x + c
                put(scale, a);
                NativeOps.batchNorm(gy, zeros, onesC, scale, zeros, 0.0, gy);   // gy = a*gy (in place)
                gy.addi(t);
                e.accumulate(in[0], gy);
            }
            e.pool().release(t);
        }
    }

    private static final class ReluNode extends Node {
        ReluNode(int id, Node x) {
            super(id, new Node[] {x}, x.h, x.w, x.c, x.flat);
        }

        @Override
        boolean backwardNeedsOutput() {
            return true;
        }

        @Override
        void forward(NativeGraph.Exec e) {
            Node src = in[0];
            INDArray x = e.out[src.id];
            boolean inPlace = src.consumers == 1 && !src.backwardNeedsOutput() && src.requiresGrad
                    && e.pool().exclusive(x);
            if (inPlace) {
                NativeOps.relu(x, x);
                e.pool().retain(x);
                e.out[id] = x;
            } else {
                INDArray y = e.pool().acquire(x.shape());
                NativeOps.relu(x, y);
                e.out[id] = y;
            }
        }

        /** gx = gy * sign(y): y >= 0, so sign(y) is the 0/1 mask (10x faster than libnd4j's relu_bp). */
        @Override
        void backward(NativeGraph.Exec e) {
            INDArray gy = e.ownGrad(this);
            INDArray mask = e.pool().acquire(gy.shape());
            NativeOps.sign(e.out[id], mask);
            gy.muli(mask);
            e.pool().release(mask);
            e.accumulate(in[0], gy);
        }
    }

    private static final class AddNode extends Node {
        AddNode(int id, Node a, Node b) {
            super(id, new Node[] {a, b}, a.h, a.w, a.c, a.flat);
            if (a.h != b.h || a.w != b.w || a.c != b.c || a.flat != b.flat) {
                throw new IllegalArgumentException("add: shapes differ");
            }
        }

        @Override
        void forward(NativeGraph.Exec e) {
            INDArray z = e.pool().acquire(shape(e.n));
            NativeOps.add(e.out[in[0].id], e.out[in[1].id], z);
            e.out[id] = z;
        }

        @Override
        void backward(NativeGraph.Exec e) {
            e.accumulate(in[0], e.grad[id]);
            e.accumulate(in[1], e.grad[id]);
        }
    }

    private static final class ConcatNode extends Node {
        ConcatNode(int id, Node a, Node b) {
            super(id, new Node[] {a, b}, a.h, a.w, a.c + b.c, false);
            if (a.h != b.h || a.w != b.w || a.flat || b.flat) {
                throw new IllegalArgumentException("concat: spatial sizes differ");
            }
        }

        @Override
        void forward(NativeGraph.Exec e) {
            INDArray z = e.pool().acquire(shape(e.n));
            NativeOps.concat(e.out[in[0].id], e.out[in[1].id], z, 3);
            e.out[id] = z;
        }

        @Override
        void backward(NativeGraph.Exec e) {
            INDArray gz = e.grad[id];
            int ca = in[0].c;
            for (int i = 0; i < 2; i++) {
                Node src = in[i];
                if (!src.requiresGrad) {
                    continue;
                }
                INDArray part = gz.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(),
                        i == 0 ? NDArrayIndex.interval(0, ca) : NDArrayIndex.interval(ca, c));
                INDArray g = e.pool().acquire(src.shape(e.n));
                g.assign(part);
                e.accumulate(src, g);
                e.pool().release(g);
            }
        }
    }

    /** Average pooling with a kh x kw window and stride s; global average pooling when the window is the image. */
    private static final class PoolNode extends Node {
        final int kh;
        final int kw;
        final int s;

        PoolNode(int id, Node x, int kh, int kw, int s, boolean global) {
            super(id, new Node[] {x}, global ? 1 : (x.h - kh) / s + 1, global ? 1 : (x.w - kw) / s + 1, x.c, global);
            this.kh = kh;
            this.kw = kw;
            this.s = s;
        }

        private long[] imageShape(int n) {
            return new long[] {n, h, w, c};
        }

        @Override
        void forward(NativeGraph.Exec e) {
            INDArray y = e.pool().acquire(shape(e.n));
            INDArray y4 = flat ? y.reshape('c', imageShape(e.n)) : y;
            NativeOps.avgPool(e.out[in[0].id], y4, kh, kw, s);
            e.out[id] = y;
        }

        @Override
        void backward(NativeGraph.Exec e) {
            INDArray x = e.out[in[0].id];
            INDArray gy = e.grad[id];
            INDArray gy4 = flat ? gy.reshape('c', imageShape(e.n)) : gy;
            INDArray gx = e.pool().acquire(x.shape());
            NativeOps.avgPoolBp(x, gy4, gx, kh, kw, s);
            e.accumulate(in[0], gx);
            e.pool().release(gx);
        }
    }

    private static final class DenseNode extends Node {
        final String wName;
        final String bName;
        final int inSize;
        INDArray wArr;
        INDArray bArr;
        INDArray gwArr;
        INDArray gbArr;
        INDArray gwTmp;
        INDArray gbTmp;

        DenseNode(int id, Node x, String wName, String bName, int inSize, int out) {
            super(id, new Node[] {x}, 1, 1, out, true);
            if (!x.flat || x.c != inSize) {
                throw new IllegalArgumentException("dense: input must be (N, " + inSize + ")");
            }
            this.wName = wName;
            this.bName = bName;
            this.inSize = inSize;
        }

        @Override
        void bind(NativeGraph g) {
            wArr = g.paramViews.get(wName);
            bArr = g.paramViews.get(bName);
            gwArr = g.gradViews.get(wName);
            gbArr = g.gradViews.get(bName);
            gwTmp = Nd4j.zeros(DataType.FLOAT, inSize, c);
            gbTmp = Nd4j.zeros(DataType.FLOAT, 1, c);
        }

        @Override
        void forward(NativeGraph.Exec e) {
            INDArray y = e.pool().acquire(shape(e.n));
            NativeOps.gemm(e.out[in[0].id], wArr, y, false, false);
            y.addiRowVector(bArr);
            e.out[id] = y;
        }

        @Override
        void backward(NativeGraph.Exec e) {
            INDArray x = e.out[in[0].id];
            INDArray gy = e.grad[id];
            NativeOps.gemm(x, gy, gwTmp, true, false);
            gwArr.assign(gwTmp);
            NativeOps.columnSums(e.pool().ones(e.n), gy, gbTmp);
            gbArr.assign(gbTmp);
            if (in[0].requiresGrad) {
                INDArray gx = e.pool().acquire(x.shape());
                NativeOps.gemm(gy, wArr, gx, false, true);
                e.accumulate(in[0], gx);
                e.pool().release(gx);
            }
        }
    }

    // ================================================================================================
    // Builder
    // ================================================================================================

    /** Records an architecture as nodes; parameters become views of one flat array. */
    static final class Builder extends GraphBuilder<Node> {
        final List<Node> nodes = new ArrayList<>();
        final List<Node> attention = new ArrayList<>();
        final InputNode input;

        Builder(long seed, int channels, int height, int width) {
            super(seed);
            input = new InputNode(channels, height, width);
            nodes.add(input);
        }

        private <N extends Node> N add(N node) {
            nodes.add(node);
            return node;
        }

        @Override
        protected Object newParam(Param p) {
            return p.name();
        }

        @Override
        protected Node convOp(String name, Node x, Object w, int in, int out, int k, int stride, int pad) {
            if (x.flat || x.c != in) {
                throw new IllegalArgumentException(name + ": expected an image with " + in + " channels, got " + x.c);
            }
            return add(new ConvNode(nodes.size(), x, (String) w, out, k, stride, pad));
        }

        @Override
        protected Node batchNormOp(BatchNormLayer layer, Node x, Object gamma, Object beta) {
            if (x.c != layer.channels()) {
                throw new IllegalArgumentException(layer.name() + ": expected " + layer.channels() + " channels, got " + x.c);
            }
            return add(new BnNode(nodes.size(), x, layer));
        }

        @Override
        protected Node denseOp(String name, Node x, Object w, Object b, int in, int out) {
            return add(new DenseNode(nodes.size(), x, (String) w, (String) b, in, out));
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
}
