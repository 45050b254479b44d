package org.kdclaims.training;
import java.util.List;

/**
 * Classification metrics on row-major (N x K) logits, computed in double precision in plain Java
 * so that they are identical whatever native build produced the logits.
 */
public final class Metrics {
    private Metrics() {
    }

    /** Share of rows whose arg-max differs from the label. */
    public static double error(float[] logits, int[] labels, int k) {
        int wrong = 0;
        for (int i = 0; i < labels.length; i++) {
            if (argmax(logits, i, k) != labels[i]) {
                wrong++;
            }
        }
        return labels.length == 0 ? Double.NaN : (double) wrong / labels.length;
    }

    /** Mean cross-entropy of the softmax against the labels. */
    public static double crossEntropy(float[] logits, int[] labels, int k) {
        return Losses.crossEntropy(logits, labels, k);
    }

    /** PAPER.md's L_KD, mean over rows: {@code -tau^2 sum_k p_t^k log p_s^k} at temperature tau. */
    public static double kdLoss(float[] student, float[] teacher, int n, int k, double tau) {
        return Losses.kdLoss(student, teacher, n, k, tau);
    }

    /** KD error (PAPER.md C3): share of rows where student and teacher arg-max differ. */
    public static double disagreement(float[] student, float[] teacher, int n, int k) {
        int differ = 0;
        for (int i = 0; i < n; i++) {
            if (argmax(student, i, k) != argmax(teacher, i, k)) {
                differ++;
            }
        }
        return n == 0 ? Double.NaN : (double) differ / n;
    }

    /** Error of an ensemble that averages its members' softmax outputs. */
    public static double ensembleError(List<float[]> members, int[] labels, int k) {
        int n = labels.length;
        float[] mean = new float[n * k];
        for (float[] m : members) {
            for (int i = 0; i < n; i++) {
                double[] log = Losses.logSoftmax(m, i, k, 1.0);
                for (int j = 0; j < k; j++) {
                    mean[i * k + j] += (float) (Math.exp(log[j]) / members.size());
                }
            }
        }
        return error(mean, labels, k);
    }

    static int argmax(float[] logits, int row, int k) {
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (logits[row * k + j] > logits[row * k + best]) {
                best = j;
            }
        }
        return best;
    }
}
