package org.kdclaims.models;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Concatenation along the channel axis (DenseNet). */
final class ConcatNode extends Node {
    ConcatNode(int id, Node a, Node b) {
        super(id, new Node[] {a, b}, a.h, a.w, a.c + b.c, false);
        if (a.h != b.h || a.w != b.w || a.flat || b.flat) {
            throw new IllegalArgumentException("concat: spatial sizes differ");
        }
    }

    @Override
    void forward(Pass p) {
        INDArray z = p.pool().acquire(shape(p.n));
        NativeOps.concat(p.out[in[0].id], p.out[in[1].id], z, 3);
        p.out[id] = z;
    }

    @Override
    void backward(Pass p) {
        INDArray gz = p.grad[id];
        int ca = in[0].c;
        for (int i = 0; i < 2; i++) {
            Node src = in[i];
            if (!src.requiresGrad) {
                continue;
            }
            INDArray part = gz.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(),
                    i == 0 ? NDArrayIndex.interval(0, ca) : NDArrayIndex.interval(ca, c));
            INDArray g = p.pool().acquire(src.shape(p.n));
            g.assign(part);
            p.accumulate(src, g);
            p.pool().release(g);
        }
    }
}
