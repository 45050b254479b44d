package org.kdclaims.models;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Element-wise sum (residual connections). */
final class AddNode extends Node {
    AddNode(int id, Node a, Node b) {
        super(id, new Node[] {a, b}, a.h, a.w, a.c, a.flat);
        if (a.h != b.h || a.w != b.w || a.c != b.c || a.flat != b.flat) {
            throw new IllegalArgumentException("add: shapes differ");
        }
    }

    @Override
    void forward(Pass p) {
        INDArray z = p.pool().acquire(shape(p.n));
        NativeOps.add(p.out[in[0].id], p.out[in[1].id], z);
        p.out[id] = z;
    }

    @Override
    void backward(Pass p) {
        p.accumulate(in[0], p.grad[id]);
        p.accumulate(in[1], p.grad[id]);
    }
}
