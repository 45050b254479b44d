package org.kdclaims.models;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds one network twice into a SameDiff graph: a training path (batch norm on batch statistics)
 * and an evaluation path (batch norm on running statistics), sharing every trainable parameter.
 *
 * <p>Parameters are created by name on first use, so the second build reuses them; initial values
 * come from a seeded Java RNG, so a seed gives the same network on any machine.
 */
public final class GraphBuilder {
    /** Which batch-norm statistics a path uses. */
    public enum Mode { TRAIN, EVAL }

    private static final double BN_EPS = 1e-5;

    private final SameDiff sd;
    private final SplittableRandom rng;
    private final List<BatchNormLayer> batchNorms = new ArrayList<>();
    private Mode mode = Mode.TRAIN;
    private long parameterCount;

    public GraphBuilder(SameDiff sd, long seed) {
        this.sd = sd;
        this.rng = new SplittableRandom(seed);
    }

    public SameDiff sameDiff() {
        return sd;
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    public Mode mode() {
        return mode;
    }

    public List<BatchNormLayer> batchNorms() {
        return batchNorms;
    }

    /** Trainable parameters created so far (both paths share them, so this counts each once). */
    public long parameterCount() {
        return parameterCount;
    }

    /** k x k convolution, He-normal initialised, no bias (every conv here is followed by batch norm). */
    public SDVariable conv(String name, SDVariable x, int inChannels, int outChannels, int k, int stride) {
        // SameDiff's default conv2d weight layout is [kH, kW, in, out]
        SDVariable w = param(name + "/W", heNormal(k * k * inChannels, k, k, inChannels, outChannels),
                k, k, inChannels, outChannels);
        Conv2DConfig cfg = Conv2DConfig.builder().kH(k).kW(k).sH(stride).sW(stride)
                .pH((k - 1) / 2).pW((k - 1) / 2).paddingMode(PaddingMode.VALID)
                .dataFormat(Conv2DConfig.NCHW).build();
        return sd.cnn().conv2d(x, w, cfg);
    }

    /** Batch norm over (N, H, W) per channel; training path keeps batch mean/var named for capture. */
    public SDVariable batchNorm(String name, SDVariable x, int channels) {
        SDVariable gamma = param(name + "/gamma", filled(channels, 1f), 1, channels, 1, 1);
        SDVariable beta = param(name + "/beta", filled(channels, 0f), 1, channels, 1, 1);
        if (mode == Mode.TRAIN) {
            SDVariable mean = x.mean(name + "/batchMean", true, 0, 2, 3);
            SDVariable xc = x.sub(mean);
            SDVariable var = sd.math().square(xc).mean(name + "/batchVar", true, 0, 2, 3);
            batchNorms.add(new BatchNormLayer(name, channels, name + "/batchMean", name + "/batchVar"));
            return xc.mul(sd.math().rsqrt(var.add(BN_EPS))).mul(gamma).add(beta);
        }
        SDVariable runMean = sd.constant(name + "/runMean", Nd4j.zeros(DataType.FLOAT, 1, channels, 1, 1));
        SDVariable runVar = sd.constant(name + "/runVar", Nd4j.ones(DataType.FLOAT, 1, channels, 1, 1));
        return x.sub(runMean).mul(sd.math().rsqrt(runVar.add(BN_EPS))).mul(gamma).add(beta);
    }

    public SDVariable relu(SDVariable x) {
        return sd.nn().relu(x, 0);
    }

    /** Global average pool: (N, C, H, W) to (N, C). */
    public SDVariable globalAveragePool(SDVariable x) {
        return x.mean(2, 3);
    }

    /** Fully connected layer with bias; uniform init as in PyTorch's nn.Linear. */
    public SDVariable dense(String name, SDVariable x, int in, int out) {
        double bound = 1.0 / Math.sqrt(in);
        SDVariable w = param(name + "/W", uniform(in * out, bound), in, out);
        SDVariable b = param(name + "/b", uniform(out, bound), 1, out);
        return x.mmul(w).add(b);
    }

    private SDVariable param(String name, float[] init, long... shape) {
        if (sd.hasVariable(name)) {
            return sd.getVariable(name);
        }
        INDArray arr = Nd4j.create(init, shape, 'c');
        parameterCount += arr.length();
        return sd.var(name, arr);
    }

    private float[] heNormal(int fanIn, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        float[] v = new float[(int) n];
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
        java.util.Arrays.fill(v, value);
        return v;
    }

    /** Box-Muller on the seeded stream (SplittableRandom has no nextGaussian in Java 17). */
    private double gaussian() {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** A batch-norm layer of the training path: where to find its batch statistics. */
    public record BatchNormLayer(String name, int channels, String batchMeanVar, String batchVarVar) {
        public String runMeanVar() {
            return name + "/runMean";
        }

        public String runVarVar() {
            return name + "/runVar";
        }
    }
}
