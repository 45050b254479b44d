package org.kdclaims.models;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The libnd4j kernels the native engine is made of, called with preallocated outputs. Images are
 * NHWC; conv weights are [kH, kW, in, out]. With the {@code -onednn} builds of nd4j-native,
 * conv2d, conv2d_bp, batchnorm and the pooling ops run in oneDNN.
 */
final class NativeOps {
    private NativeOps() {
    }

    private static void exec(String op, INDArray[] in, INDArray[] out, int[] iArgs, double... tArgs) {
        DynamicCustomOp.DynamicCustomOpsBuilder b = DynamicCustomOp.builder(op).addInputs(in).addOutputs(out);
        if (iArgs.length > 0) {
            b.addIntegerArguments(iArgs);
        }
        if (tArgs.length > 0) {
            Double[] t = new Double[tArgs.length];
            for (int i = 0; i < t.length; i++) {
                t[i] = tArgs[i];
            }
            b.addFloatingPointArguments(t);
        }
        Nd4j.exec(b.build());
    }

    private static final int[] NONE = new int[0];

    private static int[] convArgs(int k, int s, int p) {
        // kH, kW, sH, sW, pH, pW, dH, dW, same-mode (0: explicit padding), data format (1: NHWC), weights format (0: [kH,kW,in,out])
        return new int[] {k, k, s, s, p, p, 1, 1, 0, 1, 0};
    }

    static void conv2d(INDArray x, INDArray w, INDArray y, int k, int s, int p) {
        exec("conv2d", new INDArray[] {x, w}, new INDArray[] {y}, convArgs(k, s, p));
    }

    /** Both gradients of a convolution: with respect to its input (gx) and its weights (gw, overwritten). */
    static void conv2dBp(INDArray x, INDArray w, INDArray gy, INDArray gx, INDArray gw, int k, int s, int p) {
        exec("conv2d_bp", new INDArray[] {x, w, gy}, new INDArray[] {gx, gw}, convArgs(k, s, p));
    }

    /**
     * {@code y = (x - mean) / sqrt(var + eps) * gamma + beta} per channel (last axis); also a plain
     * per-channel affine map {@code x * gamma + beta} with mean 0, var 1, eps 0. In place allowed.
     */
    static void batchNorm(INDArray x, INDArray mean, INDArray var, INDArray gamma, INDArray beta, double eps, INDArray y) {
        exec("batchnorm", new INDArray[] {x, mean, var, gamma, beta}, new INDArray[] {y}, new int[] {1, 1, x.rank() - 1}, eps);
    }

    static void relu(INDArray x, INDArray y) {
        exec("relu", new INDArray[] {x}, new INDArray[] {y}, NONE, 0.0);
    }

    /** {@code gx = gy * (y > 0)}; gx may be gy. libnd4j's relu_bp; see {@link #sign} for the fast way. */
    static void reluBp(INDArray y, INDArray gy, INDArray gx) {
        exec("relu_bp", new INDArray[] {y, gy}, new INDArray[] {gx}, NONE, 0.0);
    }

    /** x * x. (libnd4j's custom op "square" is ~50x slower than the legacy transform.) */
    static void square(INDArray x, INDArray y) {
        Nd4j.getExecutioner().exec(new org.nd4j.linalg.api.ops.impl.transforms.same.Square(x, y));
    }

    /** sign(x): with x >= 0 (a ReLU output) the 0/1 mask of its positive entries. */
    static void sign(INDArray x, INDArray y) {
        Nd4j.getExecutioner().exec(new org.nd4j.linalg.api.ops.impl.transforms.same.Sign(x, y));
    }

    static void add(INDArray a, INDArray b, INDArray z) {
        exec("add", new INDArray[] {a, b}, new INDArray[] {z}, NONE);
    }

    static void multiply(INDArray a, INDArray b, INDArray z) {
        exec("multiply", new INDArray[] {a, b}, new INDArray[] {z}, NONE);
    }

    static void concat(INDArray a, INDArray b, INDArray z, int axis) {
        exec("concat", new INDArray[] {a, b}, new INDArray[] {z}, new int[] {axis});
    }

    private static int[] poolArgs(int kh, int kw, int s) {
        // kH, kW, sH, sW, pH, pW, dH, dW, same-mode, divisor mode (0: exclude padding; none here), data format (1: NHWC)
        return new int[] {kh, kw, s, s, 0, 0, 1, 1, 0, 0, 1};
    }

    static void avgPool(INDArray x, INDArray y, int kh, int kw, int s) {
        exec("avgpool2d", new INDArray[] {x}, new INDArray[] {y}, poolArgs(kh, kw, s));
    }

    static void avgPoolBp(INDArray x, INDArray gy, INDArray gx, int kh, int kw, int s) {
        exec("avgpool2d_bp", new INDArray[] {x, gy}, new INDArray[] {gx}, poolArgs(kh, kw, s));
    }

    /** Column sums of a matrix, {@code out[1, C] = ones[1, M] x m[M, C]}: a memory-bound gemv, far faster than reduce ops over NHWC. */
    static void columnSums(INDArray ones, INDArray m, INDArray out) {
        Nd4j.gemm(ones, m, out, false, false, 1.0, 0.0);
    }

    /** {@code c = op(a) x op(b)}, overwriting c. */
    static void gemm(INDArray a, INDArray b, INDArray c, boolean ta, boolean tb) {
        Nd4j.gemm(a, b, c, ta, tb, 1.0, 0.0);
    }
}
