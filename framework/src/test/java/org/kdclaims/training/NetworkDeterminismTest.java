package org.kdclaims.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kdclaims.data.ImageShape;
import org.kdclaims.models.Architectures;

/**
 * Same seed, same batches, same thread count: bitwise the same parameters, running statistics and
 * logits. The batch of 40 exercises the sliced convolution gradient (slices of 32) too.
 */
class NetworkDeterminismTest {
    @ParameterizedTest
    @ValueSource(strings = {"wrn-10-0.5", "resnet-10-0.125", "densenet-10-4"})
    void twoNetworksWithTheSameSeedTrainBitwiseIdentically(String arch) {
        Map<String, float[]> a = train(arch, 7);
        Map<String, float[]> b = train(arch, 7);
        Map<String, float[]> c = train(arch, 8);
        assertThat(a.keySet()).containsExactlyElementsOf(b.keySet());
        a.forEach((name, v) -> assertThat(b.get(name)).as(name).isEqualTo(v));
        assertThat(a.get("fc/W")).as("another seed gives another network").isNotEqualTo(c.get("fc/W"));
    }

    @org.junit.jupiter.api.Test
    void aResumedRunEndsBitwiseWhereAnUninterruptedOneDoes() {
        Map<String, float[]> uninterrupted = train("wrn-10-0.5", 3);

        Network first = network("wrn-10-0.5", 3);
        SplittableRandom r = new SplittableRandom(99);
        steps(first, r, 3);
        Map<String, float[]> checkpoint = first.state();
        Map<String, float[]> optimizer = first.optimizerState();
        assertThat(first.iterations()).isEqualTo(3);
        assertThat(optimizer).hasSize(first.state().size() - 2 * 7).allSatisfy((name, v) -> assertThat(name).endsWith("#momentum"));

        Network resumed = network("wrn-10-0.5", 3);
        resumed.restore(checkpoint);
        resumed.restoreOptimizerState(optimizer, first.iterations());
        float[] logits = steps(resumed, r, 2);
        Map<String, float[]> s = resumed.state();
        s.put("logits", logits);
        uninterrupted.forEach((name, v) -> assertThat(s.get(name)).as(name).isEqualTo(v));
    }

    private static Network network(String arch, long seed) {
        Network net = Network.create(Architectures.parse(arch), new ImageShape(3, 16, 16, 10), seed, Distillation.standard());
        net.configure(LearningRateSchedule.cosine(0.05, 3).withStepsPerEpoch(2), 0.9, 5e-4);
        return net;
    }

    private static Map<String, float[]> train(String arch, long seed) {
        Network net = network(arch, seed);
        float[] logits = steps(net, new SplittableRandom(99), 5);
        Map<String, float[]> s = net.state();
        s.put("logits", logits);
        return s;
    }

    private static float[] steps(Network net, SplittableRandom r, int count) {
        int n = 40;
        int hw = 16;
        int k = 10;
        float[] logits = new float[n * k];
        for (int step = 0; step < count; step++) {
            float[] x = new float[n * 3 * hw * hw];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextGaussian();
            }
            int[] labels = new int[n];
            float[] teacher = new float[n * k];
            for (int i = 0; i < n; i++) {
                labels[i] = r.nextInt(k);
            }
            for (int i = 0; i < teacher.length; i++) {
                teacher[i] = (float) r.nextGaussian();
            }
            net.step(x, n, labels, teacher, logits);
        }
        return logits;
    }
}
