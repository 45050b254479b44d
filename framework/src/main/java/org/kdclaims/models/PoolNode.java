package org.kdclaims.models;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Average pooling with a kh x kw window and stride s; global average pooling when the window is the image. */
final class PoolNode extends Node {
    private final int kh;
    private final int kw;
    private final int s;

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
    void forward(Pass p) {
        INDArray y = p.pool().acquire(shape(p.n));
        INDArray y4 = flat ? y.reshape('c', imageShape(p.n)) : y;
        NativeOps.avgPool(p.out[in[0].id], y4, kh, kw, s);
        p.out[id] = y;
    }

    @Override
    void backward(Pass p) {
        INDArray x = p.out[in[0].id];
        INDArray gy = p.grad[id];
        INDArray gy4 = flat ? gy.reshape('c', imageShape(p.n)) : gy;
        INDArray gx = p.pool().acquire(x.shape());
        NativeOps.avgPoolBp(x, gy4, gx, kh, kw, s);
        p.accumulate(in[0], gx);
        p.pool().release(gx);
    }
}
