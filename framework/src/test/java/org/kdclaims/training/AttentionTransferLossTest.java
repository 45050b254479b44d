package org.kdclaims.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The attention-transfer maps, loss and activation gradient against values computed independently
 * (fixtures/golden/at_loss.py: the definition in double precision, its gradient by finite
 * differences), and the analytic gradient against finite differences here too.
 */
class AttentionTransferLossTest {
    record Case(String name, int n, int positions, int cs, int ct, double beta, float[] student, float[] teacher,
            double[] studentMaps, double[] teacherMaps, double loss, double[] gradient) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        JsonNode root = Golden.read("at_loss.json");
        List<Case> out = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            JsonNode e = c.get("expected");
            out.add(new Case(c.get("name").asText(), c.get("n").asInt(), c.get("height").asInt() * c.get("width").asInt(),
                    c.get("studentChannels").asInt(), c.get("teacherChannels").asInt(), c.get("beta").asDouble(),
                    Golden.floats(c.get("student")), Golden.floats(c.get("teacher")), Golden.doubles(e.get("studentMaps")),
                    Golden.doubles(e.get("teacherMaps")), e.get("loss").asDouble(), Golden.doubles(e.get("gradient"))));
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void mapsLossAndGradientMatchTheGoldenFile(Case c) {
        float[] qs = AttentionTransferLoss.maps(c.student(), c.n(), c.positions(), c.cs());
        float[] qt = AttentionTransferLoss.maps(c.teacher(), c.n(), c.positions(), c.ct());
        for (int i = 0; i < qs.length; i++) {
            assertThat((double) qs[i]).isCloseTo(c.studentMaps()[i], within(1e-6));
            assertThat((double) qt[i]).isCloseTo(c.teacherMaps()[i], within(1e-6));
        }
        float[] grad = new float[c.student().length];
        double loss = AttentionTransferLoss.lossAndGradient(c.student(), c.n(), c.positions(), c.cs(), qt, c.beta(), grad);
        assertThat(loss).isCloseTo(c.loss(), within(1e-5 * Math.abs(c.loss())));
        double scale = 0;
        for (double g : c.gradient()) {
            scale = Math.max(scale, Math.abs(g));
        }
        for (int i = 0; i < grad.length; i++) {
            assertThat((double) grad[i]).as("gradient[%d]", i).isCloseTo(c.gradient()[i], within(1e-4 * scale));
        }
    }

    @Test
    void analyticGradientMatchesFiniteDifferencesOnRandomInput() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(11);
        int n = 3;
        int positions = 6;
        int channels = 5;
        float[] a = new float[n * positions * channels];
        float[] t = new float[n * positions * 2];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (r.nextDouble() * 4 - 2);
        }
        for (int i = 0; i < t.length; i++) {
            t[i] = (float) r.nextDouble();
        }
        float[] qt = AttentionTransferLoss.maps(t, n, positions, 2);
        float[] grad = new float[a.length];
        AttentionTransferLoss.lossAndGradient(a, n, positions, channels, qt, 50, grad);
        for (int i = 0; i < a.length; i += 7) {
            float orig = a[i];
            float h = 1e-2f;
            a[i] = orig + h;
            double up = AttentionTransferLoss.lossAndGradient(a, n, positions, channels, qt, 50, null);
            a[i] = orig - h;
            double down = AttentionTransferLoss.lossAndGradient(a, n, positions, channels, qt, 50, null);
            a[i] = orig;
            double fd = (up - down) / (2.0 * h);
            assertThat((double) grad[i]).as("entry %d", i).isCloseTo(fd, within(1e-4 + 2e-3 * Math.abs(fd)));
        }
    }

    @Test
    void identicalMapsCostNothingAndAnAllZeroActivationStaysFinite() {
        float[] a = {1, 2, 3, 4, 5, 6, 7, 8};
        float[] q = AttentionTransferLoss.maps(a, 1, 4, 2);
        float[] grad = new float[a.length];
        assertThat(AttentionTransferLoss.lossAndGradient(a, 1, 4, 2, q, 1000, grad)).isCloseTo(0, within(1e-9));
        for (float g : grad) {
            assertThat(g).isCloseTo(0f, within(1e-6f));
        }
        float[] zero = new float[8];
        float[] gz = new float[8];
        double loss = AttentionTransferLoss.lossAndGradient(zero, 1, 4, 2, q, 1000, gz);
        assertThat(loss).isFinite().isPositive();
        for (float g : gz) {
            assertThat(g).isFinite();
        }
    }


}
