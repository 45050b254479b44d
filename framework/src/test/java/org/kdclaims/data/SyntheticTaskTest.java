package org.kdclaims.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyntheticTaskTest {
    @Test
    void deterministicForASeedAndOrderedByClass() {
        ImageDataset a = SyntheticTask.generate(5, 4, 16, 99);
        assertThat(SyntheticTask.generate(5, 4, 16, 99)).isEqualTo(a);
        assertThat(SyntheticTask.generate(5, 4, 16, 100)).isNotEqualTo(a);
        assertThat(a.size()).isEqualTo(20);
        assertThat(a.channels()).isEqualTo(3);
        assertThat(a.height()).isEqualTo(16);
        assertThat(a.labels()).isSorted();
        assertThat(a.classCounts()).containsOnly(5);
        assertThat(a.classNames()).containsExactly("class00", "class01", "class02", "class03");
        // more images per class extend the set without changing the first ones
        assertThat(SyntheticTask.generate(6, 4, 16, 99).subset(new int[] {0, 1, 2, 3, 4})).isEqualTo(a.subset(new int[] {0, 1, 2, 3, 4}));
    }

    @Test
    void splitsUseIndependentImages() {
        Cifar10 s = SyntheticTask.generateSplits(5, 3, 4, 8, 1);
        assertThat(s.train().size()).isEqualTo(20);
        assertThat(s.test().size()).isEqualTo(12);
        assertThat(s.test().subset(new int[] {0}).pixels()).isNotEqualTo(s.train().subset(new int[] {0}).pixels());
    }

    @Test
    void classesDifferOnAverageButImagesVary() {
        // a nearest-class-mean classifier on raw pixels is well above chance (25%) but not perfect
        Cifar10 s = SyntheticTask.generateSplits(60, 60, 4, 16, 3);
        int dim = s.train().imageBytes();
        double[][] mean = new double[4][dim];
        byte[] p = s.train().pixels();
        for (int i = 0; i < s.train().size(); i++) {
            for (int j = 0; j < dim; j++) {
                mean[s.train().label(i)][j] += (p[i * dim + j] & 0xFF) / 60.0;
            }
        }
        byte[] q = s.test().pixels();
        int correct = 0;
        for (int i = 0; i < s.test().size(); i++) {
            int best = -1;
            double bestDistance = Double.MAX_VALUE;
            for (int k = 0; k < 4; k++) {
                double d = 0;
                for (int j = 0; j < dim; j++) {
                    double diff = (q[i * dim + j] & 0xFF) - mean[k][j];
                    d += diff * diff;
                }
                if (d < bestDistance) {
                    bestDistance = d;
                    best = k;
                }
            }
            correct += best == s.test().label(i) ? 1 : 0;
        }
        assertThat(correct / 240.0).isBetween(0.35, 0.95);
    }
}
