package org.kdclaims.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.kdclaims.data.ImageShape;
import org.kdclaims.models.Architectures;

/**
 * Native memory stays flat over many training steps without any explicit garbage collection: the
 * engine reuses pooled arrays, so neither its pool nor the process's native memory grows.
 */
class NetworkMemoryTest {
    @Test
    void memoryIsFlatOver200Steps() {
        int n = 64;
        int hw = 16;
        int k = 10;
        Network net = Network.create(Architectures.parse("wrn-10-0.5"), new ImageShape(3, hw, hw, k), 1, Distillation.standard());
        net.configure(LearningRateSchedule.step(0.05, 0.2, 10, 0.5).withStepsPerEpoch(100), 0.9, 5e-4);
        SplittableRandom r = new SplittableRandom(5);
        float[] x = new float[n * 3 * hw * hw];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(k);
        }
        float[] teacher = new float[n * k];
        float[] logits = new float[n * k];
        for (int i = 0; i < 20; i++) {
            net.step(x, n, labels, teacher, logits);
        }
        long pool = net.graph().pooledBytes();
        long physical = settledPhysicalBytes();
        for (int i = 0; i < 200; i++) {
            net.step(x, n, labels, teacher, logits);
        }
        assertThat(net.graph().pooledBytes()).as("pooled arrays").isEqualTo(pool);
        long growth = settledPhysicalBytes() - physical;
        assertThat(growth).as("process memory growth over 200 steps, bytes").isLessThan(48L << 20);
    }

    /** Resident memory after a collection (only for measuring: training itself never asks for one). */
    private static long settledPhysicalBytes() {
        System.gc();
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Pointer.physicalBytes();
    }
}
