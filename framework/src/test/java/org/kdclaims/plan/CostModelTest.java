package org.kdclaims.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kdclaims.data.DataSetId;
import org.kdclaims.data.Augmentation;
import org.kdclaims.data.Cifar10;
import org.kdclaims.data.Normalization;
import org.kdclaims.data.SyntheticTask;
import org.kdclaims.models.Architectures;
import org.kdclaims.data.TrainingData;
import org.kdclaims.training.TrainingSpec;

/** The cost model calibrates once per machine kind, keeps it on disk, and learns from runs as they ran. */
class CostModelTest {

    private static TrainingData data() {
        Cifar10 c = SyntheticTask.generateSplits(10, 5, 10, 8, 7);
        return new TrainingData("synthetic", c.train(), c.test(), Normalization.fit(c.train()), Augmentation.padCropFlip(1));
    }

    private static SuitePlan plan() {
        TrainingSpec spec = TrainingSpec.paperDefaults(Architectures.parse("cnn-2"), 5, 1);
        SuitePlan p = new SuitePlan();
        p.add(new RunRequest("k", "k", spec, DataSetId.CIFAR10, "student", null, 0), "C", false);
        return p;
    }

    @Test
    void aCalibrationIsKeptAndAnObservedSpeedReplacesIt(@TempDir Path cache) throws Exception {
        TrainingData d = data();
        Map<DataSetId, TrainingData> byKind = Map.of(DataSetId.CIFAR10, d);
        SuitePlan first = plan();
        new CostModel(cache, 1, 1).estimate(first, byKind);
        double calibrated = first.node("k").estimatedSeconds();
        assertThat(calibrated).isPositive();
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files).singleElement().satisfies(f -> assertThat(f.getFileName().toString())
                    .startsWith("speeds-").contains("-t1-w1"));
        }

        // 5 epochs of 100 images at 1e6 img/s: the training part of the estimate all but vanishes
        CostModel learning = new CostModel(cache, 1, 1);
        learning.observe(first.node("k").run().spec(), d, 1e6);
        SuitePlan second = plan();
        new CostModel(cache, 1, 1).estimate(second, byKind);
        assertThat(second.node("k").estimatedSeconds()).isLessThan(calibrated);
    }

    /** A learning curve's extra passes over the test set are charged: 5 evaluations cost more than 1. */
    @Test
    void aLearningCurvesEvaluationsAreCharged(@TempDir Path cache) throws Exception {
        TrainingSpec coarse = TrainingSpec.paperDefaults(Architectures.parse("cnn-2"), 5, 1).withEvalEvery(5);
        TrainingSpec curve = coarse.withLearningCurve(5);
        SuitePlan p = new SuitePlan();
        p.add(new RunRequest("coarse", "coarse", coarse, DataSetId.CIFAR10, "student", null, 0), "C", false);
        p.add(new RunRequest("curve", "curve", curve, DataSetId.CIFAR10, "student", null, 0), "C", false);
        new CostModel(cache, 1, 1).estimate(p, Map.of(DataSetId.CIFAR10, data()));
        assertThat(curve.evalEvery()).isEqualTo(1);
        assertThat(p.node("curve").estimatedSeconds()).isGreaterThan(p.node("coarse").estimatedSeconds());
    }

    /** Two workers calibrate side by side, into a file of their own, and still give a usable estimate. */
    @Test
    void twoWorkersCalibrateSideBySideIntoTheirOwnFile(@TempDir Path cache) throws Exception {
        Map<DataSetId, TrainingData> byKind = Map.of(DataSetId.CIFAR10, data());
        SuitePlan p = plan();
        new CostModel(cache, 1, 2).estimate(p, byKind);
        assertThat(p.node("k").estimatedSeconds()).isPositive().isFinite();
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files).singleElement().satisfies(f -> assertThat(f.getFileName().toString())
                    .contains("-t1-w2"));
        }
    }
}
