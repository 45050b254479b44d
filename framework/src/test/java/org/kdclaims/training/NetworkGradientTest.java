package org.kdclaims.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kdclaims.data.ImageShape;
import org.kdclaims.models.Architectures;
import org.kdclaims.models.GraphBuilder;
import org.kdclaims.models.NativeGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The whole network's gradient (native engine, distillation loss) against central finite differences
 * of the training-mode loss, for the parameter entries with the largest gradients in every tensor
 * kind (convolutions, batch norm, the classifier). NativeGraphGradientTest compares every entry with
 * SameDiff's autodiff; this test needs no other engine.
 */
class NetworkGradientTest {
    @ParameterizedTest
    @ValueSource(strings = {"wrn-10-0.5", "densenet-10-4"})
    void gradientMatchesFiniteDifferences(String arch) {
        int n = 8;
        int hw = 8;
        int k = 4;
        SplittableRandom r = new SplittableRandom(3);
        float[] x = new float[n * 3 * hw * hw];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (r.nextDouble() * 2 - 1);
        }
        int[] labels = new int[n];
        float[] teacher = new float[n * k];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(k);
        }
        for (int i = 0; i < teacher.length; i++) {
            teacher[i] = (float) (3 * r.nextDouble() - 1.5);
        }
        Network net = Network.create(Architectures.parse(arch), new ImageShape(3, hw, hw, k), 5, new Distillation(2, 0.7, Distillation.Convention.HINTON));
        NativeGraph g = net.graph();

        float[] z = g.forward(x, n, true);
        float[] gz = new float[n * k];
        Distillation d = new Distillation(2, 0.7, Distillation.Convention.HINTON);
        Losses.lossAndGradient(z, n, k, labels, teacher, d.tau(), d.crossEntropyWeight(), d.kdWeight(), gz);
        g.backward(gz);

        List<String[]> checked = new ArrayList<>();
        int compared = 0;
        for (GraphBuilder.Param p : g.params()) {
            INDArray grad = g.grad(p.name()).dup();
            float[] gv = grad.data().asFloat();
            // the largest gradient entry of each tensor, if large enough to measure in float32
            int best = NetworkGradientTest.largestEntry(gv);
            if (Math.abs(gv[best]) < 5e-3) {
                continue;
            }
            INDArray param = g.param(p.name()).reshape(p.length());
            float orig = param.getFloat(best);
            float h = 2e-3f * Math.max(1f, Math.abs(orig));
            param.putScalar(best, orig + h);
            double lp = net.debugLoss(x, n, labels, teacher);
            param.putScalar(best, orig - h);
            double lm = net.debugLoss(x, n, labels, teacher);
            param.putScalar(best, orig);
            double hEff = ((double) (orig + h) - (double) (orig - h)) / 2;
            double fd = (lp - lm) / (2 * hEff);
            checked.add(new String[] {p.name(), Float.toString(gv[best]), Double.toString(fd)});
            assertThat((double) gv[best]).as("%s[%d]", p.name(), best)
                    .isCloseTo(fd, org.assertj.core.api.Assertions.within(2e-3 + 0.03 * Math.abs(fd)));
            compared++;
        }
        assertThat(compared).as("parameter tensors with a measurable gradient: %s",
                checked.stream().map(c -> c[0]).sorted(Comparator.naturalOrder()).toList()).isGreaterThanOrEqualTo(8);
    }

    /** Index of the entry with the largest magnitude: the gradient entry worth a finite difference. */
    static int largestEntry(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (Math.abs(v[i]) > Math.abs(v[best])) {
                best = i;
            }
        }
        return best;
    }
}
