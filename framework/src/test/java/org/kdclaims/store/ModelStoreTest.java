package org.kdclaims.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kdclaims.data.Augmentation;
import org.kdclaims.data.Cifar10;
import org.kdclaims.data.Normalization;
import org.kdclaims.data.SyntheticTask;
import org.kdclaims.models.Architectures;
import org.kdclaims.training.ProgressListener;
import org.kdclaims.training.TrainedModel;
import org.kdclaims.training.Trainer;
import org.kdclaims.data.TrainingData;
import org.kdclaims.training.TrainingSpec;

class ModelStoreTest {
    private static TrainingData data;
    private static TrainingSpec spec;

    @BeforeAll
    static void tinyTask() {
        Cifar10 c = SyntheticTask.generateSplits(8, 4, 10, 8, 3);
        data = new TrainingData("tiny", c.train(), c.test(), Normalization.fit(c.train()), Augmentation.none());
        TrainingSpec p = TrainingSpec.paperDefaults(Architectures.parse("cnn-2"), 2, 5);
        spec = new TrainingSpec(p.architecture(), 2, 32, 0.1, 0.2, new double[] {0.5}, 0.9, 5e-4, 5, null, 2, 1, false);
    }

    private static TrainedModel train() {
        return Trainer.train(spec, data, null, (s, m, left) -> { });
    }

    private static ModelStore.Lookup lookup(ModelStore store) {
        return store.getOrTrain(ModelStore.key(spec, data, null), ModelStore.basis(spec, data, null), ModelStoreTest::train);
    }

    @Test
    void aSecondRunReadsTheModelFromDiskWithIdenticalState(@TempDir Path dir) {
        ModelStore first = new ModelStore(dir, ModelStore.Policy.READWRITE);
        ModelStore.Lookup trained = lookup(first);
        assertThat(trained.source()).isEqualTo(ModelStore.Source.TRAINED);
        assertThat(lookup(first).source()).isEqualTo(ModelStore.Source.MEMORY);

        ModelStore second = new ModelStore(dir, ModelStore.Policy.READWRITE);
        ModelStore.Lookup read = lookup(second);
        assertThat(read.source()).isEqualTo(ModelStore.Source.DISK);
        assertThat(second.trainings()).isZero();
        assertThat(read.model().curve()).isEqualTo(trained.model().curve());
        assertThat(read.model().checkpointEpochs()).containsExactly(1, 2);
        trained.model().network().state().forEach((name, v) ->
                assertThat(read.model().network().state().get(name)).as(name).containsExactly(v));
    }

