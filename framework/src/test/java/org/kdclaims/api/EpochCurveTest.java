package org.kdclaims.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kdclaims.data.Augmentation;
import org.kdclaims.data.Cifar10;
import org.kdclaims.data.Normalization;
import org.kdclaims.data.SyntheticTask;
import org.kdclaims.data.TrainingData;
import org.kdclaims.models.Architectures;
import org.kdclaims.stats.Curve;
import org.kdclaims.training.TrainedModel;
import org.kdclaims.training.Trainer;
import org.kdclaims.training.TrainingSpec;

/**
 * An arm's test error by epoch: one point per epoch its students were evaluated along training, each
 * the arm's metric there (seeds, units, teachers), judged on per-unit means like every metric; and a
 * clear refusal, naming {@code @LearningCurve}, for models evaluated on the profile's schedule only.
 */
class EpochCurveTest {
    private static TrainedModel curve1;
    private static TrainedModel curve2;
    private static TrainedModel plain;

    @BeforeAll
    static void trainTinyModels() {
        Cifar10 c = SyntheticTask.generateSplits(8, 4, 10, 8, 3);
        TrainingData data = new TrainingData("tiny", c.train(), c.test(), Normalization.fit(c.train()),
                Augmentation.none());
        TrainingSpec spec = TrainingSpec.paperDefaults(Architectures.parse("cnn-2"), 4, 1).withBatchSize(32)
                .withEvalEvery(4);
        curve1 = Trainer.train(spec.withLearningCurve(2), data, null, (s, m, left) -> { });
        curve2 = Trainer.train(spec.withSeed(2).withLearningCurve(2), data, null, (s, m, left) -> { });
        plain = Trainer.train(spec, data, null, (s, m, left) -> { });
    }

    /** Two students of one teacher (seed 7): in a claim about teachers one unit, their mean. */
    private static Arm arm(boolean byTeacher, TrainedModel... models) {
        List<Arm.SeedResult> seeds = java.util.stream.IntStream.range(0, models.length)
                .mapToObj(i -> new Arm.SeedResult(i + 1, models[i].last(), List.of(models[i]), 7, 7L)).toList();
        return new Arm("fullKd", "recipe", seeds, byTeacher, List.of(new Arm.TeacherInfo(7, "teacher 7", 5)));
    }

    @Test
    void everyEvaluatedEpochIsAPointWithTheArmsMetricThere() {
        Arm a = arm(false, curve1, curve2);
        CurveMetric c = a.testErrorByEpoch();

        assertThat(c.curve()).isEqualTo("fullKd");
        assertThat(c.dimension()).isEqualTo("epoch");
        assertThat(c.name()).isEqualTo(a.testError().name());
        // every 4 / 2 = 2 epochs, and after the last
        assertThat(c.points()).extracting(CurveMetric.Point::label).containsExactly("epoch 2", "epoch 4");
        assertThat(c.points()).extracting(CurveMetric.Point::x).containsExactly(2.0, 4.0);
        assertThat(c.points().get(0).metric().values())
                .containsExactly(100 * curve1.curve().get(1).testError(), 100 * curve2.curve().get(1).testError());
        Metric end = c.points().get(1).metric();
        assertThat(end.values()).containsExactly(a.testError().values());
        assertThat(end.seeds()).containsExactly(a.testError().seeds());
        assertThat(end.units()).containsExactly(a.testError().units());
        assertThat(end.teacherSeeds()).containsExactly(7, 7);
    }

    @Test
    void inAClaimAboutTeachersTheCurveIsJudgedOnPerTeacherMeans() {
        Curve perUnit = arm(true, curve1, curve2).testErrorByEpoch().toCurve();
        assertThat(perUnit.points()).allSatisfy(p -> assertThat(p.seeds()).containsExactly(7));
        double mean = 50 * (curve1.curve().get(1).testError() + curve2.curve().get(1).testError());
        assertThat(perUnit.point(0).values()[0]).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void modelsWithoutALearningCurveAreRefusedWithTheFix() {
        assertThatThrownBy(() -> arm(false, plain).testErrorByEpoch())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("arm 'fullKd' has no learning curve")
                .hasMessageContaining("every 4 of 4 epochs")
                .hasMessageContaining("@LearningCurve(points = 10)");
        Arm ensemble = new Arm("ensemble", "recipe", List.of(new Arm.SeedResult(1, curve1.last(), List.of(curve1, curve2))));
        assertThatThrownBy(ensemble::testErrorByEpoch).hasMessageContaining("is an ensemble of 2 models");
    }
}
