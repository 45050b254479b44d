package org.kdclaims.models;

import org.nd4j.linalg.api.ndarray.INDArray;

final class ReluNode extends Node {
    ReluNode(int id, Node x) {
        super(id, new Node[] {x}, x.h, x.w, x.c, x.flat);
    }

    @Override
    boolean backwardNeedsOutput() {
        return true;
    }

    @Override
    void forward(Pass p) {
        Node src = in[0];
        INDArray x = p.out[src.id];
        boolean inPlace = src.consumers == 1 && !src.backwardNeedsOutput() && src.requiresGrad
                && p.pool().exclusive(x);
        if (inPlace) {
            NativeOps.relu(x, x);
            p.pool().retain(x);
            p.out[id] = x;
        } else {
            INDArray y = p.pool().acquire(x.shape());
            NativeOps.relu(x, y);
            p.out[id] = y;
        }
    }

    /** gx = gy * sign(y): y >= 0, so sign(y) is the 0/1 mask (10x faster than libnd4j's relu_bp). */
    @Override
    void backward(Pass p) {
        INDArray gy = p.ownGrad(this);
        INDArray mask = p.pool().acquire(gy.shape());
        NativeOps.sign(p.out[id], mask);
        gy.muli(mask);
        p.pool().release(mask);
        p.accumulate(in[0], gy);
    }
}
