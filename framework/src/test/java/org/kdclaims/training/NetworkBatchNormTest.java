package org.kdclaims.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.kdclaims.data.ImageShape;
import org.kdclaims.models.Architectures;

/**
 * Batch norm's two paths agree: training mode normalises with the batch's statistics, evaluation
 * mode with the running averages; after many steps on one batch with a zero learning rate (the
 * parameters do not move) the running statistics converge to that batch's, and the evaluation
 * logits to the training logits.
 */
class NetworkBatchNormTest {
    @Test
    void evalLogitsConvergeToTrainLogitsOnAFixedBatch() {
        int n = 48;
        int hw = 16;
        int k = 10;
        SplittableRandom r = new SplittableRandom(11);
        float[] x = new float[n * 3 * hw * hw];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (r.nextGaussian() * 1.5 + 0.3);
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(k);
        }
        Network net = Network.create(Architectures.parse("wrn-10-0.5"), new ImageShape(3, hw, hw, k), 2, null);
        net.configure(LearningRateSchedule.step(0.0, 1, 1), 0.9, 5e-4);
        java.util.Map<String, float[]> before = net.state();

        float[] train = new float[n * k];
        net.step(x, n, labels, null, train);
        double initialGap = maxAbsDiff(net.logits(x, n), train);
        for (int i = 0; i < 150; i++) {
            net.step(x, n, labels, null, train);
        }
        float[] eval = net.logits(x, n);
        double scale = maxAbs(train);
        double gap = maxAbsDiff(eval, train);
        assertThat(initialGap).as("eval and train differ before the running statistics converge").isGreaterThan(0.05 * scale);
        assertThat(gap).as("eval vs train logits after convergence (logit scale %s)", scale).isLessThan(1e-3 * scale + 1e-4);
        // a zero learning rate leaves every trainable parameter exactly as it was
        java.util.Map<String, float[]> after = net.state();
        before.forEach((name, v) -> {
            if (!name.endsWith("/runMean") && !name.endsWith("/runVar")) {
                assertThat(after.get(name)).as(name).containsExactly(v);
            }
        });
    }

    private static double maxAbsDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    private static double maxAbs(float[] a) {
        double m = 0;
        for (float v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
