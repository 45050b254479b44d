package org.kdclaims.models;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Fully connected layer with bias: y = x W + b on (N, in) inputs. */
final class DenseNode extends Node {
    private final GraphBuilder.Param wParam;
    private final GraphBuilder.Param bParam;
    private final int inSize;
    private INDArray wArr;
    private INDArray bArr;
    private INDArray gwArr;
    private INDArray gbArr;
    private INDArray gwTmp;
    private INDArray gbTmp;

    DenseNode(int id, Node x, GraphBuilder.Param w, GraphBuilder.Param b, int inSize, int out) {
        super(id, new Node[] {x}, 1, 1, out, true);
        if (!x.flat || x.c != inSize) {
            throw new IllegalArgumentException("dense: input must be (N, " + inSize + ")");
        }
        this.wParam = w;
        this.bParam = b;
        this.inSize = inSize;
    }

    @Override
    void bind(GraphParameters params) {
        wArr = params.value(wParam);
        bArr = params.value(bParam);
        gwArr = params.gradient(wParam);
        gbArr = params.gradient(bParam);
        gwTmp = Nd4j.zeros(DataType.FLOAT, inSize, c);
        gbTmp = Nd4j.zeros(DataType.FLOAT, 1, c);
    }

    @Override
    void forward(Pass p) {
        INDArray y = p.pool().acquire(shape(p.n));
        NativeOps.gemm(p.out[in[0].id], wArr, y, false, false);
        y.addiRowVector(bArr);
        p.out[id] = y;
    }

    @Override
    void backward(Pass p) {
        INDArray x = p.out[in[0].id];
        INDArray gy = p.grad[id];
        NativeOps.gemm(x, gy, gwTmp, true, false);
        gwArr.assign(gwTmp);
        NativeOps.columnSums(p.pool().ones(p.n), gy, gbTmp);
        gbArr.assign(gbTmp);
        if (in[0].requiresGrad) {
            INDArray gx = p.pool().acquire(x.shape());
            NativeOps.gemm(gy, wArr, gx, false, true);
            p.accumulate(in[0], gx);
            p.pool().release(gx);
        }
    }
}
