package org.kdclaims.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.kdclaims.data.Augmentation;
import org.kdclaims.data.Batch;
import org.kdclaims.data.Batches;
import org.kdclaims.data.Cifar10;
import org.kdclaims.data.Normalization;
import org.kdclaims.data.SyntheticTask;
import org.kdclaims.data.TrainingData;
import org.kdclaims.models.Architectures;

/**
 * The orbit lookup against the teacher on the fly: on the batches students see (random seeds and
 * epochs, batch sizes that leave a partial last batch), the logits and attention maps assembled from
 * the table are bitwise what the teacher computes on the batch.
 */
class TeacherOrbitTest {
    private static TrainingData data(int pad) {
        Cifar10 c = SyntheticTask.generateSplits(3, 2, 10, 16, 5);
        return new TrainingData("orbit", c.train(), c.test(), Normalization.fit(c.train()), Augmentation.padCropFlip(pad));
    }

    @ParameterizedTest
    @CsvSource({"wrn-10-1, 32, 2", "wrn-10-3, 33, 2", "wrn-16-2, 7, 1", "resnet-10-0.125, 32, 2", "densenet-10-4, 32, 2", "cnn-2, 16, 2"})
    void lookupIsBitwiseTheTeacherOnTheStudentsBatch(String arch, int batch, int pad) {
        TrainingData d = data(pad);
        Network teacher = Network.create(Architectures.parse(arch), d.train().shape(), 11, null);
        AtomicInteger progress = new AtomicInteger();
        TeacherOrbit orbit = TeacherOrbit.compute(teacher, "k", d, true, progress::set);
        assertThat(progress.get()).isEqualTo(d.train().size() * d.augmentation().views());
        for (long seed : new long[] {1, 7001}) {
            for (int epoch : new int[] {0, 3}) {
                Iterator<Batch> it = Batches.epoch(d.train(), d.normalization(), d.augmentation(), batch, seed, epoch, true);
                while (it.hasNext()) {
                    Batch b = it.next();
                    float[][] maps = new float[teacher.attentionPoints()][];
                    float[] direct = teacher.logits(b.features(), b.size(), maps);
                    assertThat(orbit.logits(teacher, b)).as("logits, seed %d epoch %d", seed, epoch).isEqualTo(direct);
                    float[][] looked = orbit.maps(b);
                    for (int i = 0; i < maps.length; i++) {
                        assertThat(looked[i]).as("attention map %d", i).isEqualTo(maps[i]);
                    }
                }
            }
        }
    }

    @Test
    void everyViewOfTheAugmentationIsOneOfTheOrbit() {
        Augmentation a = Augmentation.padCropFlip(2);
        assertThat(a.views()).isEqualTo(50);
        assertThat(Augmentation.padCropFlip(4).views()).isEqualTo(162);
        assertThat(Augmentation.none().views()).isEqualTo(1);
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < 5000; i++) {
            seen.add(a.draw(r));
        }
        assertThat(seen).hasSize(50).allSatisfy(v -> assertThat(v).isBetween(0, 49));
    }

    @Test
    void aBatchWithoutProvenanceOrOutsideTheOrbitIsRefused() {
        TrainingData d = data(1);
        Network teacher = Network.create(Architectures.parse("cnn-2"), d.train().shape(), 11, null);
        TeacherOrbit orbit = TeacherOrbit.compute(teacher, "k", d, false, n -> { });
        int image = d.train().imageBytes();
        Batch handMade = new Batch(new float[image], new int[] {0}, 1, 3, 16, 16);
        assertThatThrownBy(() -> orbit.logits(teacher, handMade)).hasMessageContaining("image index and view");
        Batch outside = new Batch(new float[image], new int[] {0}, 1, 3, 16, 16, new int[] {0}, new int[] {18});
        assertThatThrownBy(() -> orbit.logits(teacher, outside)).hasMessageContaining("outside the orbit");
        assertThatThrownBy(() -> orbit.maps(Batches.ofViews(d.train(), d.normalization(), d.augmentation(), new int[] {0}, new int[] {0})))
                .hasMessageContaining("without attention maps");
    }
}
