package org.kdclaims.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.Events;
import org.kdclaims.plan.TrainingHooks;
import org.kdclaims.plan.RunRequest;
import org.kdclaims.plan.SuitePlan;
import org.kdclaims.results.ResultsStore;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.TrainingRunRecord;
import org.kdclaims.store.StoreWarnings;
import org.kdclaims.training.RunJournal;

/**
 * README: "a damaged model file is reported and trained again, never used." Two claims sharing a
 * teacher run once into a store (the clean run); each test copies that store, damages or deletes
 * one model before the suite or after its plan is made, and runs the claims again: they pass with
 * the clean run's verdicts and bitwise its final metrics, and only the lost model trains again
 * (a lost teacher before the student that learns from it).
 */
class DamagedModelTest {
    private static final Class<?> TWO_CLAIMS = ClaimRunTest.TwoClaims.class;
    @TempDir
    static Path cleanStore;
    private static Outcome clean;

    /** Verdicts by claim, final metrics by model key and seed, and model keys by role and seed. */
    private record Outcome(Map<String, String> verdicts, Map<String, Map<String, Double>> finals,
            Map<String, String> keys) {
    }

    @BeforeAll
    static void cleanRun() {
        clean = run(cleanStore);
        assertThat(clean.finals()).hasSize(7); // a teacher, ESKD, full KD and scratch students x 2 seeds
    }

    @AfterEach
    void noHooks() {
        ExperimentRuntime.hooks = TrainingHooks.NONE;
    }

    /** The three steps: run, overwrite a few bytes of one model, run again. */
    @Test
    void aModelDamagedBeforeTheSuiteIsReportedAndTrainedAgainNeverUsed(@TempDir Path store) throws IOException {
        copy(cleanStore, store);
        String student = clean.keys().get("student eskd seed 1");
        Path file = store.resolve(student + ".kdm");
        StoreWarnings.overwriteMiddle(file);
        List<String> trained = recordTrainings();

        Outcome again;
        try (StoreWarnings warnings = new StoreWarnings()) {
            again = run(store);
            assertThat(warnings.messages()).anySatisfy(m -> assertThat(m).contains(file.toString())
                    .contains("checksum mismatch"));
        }
        assertThat(trained).containsExactly(student);
        assertThat(again).isEqualTo(clean);
        // the plan counted it as a run to train, with an estimate, and everything else as stored
        JsonNode runs = new ObjectMapper().readTree(ResultsStore.defaultDirectory().resolve("plan.json").toFile())
                .get("runs");
        assertThat(runs).hasSize(7).allSatisfy(r -> assertThat(r.get("status").asText())
                .isEqualTo(r.get("key").asText().equals(student) ? "to train" : "stored"));
        assertThat(runs).filteredOn(r -> r.get("key").asText().equals(student)).singleElement()
                .satisfies(r -> assertThat(r.get("estimatedSeconds").asDouble()).isPositive());
    }

    @Test
    void aModelDamagedAfterThePlanIsTrainedAgainWhenItsClaimReadsIt(@TempDir Path store) throws IOException {
        copy(cleanStore, store);
        String student = clean.keys().get("student scratch seed 2");
        afterThePlan(() -> StoreWarnings.overwriteMiddle(store.resolve(student + ".kdm")));
        List<String> trained = recordTrainings();

        assertThat(run(store)).isEqualTo(clean);
        assertThat(trained).containsExactly(student);
    }

    @Test
    void aModelDeletedAfterThePlanIsTrainedAgainWhenItsClaimReadsIt(@TempDir Path store) throws IOException {
        copy(cleanStore, store);
        String student = clean.keys().get("student fullKd seed 1");
        afterThePlan(() -> Files.delete(store.resolve(student + ".kdm")));
        List<String> trained = recordTrainings();

        assertThat(run(store)).isEqualTo(clean);
        assertThat(trained).containsExactly(student);
    }

    /** Its students' keys name the teacher's key, not its bytes: they stay stored, the teacher alone trains. */
    @Test
    void aDamagedTeacherWhoseStudentsAreStoredIsTrainedAgainAlone(@TempDir Path store) throws IOException {
        copy(cleanStore, store);
        String teacher = clean.keys().get("teacher seed 1");
        StoreWarnings.overwriteMiddle(store.resolve(teacher + ".kdm"));
        List<String> trained = recordTrainings();

        assertThat(run(store)).isEqualTo(clean);
        assertThat(trained).containsExactly(teacher);
    }

    /** The executor trains a missing student whose stored teacher is damaged meanwhile: the teacher first. */
    @Test
    void aTeacherDamagedAfterThePlanIsTrainedAgainBeforeTheStudentThatNeedsIt(@TempDir Path store)
            throws IOException {
        copy(cleanStore, store);
        String teacher = clean.keys().get("teacher seed 1");
        String student = clean.keys().get("student eskd seed 2");
        Files.delete(store.resolve(student + ".kdm"));
        afterThePlan(() -> StoreWarnings.overwriteMiddle(store.resolve(teacher + ".kdm")));
        List<String> trained = recordTrainings();

        assertThat(run(store)).isEqualTo(clean);
        assertThat(trained).containsExactly(teacher, student);
    }

    private interface Damage {
        void apply() throws IOException;
    }

    private static void afterThePlan(Damage damage) {
        TrainingHooks earlier = ExperimentRuntime.hooks;
        ExperimentRuntime.hooks = new TrainingHooks() {
            @Override
            public RunJournal journal(RunRequest run, RunJournal journal) {
                return earlier.journal(run, journal);
            }

            @Override
            public void planMade(SuitePlan plan) {
                assertThat(plan.toTrain()).as("the plan saw no damage").allSatisfy(n ->
                        assertThat(n.run().role()).startsWith("student"));
                try {
                    damage.apply();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** The keys of the models that really train (the store asks for a run's journal only then), in order. */
    private static List<String> recordTrainings() {
        List<String> keys = new CopyOnWriteArrayList<>();
        TrainingHooks earlier = ExperimentRuntime.hooks;
        ExperimentRuntime.hooks = new TrainingHooks() {
            @Override
            public RunJournal journal(RunRequest run, RunJournal journal) {
                keys.add(run.key());
                return earlier.journal(run, journal);
            }

            @Override
            public void planMade(SuitePlan plan) {
                earlier.planMade(plan);
            }
        };
        return keys;
    }

    /** Runs both claims on {@code store}: neither may fail; their verdicts and models as recorded. */
    private static Outcome run(Path store) {
        Events events = TinyScale.engine("kd.cache", "readwrite", "kd.models.dir", store.toString())
                .selectors(selectClass(TWO_CLAIMS)).execute().testEvents();
        assertThat(events.failed().count()).as("failed claims").isZero();
        assertThat(events.succeeded().count()).isEqualTo(2);
        Map<String, String> verdicts = new TreeMap<>();
        Map<String, Map<String, Double>> finals = new TreeMap<>();
        Map<String, String> keys = new TreeMap<>();
        for (ClaimResult c : ResultsStore.defaultStore().read().claims()) {
            verdicts.put(c.id(), c.verdict());
            for (TrainingRunRecord r : c.runs()) {
                finals.put(r.configHash() + " seed " + r.seed(), r.finalMetrics());
                keys.put(r.role() + " seed " + r.seed(), r.configHash());
            }
        }
        return new Outcome(verdicts, finals, keys);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".kdm")).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
