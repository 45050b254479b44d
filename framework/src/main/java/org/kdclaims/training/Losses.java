package org.kdclaims.training;

/**
 * The softmax, cross-entropy and distillation losses on row-major (N x K) logits, in double
 * precision: the training objective with its gradient ({@link #lossAndGradient}, used by
 * {@link Network}) and the reported metrics ({@link Metrics}) share these primitives.
 *
 * <p>Results are pinned bitwise (model files, golden fixtures, stored baselines), so each
 * primitive keeps the exact floating-point operation order of the code it replaced.
 */
public final class Losses {
    private Losses() {
    }

    /**
     * The batch loss {@code ceWeight * mean CE + kdWeight * mean L_KD} and, when {@code grad} is not
     * null, its gradient with respect to the logits (N x K, row major):
     * {@code ceWeight * (softmax(z) - onehot) / N + kdWeight * tau * (softmax(z/tau) - softmax(t/tau)) / N}.
     * {@code teacher} null (or kdWeight 0) leaves out the KD term.
     */
    public static double lossAndGradient(float[] logits, int n, int k, int[] labels, float[] teacher, double tau,
            double ceWeight, double kdWeight, float[] grad) {
        boolean kd = teacher != null && kdWeight != 0;
        double ceSum = 0;
        double kdSum = 0;
        double[] p = new double[k];
        double[] ps = new double[k];
        double[] pt = new double[k];
        for (int i = 0; i < n; i++) {
            int o = i * k;
            double logZ = logSumExp(logits, o, k, 1, p);      // p = softmax(z)
            ceSum -= logits[o + labels[i]] - logZ;
            if (kd) {
                double logZs = logSumExp(logits, o, k, tau, ps);    // ps = softmax(z/tau)
                logSumExp(teacher, o, k, tau, pt);                  // pt = softmax(t/tau)
                // the row's -sum_j pt_j log ps_j, accumulated from 0 by subtraction: exactly minus the
                // sum of the terms, so adding tau^2 times it is bitwise the subtraction it replaced
                kdSum += tau * tau * subtractSoftTargetTerms(0, logits, o, k, tau, logZs, pt);
            }
            if (grad != null) {
                for (int j = 0; j < k; j++) {
                    double g = ceWeight * (p[j] - (j == labels[i] ? 1 : 0));
                    if (kd) {
                        g += kdWeight * tau * (ps[j] - pt[j]);
                    }
                    grad[o + j] = (float) (g / n);
                }
            }
        }
        return ceWeight * ceSum / n + (kd ? kdWeight * kdSum / n : 0);
    }

    /** Mean cross-entropy of the softmax against the labels: the training objective's CE term alone. */
    public static double crossEntropy(float[] logits, int[] labels, int k) {
        return lossAndGradient(logits, labels.length, k, labels, null, 1, 1, 0, null);
    }

    /**
     * PAPER.md's L_KD, mean over rows: {@code -tau^2 sum_k p_t^k log p_s^k} at temperature tau, with the
     * teacher's probabilities as exp(log softmax) and tau^2 applied once to the whole sum. This is the
     * reported KD loss; the training objective's KD term ({@link #lossAndGradient}) takes the softmax
     * itself and tau^2 per row, which differs in the last bits: both are pinned by stored results.
     */
    public static double kdLoss(float[] student, float[] teacher, int n, int k, double tau) {
        double sum = 0;
        double[] ps = new double[k];
        double[] pt = new double[k];
        for (int i = 0; i < n; i++) {
            int o = i * k;
            double logZs = logSumExp(student, o, k, tau, ps);
            double logZt = logSumExp(teacher, o, k, tau, pt);
            for (int j = 0; j < k; j++) {
                pt[j] = Math.exp(teacher[o + j] / tau - logZt);
            }
            sum = subtractSoftTargetTerms(sum, student, o, k, tau, logZs, pt);
        }
        return tau * tau * sum / n;
    }

    /** {@code acc - sum_j pt_j * log softmax(z/tau)_j} over one row, one subtraction per term. */
    private static double subtractSoftTargetTerms(double acc, float[] z, int o, int k, double tau, double logZ,
            double[] pt) {
        for (int j = 0; j < k; j++) {
            acc -= pt[j] * (z[o + j] / tau - logZ);
        }
        return acc;
    }

    /** log softmax(x/tau) of row {@code row}. */
    static double[] logSoftmax(float[] x, int row, int k, double tau) {
        int o = row * k;
        double log = logSumExp(x, o, k, tau, new double[k]);
        double[] out = new double[k];
        for (int j = 0; j < k; j++) {
            out[j] = x[o + j] / tau - log;
        }
        return out;
    }

    /** log sum_j exp(x_j / tau) over one row; fills {@code softmax} with softmax(x / tau). */
    static double logSumExp(float[] x, int offset, int k, double tau, double[] softmax) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            max = Math.max(max, x[offset + j] / tau);
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            softmax[j] = Math.exp(x[offset + j] / tau - max);
            sum += softmax[j];
        }
        for (int j = 0; j < k; j++) {
            softmax[j] /= sum;
        }
        return max + Math.log(sum);
    }
}