    @Test
    void aDamagedFileIsRetrainedNeverUsed(@TempDir Path dir) throws IOException {
        lookup(new ModelStore(dir, ModelStore.Policy.READWRITE));
        Path file = dir.resolve(ModelStore.key(spec, data, null) + ".kdm");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(f.length() / 2);
            f.write(new byte[] {1, 2, 3, 4});
        }
        ModelStore again = new ModelStore(dir, ModelStore.Policy.READWRITE);
        assertThat(lookup(again).source()).isEqualTo(ModelStore.Source.TRAINED);
        assertThat(again.trainings()).isEqualTo(1);
        // and the rewritten file is whole again
        assertThat(lookup(new ModelStore(dir, ModelStore.Policy.READWRITE)).source()).isEqualTo(ModelStore.Source.DISK);
    }

    /** The plan's check: a whole file is usable; a damaged one is reported by name, deleted and not counted. */
    @Test
    void onlyAWholeFileIsUsableAndADamagedOneIsReportedAndDeleted(@TempDir Path dir) throws IOException {
        String key = ModelStore.key(spec, data, null);
        assertThat(new ModelStore(dir, ModelStore.Policy.READWRITE).usable(key)).isFalse();
        lookup(new ModelStore(dir, ModelStore.Policy.READWRITE));
        assertThat(new ModelStore(dir, ModelStore.Policy.READWRITE).usable(key)).isTrue();

        Path file = dir.resolve(key + ".kdm");
        StoreWarnings.overwriteMiddle(file);
        try (StoreWarnings warnings = new StoreWarnings()) {
            ModelStore planned = new ModelStore(dir, ModelStore.Policy.READWRITE);
            assertThat(planned.usable(key)).isFalse();
            assertThat(warnings.messages()).singleElement().asString().contains(file.toString())
                    .contains("checksum mismatch");
        }
        assertThat(file).doesNotExist();
    }

    /** A journal that is damaged is never resumed from: the run starts again and ends as an uninterrupted one. */
    @Test
    void aDamagedJournalIsDeletedAndTheRunStartsAgain(@TempDir Path dir) throws IOException {
        TrainedModel straight = Trainer.train(threeEpochs(), data, null, (s, m, left) -> { });
        ModelStore store = new ModelStore(dir, ModelStore.Policy.READWRITE);
        String key = interruptAfterEpoch(store, 2);
        TrainingSpec three = threeEpochs();
        Path journal = dir.resolve(key + ".partial");
        StoreWarnings.overwriteMiddle(journal);

        java.util.List<Integer> startEpochs = new java.util.ArrayList<>();
        TrainedModel again;
        try (StoreWarnings warnings = new StoreWarnings()) {
            again = Trainer.train(three, data, null, (s, m, left) -> startEpochs.add(m.epoch()), store.journal(key));
            assertThat(warnings.messages()).singleElement().asString().contains(journal.toString())
                    .contains("training from the start");
        }
        assertThat(startEpochs).startsWith(0); // from the first epoch, not resumed
        assertThat(metrics(again)).isEqualTo(metrics(straight));
        straight.network().state().forEach((name, v) ->
                assertThat(again.network().state().get(name)).as(name).containsExactly(v));
        assertThat(journal).doesNotExist();
    }

    /** Two runs sharing one store folder: the second waits for the first and reads its model. */
    @Test
    void twoStoresOnOneFolderTrainOnce(@TempDir Path dir) throws Exception {
        ModelStore a = new ModelStore(dir, ModelStore.Policy.READWRITE);
        ModelStore b = new ModelStore(dir, ModelStore.Policy.READWRITE);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var fa = pool.submit(() -> lookup(a));
            var fb = pool.submit(() -> lookup(b));
            fa.get();
            fb.get();
        } finally {
            pool.shutdown();
        }
        assertThat(a.trainings() + b.trainings()).isEqualTo(1);
    }

    @Test
    void readPolicyNeverWritesAndOffNeverTouchesTheDisk(@TempDir Path dir) throws IOException {
        lookup(new ModelStore(dir.resolve("r"), ModelStore.Policy.READ));
        lookup(new ModelStore(dir.resolve("o"), ModelStore.Policy.OFF));
        assertThat(Files.exists(dir.resolve("r"))).isFalse();
        assertThat(Files.exists(dir.resolve("o"))).isFalse();
    }

    /** Same seed, native build and threads: bitwise the same metrics and parameters (timings aside). */
    @Test
    void sameSeedSameNumbers() {
        TrainedModel a = train();
        TrainedModel b = train();
        assertThat(metrics(a)).isEqualTo(metrics(b));
        a.network().state().forEach((name, v) -> assertThat(b.network().state().get(name)).as(name).containsExactly(v));
    }

    @Test
    void anInterruptedRunResumesFromItsLastEpochWithTheSameNumbers(@TempDir Path dir) {
        TrainedModel straight = Trainer.train(threeEpochs(), data, null, (s, m, left) -> { });
        ModelStore store = new ModelStore(dir, ModelStore.Policy.READWRITE);
        String key = interruptAfterEpoch(store, 1);
        TrainingSpec three = threeEpochs();
        assertThat(dir.resolve(key + ".partial")).exists();

        TrainedModel resumed = Trainer.train(three, data, null, (s, m, left) -> { }, store.journal(key));
        assertThat(metrics(resumed)).isEqualTo(metrics(straight));
        straight.network().state().forEach((name, v) ->
                assertThat(resumed.network().state().get(name)).as(name).containsExactly(v));
        assertThat(dir.resolve(key + ".partial")).doesNotExist();
    }

    /** A 3-epoch run of {@code spec}'s architecture, the one the journal tests interrupt. */
    private static TrainingSpec threeEpochs() {
        return new TrainingSpec(spec.architecture(), 3, 32, 0.1, 0.2, new double[] {0.5}, 0.9, 5e-4, 5, null, 3, 1, false);
    }

    /** Trains the 3-epoch run into {@code store}'s journal and kills it after {@code epoch}; its key. */
    private static String interruptAfterEpoch(ModelStore store, int epoch) {
        TrainingSpec three = threeEpochs();
        String key = ModelStore.key(three, data, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Trainer.train(three, data, null, (s, m, left) -> {
            if (m.epoch() == epoch) {
                throw new IllegalStateException("interrupted");
            }
        }, store.journal(key))).hasMessage("interrupted");
        return key;
    }

    /** Every metric of every epoch, boxed so that NaN equals NaN; timings left out. */
    private static java.util.List<java.util.List<Double>> metrics(TrainedModel m) {
        return m.curve().stream().map(e -> java.util.List.of(e.learningRate(), e.trainLoss(), e.trainCrossEntropy(),
                e.trainKdLoss(), e.trainError(), e.testCrossEntropy(), e.testError(), e.testKdLoss(), e.testKdError()))
                .toList();
    }

    @Test
    void unknownPolicyNamesTheChoices() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelStore.Policy.parse("sometimes"))
                .hasMessageContaining("off, read or readwrite");
    }
}
