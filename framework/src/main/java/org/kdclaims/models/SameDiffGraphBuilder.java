package org.kdclaims.models;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds an architecture as a SameDiff graph (NCHW) with SameDiff's own automatic differentiation:
 * the reference that the native engine's gradients are checked against, and the engine the project
 * used before {@link NativeGraph}. Batch norm is composed from basic ops (mean over (N, H, W),
 * centred variance, {@code xc * rsqrt(var + eps) * gamma + beta}) in {@link Mode#TRAIN}, and uses
 * the running statistics (constants named {@code <bn>/runMean}, {@code <bn>/runVar}) in
 * {@link Mode#EVAL}. Parameters have the same names, layouts and initial values as in the native
 * engine for the same seed.
 */
public final class SameDiffGraphBuilder extends GraphBuilder<SDVariable, SDVariable> {
    /** Which batch-norm statistics the graph uses. */
    public enum Mode { TRAIN, EVAL }

    private final SameDiff sd;
    private final Mode mode;

    public SameDiffGraphBuilder(SameDiff sd, long seed, Mode mode) {
        super(seed);
        this.sd = sd;
        this.mode = mode;
    }

    public SameDiff sameDiff() {
        return sd;
    }

    /** Name of the batch-mean variable of a batch-norm layer in {@link Mode#TRAIN}. */
    public static String batchMeanVar(BatchNormLayer bn) {
        return bn.name() + "/batchMean";
    }

    /** Name of the (biased) batch-variance variable of a batch-norm layer in {@link Mode#TRAIN}. */
    public static String batchVarVar(BatchNormLayer bn) {
        return bn.name() + "/batchVar";
    }

    @Override
    protected SDVariable newParam(Param p) {
        return sd.var(p.name(), Nd4j.create(p.init(), p.shape(), 'c'));
    }

    @Override
    protected SDVariable convOp(String name, SDVariable x, SDVariable w, int in, int out, int k, int stride, int pad) {
        Conv2DConfig cfg = Conv2DConfig.builder().kH(k).kW(k).sH(stride).sW(stride)
                .pH(pad).pW(pad).paddingMode(PaddingMode.VALID).dataFormat(Conv2DConfig.NCHW).build();
        return sd.cnn().conv2d(x, w, cfg);
    }

    @Override
    protected SDVariable batchNormOp(BatchNormLayer bn, SDVariable x, SDVariable gammaVar, SDVariable betaVar) {
        long c = bn.channels();
        SDVariable gamma = gammaVar.reshape(1, c, 1, 1);
        SDVariable beta = betaVar.reshape(1, c, 1, 1);
        if (mode == Mode.TRAIN) {
            SDVariable mean = x.mean(batchMeanVar(bn), true, 0, 2, 3);
            SDVariable xc = x.sub(mean);
            SDVariable var = sd.math().square(xc).mean(batchVarVar(bn), true, 0, 2, 3);
            return xc.mul(sd.math().rsqrt(var.add(BN_EPS))).mul(gamma).add(beta);
        }
        SDVariable runMean = sd.constant(bn.runMeanVar(), Nd4j.zeros(DataType.FLOAT, 1, c, 1, 1));
        SDVariable runVar = sd.constant(bn.runVarVar(), Nd4j.ones(DataType.FLOAT, 1, c, 1, 1));
        return x.sub(runMean).mul(sd.math().rsqrt(runVar.add(BN_EPS))).mul(gamma).add(beta);
    }

    @Override
    protected SDVariable denseOp(String name, SDVariable x, SDVariable w, SDVariable b, int in, int out) {
        return x.mmul(w).add(b);
    }

    @Override
    public SDVariable relu(SDVariable x) {
        return sd.nn().relu(x, 0);
    }

    @Override
    public SDVariable add(SDVariable a, SDVariable b) {
        return a.add(b);
    }

    @Override
    public SDVariable concat(SDVariable a, SDVariable b) {
        return sd.concat(1, a, b);
    }

    @Override
    public SDVariable avgPool(SDVariable x, int k) {
        return sd.cnn().avgPooling2d(x, Pooling2DConfig.builder().kH(k).kW(k).sH(k).sW(k)
                .paddingMode(PaddingMode.VALID).isNHWC(false).build());
    }

    @Override
    public SDVariable globalAveragePool(SDVariable x) {
        return x.mean(2, 3);
    }

    /** The array of a variable, for tests: parameters are ordinary SameDiff variables. */
    public INDArray array(String name) {
        return sd.getVariable(name).getArr();
    }
}
