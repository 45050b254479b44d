package org.kdclaims.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kdclaims.data.Augmentation;
import org.kdclaims.data.Cifar10;
import org.kdclaims.data.Normalization;
import org.kdclaims.data.SyntheticTask;
import org.kdclaims.data.TrainingData;
import org.kdclaims.models.Architectures;
import org.kdclaims.training.Network;
import org.kdclaims.training.TeacherNetwork;
import org.kdclaims.training.TeacherOrbit;
import org.kdclaims.training.TeacherOrbits;

/**
 * Orbit tables in the model store: read back bitwise, computed once across sessions, never served
 * under another key (another checkpoint, data set or augmentation), rebuilt when damaged, and a
 * failed write names the file and leaves nothing that could be served.
 */
class OrbitStoreTest {
    private static TrainingData data;
    private static TeacherNetwork teacher;

    @BeforeAll
    static void tinyTask() {
        Cifar10 c = SyntheticTask.generateSplits(3, 2, 10, 8, 3);
        data = new TrainingData("tiny", c.train(), c.test(), Normalization.fit(c.train()), Augmentation.padCropFlip(1));
        teacher = new TeacherNetwork(Network.create(Architectures.parse("wrn-10-0.5"), c.train().shape(), 3, null),
                "teacher@3", "wrn-10-0.5");
    }

    private static TeacherOrbits session(ModelStore store) {
        return new TeacherOrbits(50_000_000, store.orbits());
    }

    @Test
    void aSecondSessionReadsTheTableBitwiseInsteadOfComputingIt(@TempDir Path dir) {
        ModelStore store = new ModelStore(dir, ModelStore.Policy.READWRITE);
        TeacherOrbit computed = session(store).orbit(teacher, data, true);
        String key = TeacherOrbit.key(teacher.key(), data, true);
        assertThat(Files.exists(store.orbitFile(key))).isTrue();
        assertThat(store.hasOrbit(key)).isTrue();

        TeacherOrbits second = session(new ModelStore(dir, ModelStore.Policy.READWRITE));
        TeacherOrbit read = second.orbit(teacher, data, true);
        assertThat(second.stats()).startsWith("0 computed, 1 read from the store");
        assertThat(read.features()).isEqualTo(computed.features());
        for (int i = 0; i < computed.mapArrays().length; i++) {
            assertThat(read.mapArrays()[i]).isEqualTo(computed.mapArrays()[i]);
        }
    }

    @Test
    void aTableOfAnotherCheckpointDataSetOrAugmentationIsNeverServed(@TempDir Path dir) throws IOException {
        ModelStore store = new ModelStore(dir, ModelStore.Policy.READWRITE);
        session(store).orbit(teacher, data, false);
        String key = TeacherOrbit.key(teacher.key(), data, false);
        TrainingData otherAugmentation = new TrainingData("tiny", data.train(), data.test(), data.normalization(),
                Augmentation.padCropFlip(2));
        TeacherNetwork otherCheckpoint = new TeacherNetwork(teacher.network(), "teacher@2", "wrn-10-0.5");
        assertThat(TeacherOrbit.key(teacher.key(), otherAugmentation, false)).isNotEqualTo(key);
        assertThat(TeacherOrbit.key(otherCheckpoint.key(), data, false)).isNotEqualTo(key);
        // a table copied under another table's name (a renamed or mixed-up file) is refused by its key
        String other = TeacherOrbit.key(otherCheckpoint.key(), data, false);
        Files.copy(store.orbitFile(key), store.orbitFile(other));
        try (StoreWarnings warnings = new StoreWarnings()) {
            assertThat(store.hasOrbit(other)).isFalse();
            assertThat(warnings.messages()).anySatisfy(m -> assertThat(m).contains("holds the orbit of " + key));
        }
        assertThat(Files.exists(store.orbitFile(other))).as("the wrong table is deleted").isFalse();
    }

    @Test
    void aDamagedTableIsDetectedAndComputedAgain(@TempDir Path dir) throws IOException {
        ModelStore store = new ModelStore(dir, ModelStore.Policy.READWRITE);
        TeacherOrbit first = session(store).orbit(teacher, data, false);
        Path file = store.orbitFile(first.key());
        StoreWarnings.overwriteMiddle(file);
        TeacherOrbits again = session(new ModelStore(dir, ModelStore.Policy.READWRITE));
        try (StoreWarnings warnings = new StoreWarnings()) {
            TeacherOrbit rebuilt = again.orbit(teacher, data, false);
            assertThat(rebuilt.features()).isEqualTo(first.features());
            assertThat(warnings.messages()).anySatisfy(m -> assertThat(m).contains(file.toString())
                    .contains("damaged orbit table"));
        }
        assertThat(again.stats()).startsWith("1 computed, 0 read");
        assertThat(store.hasOrbit(first.key())).as("stored again, intact").isTrue();
    }

    @Test
    void aFailedWriteNamesTheFileAndLeavesNothingToServe(@TempDir Path dir) throws IOException {
        ModelStore store = new ModelStore(dir, ModelStore.Policy.READWRITE);
        String key = TeacherOrbit.key(teacher.key(), data, false);
        Path target = store.orbitFile(key);
        // the write cannot land: the table's name is taken by a folder that is not empty
        Files.createDirectories(target.resolve("blocker"));
        try (StoreWarnings warnings = new StoreWarnings()) {
            TeacherOrbit inMemory = session(store).orbit(teacher, data, false);
            assertThat(inMemory).as("the session goes on with the table in memory").isNotNull();
            assertThat(warnings.messages()).anySatisfy(m -> assertThat(m).contains("could not write the orbit table")
                    .contains(target.toString()));
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        Files.delete(target.resolve("blocker"));
        Files.delete(target);
        assertThat(store.hasOrbit(key)).isFalse();
    }
}
