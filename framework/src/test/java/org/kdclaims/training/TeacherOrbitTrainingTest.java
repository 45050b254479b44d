package org.kdclaims.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kdclaims.data.Augmentation;
import org.kdclaims.data.Cifar10;
import org.kdclaims.data.Normalization;
import org.kdclaims.data.SyntheticTask;
import org.kdclaims.data.TrainingData;
import org.kdclaims.models.Architectures;

/**
 * Students trained from a teacher's orbit table end bitwise where students trained with the teacher
 * on the fly do: every metric of every epoch and every parameter, with logit KD and with attention
 * transfer, for two seeds sharing one table (the table is computed once).
 */
class TeacherOrbitTrainingTest {
    private static TrainingData data;
    private static TrainedModel teacherModel;

    @BeforeAll
    static void tinyTask() {
        Cifar10 c = SyntheticTask.generateSplits(4, 4, 10, 8, 3);
        data = new TrainingData("tiny", c.train(), c.test(), Normalization.fit(c.train()), Augmentation.padCropFlip(1));
        teacherModel = Trainer.train(spec("wrn-10-0.5", 1, null, 3), data, null, (s, m, left) -> { });
    }

    private static TrainingSpec spec(String arch, long seed, Distillation d, int kdUntil) {
        return new TrainingSpec(Architectures.parse(arch), 3, 16, 0.1, 0.2, new double[] {0.5}, 0.9, 5e-4, seed, d,
                kdUntil, 1, false);
    }

    private static TrainedModel student(TeacherNetwork teacher, long seed, double beta) {
        return Trainer.train(spec("wrn-10-0.25", seed, Distillation.standard().withAttention(beta), 3), data, teacher,
                (s, m, left) -> { });
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 100})
    void studentsFromTheTableAreBitwiseStudentsFromTheTeacherOnTheFly(double beta) {
        TeacherNetwork onTheFly = TeacherNetwork.of(teacherModel, "teacher-key", 3);
        TeacherOrbits orbits = new TeacherOrbits(100_000_000, TeacherOrbits.Store.none());
        TeacherNetwork tabulated = onTheFly.withOrbits(orbits);
        for (long seed : new long[] {7, 8}) {
            TrainedModel a = student(onTheFly, seed, beta);
            TrainedModel b = student(tabulated, seed, beta);
            assertThat(numbers(b)).as("seed %d", seed).isEqualTo(numbers(a));
            Map<String, float[]> sa = a.network().state();
            Map<String, float[]> sb = b.network().state();
            sa.forEach((name, v) -> assertThat(sb.get(name)).as(name).isEqualTo(v));
        }
        assertThat(orbits.computed()).as("one table for both seeds").isEqualTo(1);
    }

    @org.junit.jupiter.api.Test
    void aTableLargerThanTheBudgetLeavesTheTeacherOnTheFly() {
        TeacherNetwork t = TeacherNetwork.of(teacherModel, "teacher-key", 3);
        long bytes = TeacherOrbit.bytes(t.network(), data, false);
        assertThat(new TeacherOrbits(bytes - 1, TeacherOrbits.Store.none()).orbit(t, data, false)).isNull();
        assertThat(new TeacherOrbits(bytes, TeacherOrbits.Store.none()).orbit(t, data, false)).isNotNull();
        assertThat(TeacherOrbits.off().orbit(t, data, false)).isNull();
    }

    /** Every metric of every epoch except the timings. */
    private static List<List<Double>> numbers(TrainedModel m) {
        return m.curve().stream().map(e -> List.of(e.trainLoss(), e.trainCrossEntropy(), e.trainKdLoss(),
                e.trainError(), e.testCrossEntropy(), e.testError(), e.testKdLoss(), e.testKdError())).toList();
    }
}
