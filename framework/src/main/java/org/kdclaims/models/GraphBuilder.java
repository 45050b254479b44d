package org.kdclaims.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The layer vocabulary that architectures are written in, independent of the engine that runs them.
 *
 * <p>Parameters are created by name on first use (a second use of a name shares the parameter), in
 * the order the architecture asks for them, with initial values from a seeded Java RNG: a seed gives
 * the same network on any machine and in every engine. Tensors are images with a channel count and
 * a spatial size; engines choose their own memory layout.
 *
 * @param <T> the engine's handle for a tensor
 * @param <P> the engine's handle for a parameter
 */
public abstract class GraphBuilder<T, P> {
    /** Batch-norm epsilon, as PyTorch's default. */
    public static final double BN_EPS = 1e-5;

    /** A trainable parameter: name, shape and initial values (c order). */
    public record Param(String name, long[] shape, float[] init) {
        public long length() {
            return init.length;
        }
    }

    /** A batch-norm layer: where its parameters and running statistics are found, by name. */
    public record BatchNormLayer(String name, int channels) {
        public String gammaVar() {
            return name + "/gamma";
        }

        public String betaVar() {
            return name + "/beta";
        }

        public String runMeanVar() {
            return name + "/runMean";
        }

        public String runVarVar() {
            return name + "/runVar";
        }
    }

    private final SplittableRandom rng;
    private final Map<String, Param> params = new LinkedHashMap<>();
    private final Map<String, P> handles = new LinkedHashMap<>();
    private final List<BatchNormLayer> batchNorms = new ArrayList<>();
    private long parameterCount;

    protected GraphBuilder(long seed) {
        this.rng = new SplittableRandom(seed);
    }

    /** Trainable parameters created so far, each counted once. */
    public final long parameterCount() {
        return parameterCount;
    }

    /** Trainable parameters in creation order. */
    public final List<Param> params() {
        return List.copyOf(params.values());
    }

    /** Batch-norm layers in creation order. */
    public final List<BatchNormLayer> batchNorms() {
        return Collections.unmodifiableList(batchNorms);
    }

    // ---- the vocabulary -------------------------------------------------------------------

    /** k x k convolution, padding (k-1)/2, He-normal initialised, no bias (every conv here is followed by batch norm). */
    public final T conv(String name, T x, int inChannels, int outChannels, int k, int stride) {
        // weight layout [kH, kW, in, out] (SameDiff's default conv2d layout, and the checkpoint layout)
        P w = param(name + "/W", () -> heNormal(k * k * inChannels, k, k, inChannels, outChannels),
                k, k, inChannels, outChannels);
        return convOp(name, x, w, inChannels, outChannels, k, stride, (k - 1) / 2);
    }

    /** Batch norm per channel: batch statistics in training, running statistics in evaluation. */
    public final T batchNorm(String name, T x, int channels) {
        P gamma = param(name + "/gamma", () -> filled(channels, 1f), channels);
        P beta = param(name + "/beta", () -> filled(channels, 0f), channels);
        BatchNormLayer layer = new BatchNormLayer(name, channels);
        batchNorms.add(layer);
        return batchNormOp(layer, x, gamma, beta);
    }

    /** Fully connected layer with bias; uniform init as in PyTorch's nn.Linear. */
    public final T dense(String name, T x, int in, int out) {
        double bound = 1.0 / Math.sqrt(in);
        P w = param(name + "/W", () -> uniform(in * out, bound), in, out);
        P b = param(name + "/b", () -> uniform(out, bound), 1, out);
        return denseOp(name, x, w, b, in, out);
    }

    public abstract T relu(T x);

    /**
     * Marks a group output as an attention point for attention transfer (the architecture decides
     * which; students and teachers are matched point by point). Returns x unchanged.
     */
    public T attentionPoint(T x) {
        return x;
    }

    /** Element-wise sum of two tensors of the same shape (residual connections). */
    public abstract T add(T a, T b);

    /** Concatenation along the channel axis (DenseNet). */
    public abstract T concat(T a, T b);

    /** k x k average pooling with stride k (DenseNet transitions). */
    public abstract T avgPool(T x, int k);

    /** Global average pooling: an image to one value per channel, (N, C). */
    public abstract T globalAveragePool(T x);

    // ---- engine hooks -----------------------------------------------------------------------

    /** Creates the engine's handle for a new parameter. */
    protected abstract P newParam(Param p);

    protected abstract T convOp(String name, T x, P w, int in, int out, int k, int stride, int pad);

    protected abstract T batchNormOp(BatchNormLayer layer, T x, P gamma, P beta);

    protected abstract T denseOp(String name, T x, P w, P b, int in, int out);

    // ---- parameters and initialisation ------------------------------------------------------

    private P param(String name, Supplier<float[]> init, long... shape) {
        P h = handles.get(name);
        if (h != null) {
            if (!Arrays.equals(params.get(name).shape(), shape)) {
                throw new IllegalArgumentException("parameter " + name + " reused with another shape");
            }
            return h;
        }
        Param p = new Param(name, shape.clone(), init.get());
        params.put(name, p);
        parameterCount += p.length();
        h = newParam(p);
        handles.put(name, h);
        return h;
    }

    private float[] heNormal(int fanIn, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        float[] v = new float[Math.toIntExact(n)];
        double std = Math.sqrt(2.0 / fanIn);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (gaussian() * std);
        }
        return v;
    }

    private float[] uniform(int n, double bound) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        }
        return v;
    }

    private static float[] filled(int n, float value) {
        float[] v = new float[n];
        Arrays.fill(v, value);
        return v;
    }

    /** Box-Muller on the seeded stream (SplittableRandom has no nextGaussian in Java 17). */
    private double gaussian() {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
