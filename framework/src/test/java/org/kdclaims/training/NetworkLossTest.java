package org.kdclaims.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The loss {@code ceWeight * CE + kdWeight * L_KD} and its gradient with respect to the student's
 * logits, against values computed independently in double precision (fixtures/golden/kd_loss.py)
 * and against central finite differences of the loss itself.
 */
class NetworkLossTest {
    record Case(String name, int n, int k, double tau, double ceWeight, double kdWeight, float[] logits,
            float[] teacher, int[] labels, double ce, double kd, double loss, double[] grad) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Path repoRoot() {
        return Golden.repoRoot();
    }

    static Stream<Case> cases() {
        JsonNode root = Golden.read("kd_loss.json");
        List<Case> out = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            JsonNode e = c.get("expected");
            out.add(new Case(c.get("name").asText(), c.get("n").asInt(), c.get("k").asInt(), c.get("tau").asDouble(),
                    c.get("ceWeight").asDouble(), c.get("kdWeight").asDouble(), Golden.floats(c.get("logits")),
                    Golden.floats(c.get("teacher")), Golden.ints(c.get("labels")), e.get("ce").asDouble(), e.get("kd").asDouble(),
                    e.get("loss").asDouble(), Golden.doubles(e.get("grad"))));
        }
        assertThat(out).hasSizeGreaterThanOrEqualTo(4);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lossAndGradientMatchTheGoldenValues(Case c) {
        float[] grad = new float[c.n() * c.k()];
        double loss = Losses.lossAndGradient(c.logits(), c.n(), c.k(), c.labels(), c.teacher(), c.tau(),
                c.ceWeight(), c.kdWeight(), grad);
        assertThat(loss).isCloseTo(c.loss(), within(1e-6 * Math.max(1, Math.abs(c.loss()))));
        // the two terms on their own
        assertThat(Losses.lossAndGradient(c.logits(), c.n(), c.k(), c.labels(), null, c.tau(), 1, 0, null))
                .isCloseTo(c.ce(), within(1e-6));
        assertThat(Losses.lossAndGradient(c.logits(), c.n(), c.k(), c.labels(), c.teacher(), c.tau(), 0, 1, null))
                .isCloseTo(c.kd(), within(1e-6 * Math.max(1, c.kd())));
        for (int i = 0; i < grad.length; i++) {
            assertThat((double) grad[i]).as("d loss / d z[%d]", i).isCloseTo(c.grad()[i], within(1e-7));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientMatchesCentralFiniteDifferences(Case c) {
        float[] grad = new float[c.n() * c.k()];
        Losses.lossAndGradient(c.logits(), c.n(), c.k(), c.labels(), c.teacher(), c.tau(), c.ceWeight(), c.kdWeight(), grad);
        float h = 1f / 1024;   // exactly representable: z +- h loses no bits for these inputs
        for (int i = 0; i < grad.length; i++) {
            float[] plus = c.logits().clone();
            float[] minus = c.logits().clone();
            plus[i] += h;
            minus[i] -= h;
            double fd = (loss(c, plus) - loss(c, minus)) / (2.0 * h);
            assertThat((double) grad[i]).as("d loss / d z[%d]", i).isCloseTo(fd, within(2e-5 + 1e-3 * Math.abs(fd)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void kdTermIsTauSquaredTimesCrossEntropyOfTheSoftenedDistributions(Case c) {
        // L_KD >= tau^2 * H(softmax(t/tau)), with equality when the student equals the teacher
        double kd = Losses.lossAndGradient(c.logits(), c.n(), c.k(), c.labels(), c.teacher(), c.tau(), 0, 1, null);
        double entropy = 0;
        for (int i = 0; i < c.n(); i++) {
            double[] p = softmax(c.teacher(), i * c.k(), c.k(), c.tau());
            for (double v : p) {
                entropy -= v > 0 ? v * Math.log(v) : 0;
            }
        }
        entropy = c.tau() * c.tau() * entropy / c.n();
        assertThat(kd).isGreaterThanOrEqualTo(entropy - 1e-9);
        if (java.util.Arrays.equals(c.logits(), c.teacher())) {
            assertThat(kd).isCloseTo(entropy, within(1e-9));
        }
    }

    private static double loss(Case c, float[] z) {
        return Losses.lossAndGradient(z, c.n(), c.k(), c.labels(), c.teacher(), c.tau(), c.ceWeight(), c.kdWeight(), null);
    }

    private static double[] softmax(float[] x, int o, int k, double tau) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            max = Math.max(max, x[o + j] / tau);
        }
        double[] p = new double[k];
        double s = 0;
        for (int j = 0; j < k; j++) {
            p[j] = Math.exp(x[o + j] / tau - max);
            s += p[j];
        }
        for (int j = 0; j < k; j++) {
            p[j] /= s;
        }
        return p;
    }



}
