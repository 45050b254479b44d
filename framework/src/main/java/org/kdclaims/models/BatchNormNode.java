package org.kdclaims.models;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch norm per channel: the fused oneDNN forward op, with batch statistics from gemv column sums
 * in training and the running statistics (registered as state) in evaluation.
 */
final class BatchNormNode extends Node {
    private final GraphBuilder.BatchNormLayer layer;
    private final GraphBuilder.Param gammaParam;
    private final GraphBuilder.Param betaParam;
    private INDArray gamma;
    private INDArray beta;
    private INDArray gGamma;
    private INDArray gBeta;
    private final INDArray runMean;
    private final INDArray runVar;
    private final INDArray mean;
    private final INDArray var;
    private final INDArray zeros;
    private final INDArray onesC;
    private final INDArray colSums;
    private final INDArray scale;
    private final INDArray shift;
    private final INDArray gammaGrad;
    private final INDArray betaGrad;
    private final INDArray gammaCopy;

    BatchNormNode(int id, Node x, GraphBuilder.BatchNormLayer layer, GraphBuilder.Param gamma, GraphBuilder.Param beta) {
        super(id, new Node[] {x}, x.h, x.w, x.c, x.flat);
        this.layer = layer;
        this.gammaParam = gamma;
        this.betaParam = beta;
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
    void bind(GraphParameters params) {
        gamma = params.value(gammaParam);
        beta = params.value(betaParam);
        gGamma = params.gradient(gammaParam);
        gBeta = params.gradient(betaParam);
        params.registerStatistic(layer.runMeanVar(), runMean);
        params.registerStatistic(layer.runVarVar(), runVar);
    }

    /** Exponential moving averages of the last training pass's batch statistics (biased variance). */
    void updateRunningStatistics(double momentum) {
        ema(runMean, mean, momentum);
        ema(runVar, var, momentum);
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

    private long rows(int n) {
        return flat ? n : (long) n * h * w;
    }

    /** Per-channel sums of an activation-shaped array, as doubles. */
    private double[] sums(Pass p, INDArray a) {
        long m = rows(p.n);
        NativeOps.columnSums(p.pool().ones(m), a.reshape('c', m, c), colSums);
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
    void forward(Pass p) {
        INDArray x = p.out[in[0].id];
        INDArray y = p.pool().acquire(x.shape());
        if (p.train) {
            long m = rows(p.n);
            double[] mu = sums(p, x);
            for (int i = 0; i < c; i++) {
                mu[i] /= m;
            }
            put(mean, mu);
            // centred second moment: (x - mean)^2 summed per channel, in a scratch array
            INDArray t = p.pool().acquire(x.shape());
            NativeOps.batchNorm(x, mean, onesC, onesC, zeros, 0.0, t);
            NativeOps.square(t, t);
            double[] v = sums(p, t);
            p.pool().release(t);
            for (int i = 0; i < c; i++) {
                v[i] /= m;
            }
            put(var, v);
            NativeOps.batchNorm(x, mean, var, gamma, beta, GraphBuilder.BN_EPS, y);
        } else {
            NativeOps.batchNorm(x, runMean, runVar, gamma, beta, GraphBuilder.BN_EPS, y);
        }
        p.out[id] = y;
    }

    /**
     * dx = gamma * invstd * (gy - mean(gy) - xhat * mean(gy * xhat)), written as the per-channel
     * affine combination a*gy + b*x + c, with sum(gy) and sum(gy * x) from two column sums.
     */
    @Override
    void backward(Pass p) {
        INDArray x = p.out[in[0].id];
        INDArray gy = p.ownGrad(this);
        long m = rows(p.n);
        double[] sg = sums(p, gy);
        INDArray t = p.pool().acquire(x.shape());
        NativeOps.multiply(gy, x, t);
        double[] sgx = sums(p, t);
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
            p.accumulate(in[0], gy);
        }
        p.pool().release(t);
    }
}
