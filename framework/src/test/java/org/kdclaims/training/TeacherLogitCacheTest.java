package org.kdclaims.training;

import org.kdclaims.data.TrainingData;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kdclaims.data.Augmentation;
import org.kdclaims.data.Cifar10;
import org.kdclaims.data.Normalization;
import org.kdclaims.data.SyntheticTask;
import org.kdclaims.models.Architectures;

/** TeacherNetwork logits shared across student runs: same numbers, fewer teacher passes, bounded memory. */
class TeacherLogitCacheTest {
    private static TrainingData data;
    private static TrainedModel teacherModel;

    @BeforeAll
    static void tinyTask() {
        Cifar10 c = SyntheticTask.generateSplits(8, 4, 10, 8, 3);
        data = new TrainingData("tiny", c.train(), c.test(), Normalization.fit(c.train()), Augmentation.padCropFlip(2));
        teacherModel = Trainer.train(spec("cnn-4", 1, null, 3), data, null, (s, m, left) -> { });
    }

    private static TrainingSpec spec(String arch, long seed, Distillation d, int kdUntil) {
        return new TrainingSpec(Architectures.parse(arch), 3, 32, 0.1, 0.2, new double[] {0.5}, 0.9, 5e-4, seed, d,
                kdUntil, 1, false);
    }

    private static TrainedModel student(TeacherNetwork teacher, long seed, int kdUntil) {
        return Trainer.train(spec("cnn-2", seed, Distillation.standard(), kdUntil), data, teacher, (s, m, left) -> { });
    }

    @Test
    void cachedTeacherLogitsGiveBitwiseTheSameStudent() {
        TeacherNetwork plain = TeacherNetwork.of(teacherModel, "teacher-key", 3);
        TrainedModel uncached = student(plain, 7, 3);

        TeacherLogitCache cache = new TeacherLogitCache(10_000_000);
        TeacherNetwork shared = plain.withCache(cache);
        student(shared, 7, 2);              // ESKD arm: fills epochs 0 and 1, and the test set
        assertThat(cache.misses()).isEqualTo(3);
        TrainedModel cached = student(shared, 7, 3);   // full KD arm of the same seed: reuses 0, 1 and the test set
        assertThat(cache.hits()).isEqualTo(3);
        assertThat(cache.misses()).isEqualTo(4);

        assertThat(numbers(cached)).isEqualTo(numbers(uncached));
        Map<String, float[]> a = uncached.network().state();
        Map<String, float[]> b = cached.network().state();
        a.forEach((name, v) -> assertThat(b.get(name)).as(name).isEqualTo(v));
    }

    /** Every metric of every epoch except the timings. */
    private static java.util.List<java.util.List<Double>> numbers(TrainedModel m) {
        return m.curve().stream().map(e -> java.util.List.of(e.trainLoss(), e.trainCrossEntropy(), e.trainKdLoss(),
                e.trainError(), e.testCrossEntropy(), e.testError(), e.testKdLoss(), e.testKdError())).toList();
    }

    @Test
    void anotherSeedOrTeacherComputesItsOwnEpochs() {
        TeacherLogitCache cache = new TeacherLogitCache(10_000_000);
        TeacherNetwork t = TeacherNetwork.of(teacherModel, "teacher-key", 3).withCache(cache);
        student(t, 1, 3);
        student(t, 2, 3);
        student(TeacherNetwork.of(teacherModel, "teacher-key", 2).withCache(cache), 1, 3);
        // training epochs never hit across seeds or teachers; the test-set logits of one teacher do
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.misses()).isEqualTo(11);
    }

    @Test
    void boundedByBytesKeepingTheFirstEpochs() {
        TeacherLogitCache cache = new TeacherLogitCache(1000);   // room for two epochs of 100 floats
        cache.put("epoch 0", new float[100]);
        cache.put("epoch 1", new float[100]);
        cache.put("epoch 2", new float[100]);   // full: not kept
        // a second student reading in the same order finds the first two, then computes the rest
        assertThat(cache.get("epoch 0")).isNotNull();
        assertThat(cache.get("epoch 1")).isNotNull();
        assertThat(cache.get("epoch 2")).isNull();
        assertThat(cache.hits()).isEqualTo(2);
        assertThat(cache.misses()).isEqualTo(1);
        assertThat(cache.stats()).isEqualTo("2 epochs reused, 1 computed, 0.0 MB held");
        assertThat(TeacherLogitCache.disabled().enabled()).isFalse();
    }
}
