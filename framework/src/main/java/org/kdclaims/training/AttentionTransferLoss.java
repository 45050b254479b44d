package org.kdclaims.training;

/**
 * Attention transfer (Zagoruyko and Komodakis, ICLR 2017), as their reference code computes it.
 * At each attention point (a group output) the attention map of an activation A (N x H x W x C) is
 * {@code q = F / ||F||_2} with {@code F[n, p] = mean_c A[n, p, c]^2} over the H*W positions p, and
 * the loss is {@code (beta / 2) * mean_{n,p} (q_s[n, p] - q_t[n, p])^2} summed over the points.
 * Student and teacher need the same spatial size at every point; channel counts may differ.
 *
 * <p>Gradient: {@code dL/dq = beta (q_s - q_t) / (N P)}, through the normalisation
 * {@code dL/dF = (dL/dq - q (q . dL/dq)) / ||F||}, and {@code dF/dA = 2 A / C}. Computed in double
 * precision.
 */
public final class AttentionTransferLoss {
    /** As torch.nn.functional.normalize: the norm is at least this, so an all-zero map stays zero. */
    static final double EPS = 1e-12;

    private AttentionTransferLoss() {
    }

    /** Normalised attention maps (N x P, row major) of an NHWC activation. */
    public static float[] maps(float[] a, int n, int positions, int channels) {
        float[] q = new float[n * positions];
        double[] f = new double[positions];
        for (int i = 0; i < n; i++) {
            double norm = squaredMeans(a, i, positions, channels, f);
            for (int p = 0; p < positions; p++) {
                q[i * positions + p] = (float) (f[p] / norm);
            }
        }
        return q;
    }

    /**
     * The loss {@code (beta/2) mean (q_s - q_t)^2} of one attention point; when {@code gradA} is not
     * null it receives the gradient with respect to the student's activation {@code a} (NHWC).
     */
    public static double lossAndGradient(float[] a, int n, int positions, int channels, float[] teacherMaps,
            double beta, float[] gradA) {
        double[] f = new double[positions];
        double[] q = new double[positions];
        double[] dq = new double[positions];
        double scale = beta / ((double) n * positions);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double norm = squaredMeans(a, i, positions, channels, f);
            double dot = 0;
            for (int p = 0; p < positions; p++) {
                q[p] = f[p] / norm;
                double d = q[p] - teacherMaps[i * positions + p];
                sum += d * d;
                dq[p] = scale * d;
                dot += q[p] * dq[p];
            }
            if (gradA == null) {
                continue;
            }
            // F.normalize clamps the norm at EPS: below it q = F / EPS and dq/dF = 1 / EPS
            boolean clamped = norm == EPS;
            for (int p = 0; p < positions; p++) {
                double dF = (clamped ? dq[p] : dq[p] - q[p] * dot) / norm;
                double k = 2 * dF / channels;
                int o = (i * positions + p) * channels;
                for (int c = 0; c < channels; c++) {
                    gradA[o + c] = (float) (k * a[o + c]);
                }
            }
        }
        return 0.5 * beta * sum / ((double) n * positions);
    }

    /** Fills f with mean_c A^2 of sample i; returns max(||f||, EPS). */
    private static double squaredMeans(float[] a, int i, int positions, int channels, double[] f) {
        double norm2 = 0;
        for (int p = 0; p < positions; p++) {
            int o = (i * positions + p) * channels;
            double s = 0;
            for (int c = 0; c < channels; c++) {
                double v = a[o + c];
                s += v * v;
            }
            f[p] = s / channels;
            norm2 += f[p] * f[p];
        }
        return Math.max(Math.sqrt(norm2), EPS);
    }
}
