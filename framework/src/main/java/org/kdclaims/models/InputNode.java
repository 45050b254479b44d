package org.kdclaims.models;

import java.util.Arrays;

import org.nd4j.linalg.api.ndarray.INDArray;

/** The images: NCHW features from the caller, transposed once to the engine's NHWC. */
final class InputNode extends Node {
    InputNode(int c, int h, int w) {
        super(0, new Node[0], h, w, c, false);
        requiresGrad = false;
    }

    void load(Pass p, float[] nchw) {
        int n = p.n;
        if (nchw.length < (long) n * c * h * w) {
            throw new IllegalArgumentException("features hold " + nchw.length + " values, need " + (long) n * c * h * w);
        }
        INDArray staging = p.pool().acquire(new long[] {n, c, h, w});
        if (nchw.length == staging.length()) {
            staging.data().setData(nchw);
        } else {
            staging.data().setData(Arrays.copyOf(nchw, (int) staging.length()));
        }
        INDArray x = p.pool().acquire(shape(n));
        x.assign(staging.permute(0, 2, 3, 1));
        p.pool().release(staging);
        p.out[id] = x;
    }

    @Override
    void forward(Pass p) {
    }

    @Override
    void backward(Pass p) {
    }
}
