package org.kdclaims.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kdclaims.data.ImageShape;
import org.kdclaims.models.Architectures;
import org.kdclaims.models.GraphBuilder;
import org.kdclaims.models.NativeGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Attention transfer through the native graph: the gradient injected at the attention points,
 * back-propagated to every parameter kind, against finite differences of the attention loss alone;
 * the attention points of each architecture; and incompatible pairs rejected with a clear error.
 */
class NetworkAttentionTest {
    private static final int N = 6;
    private static final int HW = 8;
    private static final double BETA = 1000;

    @ParameterizedTest
    @ValueSource(strings = {"wrn-10-0.5", "densenet-10-4", "resnet-10-0.125"})
    void attentionGradientMatchesFiniteDifferences(String arch) {
        SplittableRandom r = new SplittableRandom(4);
        float[] x = new float[N * 3 * HW * HW];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (r.nextDouble() * 2 - 1);
        }
        Network teacher = Network.create(Architectures.parse(arch.startsWith("resnet") ? "resnet-10-0.25" : "wrn-10-1"),
                new ImageShape(3, HW, HW, 4), 9, null);
        Network student = Network.create(Architectures.parse(arch), new ImageShape(3, HW, HW, 4), 5, null);
        if (!arch.startsWith("resnet")) {
            student.requireAttentionCompatible(teacher);
        }
        NativeGraph g = student.graph();
        float[][] qt = new float[g.attentionPoints()][];
        teacher.logits(x, N, qt);

        float[][] act = new float[g.attentionPoints()][];
        g.forward(x, N, true, act);
        float[][] grads = new float[act.length][];
        double loss = 0;
        for (int i = 0; i < act.length; i++) {
            int[] s = g.attentionShape(i);
            grads[i] = new float[act[i].length];
            loss += AttentionTransferLoss.lossAndGradient(act[i], N, s[0] * s[1], s[2], qt[i], BETA, grads[i]);
        }
        assertThat(loss).isPositive();
        g.backward(new float[N * 4], grads);   // no logit loss: the parameters see the attention term only

        int compared = 0;
        for (GraphBuilder.Param p : g.params()) {
            float[] gv = g.grad(p.name()).dup().data().asFloat();
            int best = NetworkGradientTest.largestEntry(gv);
            if (Math.abs(gv[best]) < 5e-2) {
                continue;
            }
            INDArray param = g.param(p.name()).reshape(p.length());
            float orig = param.getFloat(best);
            float h = 1e-4f * Math.max(1f, Math.abs(orig));
            // five-point stencil, small step: early layers' perturbations move many ReLUs across their kink
            double[] at = new double[4];
            float[] offsets = {2 * h, h, -h, -2 * h};
            for (int j = 0; j < 4; j++) {
                param.putScalar(best, orig + offsets[j]);
                at[j] = attentionLoss(g, x, qt);
            }
            param.putScalar(best, orig);
            double fd = (-at[0] + 8 * at[1] - 8 * at[2] + at[3]) / (12.0 * h);
            assertThat((double) gv[best]).as("%s %s[%d]", arch, p.name(), best)
                    .isCloseTo(fd, within(5e-2 + 0.02 * Math.abs(fd)));
            compared++;
        }
        assertThat(compared).as("parameters with a measurable attention gradient").isGreaterThanOrEqualTo(5);
    }

    private static double attentionLoss(NativeGraph g, float[] x, float[][] qt) {
        float[][] act = new float[g.attentionPoints()][];
        g.forward(x, N, true, act);
        g.discard();
        double loss = 0;
        for (int i = 0; i < act.length; i++) {
            int[] s = g.attentionShape(i);
            loss += AttentionTransferLoss.lossAndGradient(act[i], N, s[0] * s[1], s[2], qt[i], BETA, null);
        }
        return loss;
    }

    @Test
    void architecturesMarkTheirGroupOutputs() {
        assertThat(points("wrn-16-1")).isEqualTo("[32x32x16, 16x16x32, 8x8x64]");
        assertThat(points("wrn-10-2")).isEqualTo("[32x32x32, 16x16x64, 8x8x128]");
        assertThat(points("densenet-10-4")).isEqualTo("[32x32x24, 16x16x32, 8x8x40]");
        assertThat(points("resnet-18-0.125")).isEqualTo("[32x32x8, 16x16x16, 8x8x32, 4x4x64]");
        assertThat(points("cnn-4")).isEqualTo("[32x32x4, 16x16x8, 8x8x16]");
    }

    private static String points(String arch) {
        NativeGraph g = Network.create(Architectures.parse(arch), new ImageShape(3, 32, 32, 10), 1, null).graph();
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < g.attentionPoints(); i++) {
            int[] s = g.attentionShape(i);
            b.append(i == 0 ? "" : ", ").append(s[0]).append('x').append(s[1]).append('x').append(s[2]);
        }
        return b.append(']').toString();
    }

    @Test
    void mismatchedAttentionPointsAreRejectedByName() {
        Network wrn = Network.create(Architectures.parse("wrn-10-0.5"), new ImageShape(3, 32, 32, 10), 1, null);
        Network resnet = Network.create(Architectures.parse("resnet-10-0.125"), new ImageShape(3, 32, 32, 10), 1, null);
        assertThatThrownBy(() -> wrn.requireAttentionCompatible(resnet))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resnet-10-0.125").hasMessageContaining("wrn-10-0.5")
                .hasMessageContaining("32x32, 16x16, 8x8, 4x4");
    }

    @Test
    void attentionTermIsOnlyAddedWhileKdIsOn() {
        Distillation at = Distillation.standard().withAttention(BETA);
        Network net = Network.create(Architectures.parse("wrn-10-0.5"), new ImageShape(3, HW, HW, 4), 5, at);
        net.configure(LearningRateSchedule.cosine(0.05, 1).withStepsPerEpoch(2), 0.9, 5e-4);
        assertThat(net.attentionOn()).isTrue();
        assertThatThrownBy(() -> net.step(new float[N * 3 * HW * HW], N, new int[N], new float[N * 4], null, null))
                .hasMessageContaining("attention transfer needs the teacher's maps");
        net.lossWeights(1, 0);   // ESKD after its stop epoch
        assertThat(net.attentionOn()).isFalse();
        assertThat(at.describe()).contains("AT(beta=1000.0)");
        assertThat(Distillation.standard().describe()).doesNotContain("AT");
    }
}
