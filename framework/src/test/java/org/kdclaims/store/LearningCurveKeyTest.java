package org.kdclaims.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kdclaims.data.Augmentation;
import org.kdclaims.data.Cifar10;
import org.kdclaims.data.Normalization;
import org.kdclaims.data.SyntheticTask;
import org.kdclaims.data.TrainingData;
import org.kdclaims.models.Architectures;
import org.kdclaims.training.Distillation;
import org.kdclaims.training.EpochMetrics;
import org.kdclaims.training.NativeBackend;
import org.kdclaims.training.TrainedModel;
import org.kdclaims.training.Trainer;
import org.kdclaims.training.TrainingSpec;

/**
 * A model whose learning curve a claim reads ({@code @LearningCurve}) has a key of its own, naming its
 * evaluation schedule, while every other key stays byte for byte what it was: the stored models and the
 * baselines' configuration hashes depend on them. The expected texts below were computed by the code
 * before learning curves existed (commit 2d0dc7b); only the machine's own line (native build, threads,
 * CPU instruction set) is read at run time, as it always was.
 */
class LearningCurveKeyTest {
    private static final String SCRATCH = "wrn-10-1 epochs=100 batch=32 sgd-nesterov(m=0.9, wd=5.0E-4)"
            + " lr 0.1 x0.2 at epochs [30, 60, 80] seed=3";
    private static final String KD = SCRATCH + " kd[0.10*CE + 0.90*KD (tau=4.0, hinton convention), until epoch 100]";
    private static final String ESKD = SCRATCH + " kd[0.10*CE + 0.90*KD (tau=4.0, hinton convention), until epoch 40]";
    private static final String TEACHER = "0123456789abcdef@100";
    /** The basis of the KD student on the tiny data, up to the machine's line, as 2d0dc7b wrote it. */
    private static final String KD_BASIS = KD + "\n"
            + "tiny train=c04eea33228eae123da9fd3d2a54be414cd821cdce1c03d4410052a5b847bb6c"
            + " test=6eefe69766630aa4a969c76b35829a314635a184e129e47520281a4ddef48785"
            + " norm=[0.44851026, 0.4539974, 0.44604626]/[0.20453791, 0.1896195, 0.1999886] augment=Augmentation[none]\n"
            + "teacher=" + TEACHER + "\n";

    private static TrainingData data;

    @BeforeAll
    static void tinyTask() {
        Cifar10 c = SyntheticTask.generateSplits(8, 4, 10, 8, 3);
        data = new TrainingData("tiny", c.train(), c.test(), Normalization.fit(c.train()), Augmentation.none());
    }

    /** The ci shape: WRN-10-1, 100 epochs at batch 32, evaluated where the profile says (every 50). */
    private static TrainingSpec scratch() {
        return TrainingSpec.paperDefaults(Architectures.parse("wrn-10-1"), 100, 3).withBatchSize(32).withEvalEvery(50);
    }

    @Test
    void keysWithoutALearningCurveAreUnchanged() {
        TrainingSpec kd = scratch().withDistillation(Distillation.standard(), 100);
        assertThat(scratch().describe()).isEqualTo(SCRATCH);
        assertThat(kd.describe()).isEqualTo(KD);
        assertThat(scratch().withDistillation(Distillation.standard(), 40).describe()).isEqualTo(ESKD);

        String basis = KD_BASIS + NativeBackend.numerics() + " engine=" + Trainer.ENGINE_VERSION;
        assertThat(ModelStore.basis(kd, data, TEACHER)).isEqualTo(basis);
        assertThat(ModelStore.key(kd, data, TEACHER)).isEqualTo(sha256Prefix(basis));
        // the profile's schedule is still not part of a key
        assertThat(ModelStore.key(kd.withEvalEvery(1), data, TEACHER)).isEqualTo(ModelStore.key(kd, data, TEACHER));
    }

