package org.kdclaims.models;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Convolution without bias, NHWC with [kH, kW, in, out] weights; three backward paths by shape. */
final class ConvNode extends Node {
    /**
     * Batch slice for conv2d_bp of 3x3 stride-1 convolutions with at most 16 input and output
     * channels: on a whole batch of 128, oneDNN picks Winograd for the data gradient, which is
     * 2x slower there than the direct kernel it picks for slices of 32 (BENCHMARKS.md). A constant,
     * not a setting: the slice sets the order in which the weight gradient is summed, so it changes
     * the numbers, and no model key records it.
     */
    static final int SMALL_CONV_SLICE = 32;

    private final GraphBuilder.Param weights;
    private final int k;
    private final int stride;
    private final int pad;
    private final int slice;
    private INDArray wArr;
    private INDArray gwArr;
    private INDArray gwPart;

    ConvNode(int id, Node x, GraphBuilder.Param weights, int out, int k, int stride, int pad) {
        super(id, new Node[] {x}, (x.h + 2 * pad - k) / stride + 1, (x.w + 2 * pad - k) / stride + 1, out, false);
        this.weights = weights;
        this.k = k;
        this.stride = stride;
        this.pad = pad;
        this.slice = (k == 3 && stride == 1 && x.c <= 16 && out <= 16) ? Math.max(0, SMALL_CONV_SLICE) : 0;
    }

    @Override
    void bind(GraphParameters params) {
        wArr = params.value(weights);
        gwArr = params.gradient(weights);
        gwPart = Nd4j.zeros(DataType.FLOAT, wArr.shape());
    }

    @Override
    void forward(Pass p) {
        INDArray y = p.pool().acquire(shape(p.n));
        NativeOps.conv2d(p.out[in[0].id], wArr, y, k, stride, pad);
        p.out[id] = y;
    }

    @Override
    void backward(Pass p) {
        if (k == 1 && pad == 0) {
            backwardPointwise(p);
        } else if (!in[0].requiresGrad) {
            backwardWeightsOnly(p);
        } else {
            INDArray x = p.out[in[0].id];
            INDArray gx = p.pool().acquire(x.shape());
            INDArray gy = p.grad[id];
            int n = p.n;
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
            p.accumulate(in[0], gx);
            p.pool().release(gx);
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
    private void backwardPointwise(Pass p) {
        INDArray x = p.out[in[0].id];
        INDArray gy = p.grad[id];
        int ci = in[0].c;
        long m = (long) p.n * h * w;
        INDArray xs = x;
        if (stride != 1) {
            xs = p.pool().acquire(new long[] {p.n, h, w, ci});
            xs.assign(sampled(x));
        }
        INDArray gy2 = gy.reshape('c', m, c);
        NativeOps.gemm(xs.reshape('c', m, ci), gy2, gwArr.reshape('c', ci, c), true, false);
        if (in[0].requiresGrad) {
            INDArray gxs = stride == 1 ? p.pool().acquire(x.shape()) : xs;   // xs is no longer needed: reuse it
            NativeOps.gemm(gy2, wArr.reshape('c', ci, c), gxs.reshape('c', m, ci), false, true);
            INDArray gx = gxs;
            if (stride != 1) {
                gx = p.pool().acquire(x.shape());
                gx.assign(0);
                sampled(gx).assign(gxs);
                p.pool().release(gxs);
            }
            p.accumulate(in[0], gx);
            p.pool().release(gx);
        } else if (stride != 1) {
            p.pool().release(xs);
        }
    }

    /**
     * Weight gradient only (the input needs none, e.g. the stem on the images): the patch matrix
     * of the input times the output gradient, instead of conv2d_bp, which also computes the
     * unneeded input gradient (with Winograd, slowly, for 3 input channels).
     */
    private void backwardWeightsOnly(Pass p) {
        INDArray x = p.out[in[0].id];
        int ci = in[0].c;
        int n = p.n;
        INDArray padded = x;
        if (pad > 0) {
            padded = p.pool().acquire(new long[] {n, in[0].h + 2 * pad, in[0].w + 2 * pad, ci});
            padded.assign(0);
            padded.get(NDArrayIndex.all(), NDArrayIndex.interval(pad, pad + in[0].h), NDArrayIndex.interval(pad, pad + in[0].w),
                    NDArrayIndex.all()).assign(x);
        }
        INDArray patches = p.pool().acquire(new long[] {n, h, w, (long) k * k * ci});
        for (int kh = 0; kh < k; kh++) {
            for (int kw = 0; kw < k; kw++) {
                long c0 = (long) (kh * k + kw) * ci;
                patches.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(c0, c0 + ci))
                        .assign(padded.get(NDArrayIndex.all(), NDArrayIndex.interval(kh, stride, kh + stride * (h - 1) + 1),
                                NDArrayIndex.interval(kw, stride, kw + stride * (w - 1) + 1), NDArrayIndex.all()));
            }
        }
        long m = (long) n * h * w;
        NativeOps.gemm(patches.reshape('c', m, (long) k * k * ci), p.grad[id].reshape('c', m, c),
                gwArr.reshape('c', (long) k * k * ci, c), true, false);
        p.pool().release(patches);
        if (padded != x) {
            p.pool().release(padded);
        }
    }
}
