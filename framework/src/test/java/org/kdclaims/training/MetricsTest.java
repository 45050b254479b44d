package org.kdclaims.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {
    // two rows, three classes
    private static final float[] STUDENT = {2f, 1f, 0f, 0f, 0f, 3f};
    private static final float[] TEACHER = {1f, 2f, 0f, 0f, 0f, 1f};
    private static final int[] LABELS = {0, 1};

    @Test
    void errorCountsWrongArgmax() {
        assertThat(Metrics.error(STUDENT, LABELS, 3)).isEqualTo(0.5);
    }

    @Test
    void crossEntropyByHand() {
        // row 0: -log(e^2/(e^2+e^1+1)); row 1: -log(1/(2+e^3))
        double r0 = -Math.log(Math.exp(2) / (Math.exp(2) + Math.exp(1) + 1));
        double r1 = -Math.log(1 / (2 + Math.exp(3)));
        assertThat(Metrics.crossEntropy(STUDENT, LABELS, 3)).isCloseTo((r0 + r1) / 2, within(1e-12));
    }

    @Test
    void kdLossIsTauSquaredCrossEntropyOfSoftTargets() {
        double tau = 2;
        double expected = 0;
        for (int i = 0; i < 2; i++) {
            double[] pt = softmax(TEACHER, i, tau);
            double[] ps = softmax(STUDENT, i, tau);
            for (int j = 0; j < 3; j++) {
                expected -= pt[j] * Math.log(ps[j]);
            }
        }
        expected = tau * tau * expected / 2;
        assertThat(Metrics.kdLoss(STUDENT, TEACHER, 2, 3, tau)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void disagreementIsTopOneMismatchWithTeacher() {
        // row 0: student 0, teacher 1 -> differ; row 1: both 2 -> agree
        assertThat(Metrics.disagreement(STUDENT, TEACHER, 2, 3)).isEqualTo(0.5);
    }

    private static double[] softmax(float[] l, int row, double tau) {
        double[] e = new double[3];
        double sum = 0;
        for (int j = 0; j < 3; j++) {
            e[j] = Math.exp(l[row * 3 + j] / tau);
            sum += e[j];
        }
        for (int j = 0; j < 3; j++) {
            e[j] /= sum;
        }
        return e;
    }
}
