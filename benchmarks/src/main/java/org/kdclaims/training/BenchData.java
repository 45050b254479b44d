package org.kdclaims.training;

import java.util.SplittableRandom;

import org.kdclaims.data.ImageShape;

/** A fixed random batch of normalised CIFAR-sized (or smaller) images, labels and teacher logits. */
final class BenchData {
    static final int CHANNELS = 3;
    static final int SIZE = 32;
    static final int CLASSES = 10;
    /** The CIFAR-10 shape the benchmarks build their networks for. */
    static final ImageShape SHAPE = shape(SIZE);

    /** CIFAR-10's channels and classes at {@code size} x {@code size}. */
    static ImageShape shape(int size) {
        return new ImageShape(CHANNELS, size, size, CLASSES);
    }

    final int n;
    final float[] features;
    final int[] labels;
    final float[] teacherLogits;
    final float[] logits;

    BenchData(int n, long seed) {
        this(n, seed, SIZE);
    }

    /** A batch of {@code size} x {@code size} images. */
    BenchData(int n, long seed, int size) {
        this.n = n;
        SplittableRandom r = new SplittableRandom(seed);
        features = new float[n * CHANNELS * size * size];
        for (int i = 0; i < features.length; i++) {
            features[i] = (float) r.nextGaussian();
        }
        labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(CLASSES);
        }
        teacherLogits = new float[n * CLASSES];
        for (int i = 0; i < teacherLogits.length; i++) {
            teacherLogits[i] = (float) (2 * r.nextGaussian());
        }
        logits = new float[n * CLASSES];
    }

    /** The paper's training recipe: SGD, Nesterov momentum 0.9, weight decay 5e-4 (lr 0.05 here). */
    static LearningRateSchedule schedule() {
        return LearningRateSchedule.step(0.05, 0.2, 200, 0.3, 0.6, 0.8).withStepsPerEpoch(391);
    }
}