    @Test
    void aLearningCurveIsPartOfTheKey() {
        TrainingSpec kd = scratch().withDistillation(Distillation.standard(), 100);
        TrainingSpec curve = kd.withLearningCurve(10);

        assertThat(curve.evalEvery()).isEqualTo(10);
        assertThat(kd.label()).isEqualTo("wrn-10-1 KD seed 3");
        assertThat(curve.label()).isEqualTo("wrn-10-1 KD seed 3 with curve");
        assertThat(curve.describe()).isEqualTo(KD + " learning-curve[test every 10 epochs and after the last]");
        assertThat(ModelStore.basis(curve, data, TEACHER)).startsWith(curve.describe() + "\n");
        assertThat(ModelStore.key(curve, data, TEACHER)).isNotEqualTo(ModelStore.key(kd, data, TEACHER));
        // a coarse model and a curve model are different runs, also to the plan, which compares specs and keys
        assertThat(curve).isNotEqualTo(kd);
        // even where the profile already evaluates every epoch, a model key without a curve guarantees none
        TrainingSpec everyEpoch = kd.withEvalEvery(1);
        assertThat(ModelStore.key(everyEpoch.withLearningCurve(100), data, TEACHER))
                .isNotEqualTo(ModelStore.key(everyEpoch, data, TEACHER));
        // another schedule, another key; the same schedule, the same key whatever the profile's
        assertThat(ModelStore.key(kd.withLearningCurve(20), data, TEACHER))
                .isNotEqualTo(ModelStore.key(curve, data, TEACHER));
        assertThat(ModelStore.key(kd.withEvalEvery(7).withLearningCurve(10), data, TEACHER))
                .isEqualTo(ModelStore.key(curve, data, TEACHER));
    }

    @Test
    void theScheduleIsEvenlySpacedAndAtLeastEveryEpoch() {
        assertThat(TrainingSpec.curveEvery(100, 10)).isEqualTo(10);
        assertThat(TrainingSpec.curveEvery(100, 3)).isEqualTo(33);
        assertThat(TrainingSpec.curveEvery(5, 10)).isEqualTo(1);
        assertThat(TrainingSpec.curveEvery(5, 2)).isEqualTo(2);
    }

    /** A stored curve model reads back with its flag, schedule and key; other model files are unchanged. */
    @Test
    void aStoredLearningCurveRoundTrips(@TempDir Path dir) throws IOException {
        TrainingSpec plain = new TrainingSpec(Architectures.parse("cnn-2"), 4, 32, 0.1, 0.2, new double[] {0.5}, 0.9,
                5e-4, 5, null, 4, 4, false);
        TrainingSpec curve = plain.withLearningCurve(2);
        ModelStore first = new ModelStore(dir, ModelStore.Policy.READWRITE);
        for (TrainingSpec s : new TrainingSpec[] {plain, curve}) {
            first.getOrTrain(ModelStore.key(s, data, null), ModelStore.basis(s, data, null),
                    () -> Trainer.train(s, data, null, (x, m, left) -> { }));
        }

        ModelStore second = new ModelStore(dir, ModelStore.Policy.READWRITE);
        TrainedModel read = second.find(ModelStore.key(curve, data, null)).orElseThrow();
        assertThat(read.spec().learningCurve()).isTrue();
        assertThat(read.spec().evalEvery()).isEqualTo(2);
        assertThat(read.spec().describe()).isEqualTo(curve.describe());
        assertThat(ModelStore.key(read.spec(), data, null)).isEqualTo(ModelStore.key(curve, data, null));
        assertThat(read.curve()).filteredOn(EpochMetrics::evaluated).extracting(EpochMetrics::epoch).containsExactly(1, 3);
        TrainedModel readPlain = second.find(ModelStore.key(plain, data, null)).orElseThrow();
        assertThat(readPlain.spec().learningCurve()).isFalse();
        assertThat(readPlain.curve()).filteredOn(EpochMetrics::evaluated).extracting(EpochMetrics::epoch).containsExactly(3);
        // the flag is written only where it is on: a model file without a curve has the header it always had
        assertThat(header(dir, ModelStore.key(plain, data, null))).doesNotContain("learningCurve");
        assertThat(header(dir, ModelStore.key(curve, data, null))).contains("\"learningCurve\":true");
        // evaluation does not change training: the final weights are the same either way
        read.network().state().forEach((name, v) ->
                assertThat(readPlain.network().state().get(name)).as(name).containsExactly(v));
    }

    private static String header(Path dir, String key) throws IOException {
        return new String(Files.readAllBytes(dir.resolve(key + ".kdm")), StandardCharsets.ISO_8859_1);
    }

    private static String sha256Prefix(String basis) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
