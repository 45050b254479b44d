package org.kdclaims.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.testkit.engine.Events;
import org.kdclaims.plan.TrainingHooks;
import org.kdclaims.plan.RunRequest;
import org.kdclaims.plan.RunTrainer;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.ResultsStore;
import org.kdclaims.results.model.TrainingRunRecord;
import org.kdclaims.training.RunJournal;
import org.kdclaims.training.TrainingDivergedException;

/**
 * Plan first, then train, end to end through the JUnit engine at a seconds-long scale: the plan is
 * made before anything trains, shared runs train once (also with several workers), a missing data
 * set skips its claims, a diverged run fails only the claims that need it, and a suite killed in
 * the middle of a run resumes to bitwise the same numbers.
 */
class SuitePlanTest {

    @AfterEach
    void noHooks() {
        ExperimentRuntime.hooks = TrainingHooks.NONE;
    }

    /** Two claims sharing a teacher (T1: ESKD vs full KD; T2: KD vs scratch), from {@link ClaimRunTest}. */
    private static final Class<?> TWO_CLAIMS = ClaimRunTest.TwoClaims.class;

    @Test
    void aMissingDataSetSkipsItsClaimsWithTheFix() {
        Events events = TinyScale.engine("kd.data", "real", "kd.cifar", "/nonexistent/cifar-10")
                .selectors(selectClass(TWO_CLAIMS)).execute().allEvents();
        assertThat(events.failed().count()).isZero();
        assertThat(events.skipped().count()).isEqualTo(1);   // the class, with both claims
        assertThat(events.skipped().stream().map(e -> e.getPayload(String.class).orElse("")))
                .singleElement().asString().contains("/nonexistent/cifar-10").contains("-Dkd.cifar");
    }

    /** At smoke scale the students' few epochs are less work than the table: no orbit pass. */
    @Test
    void planOnlyWritesThePlanAndTrainsNothing(@TempDir Path models) throws IOException {
        Events events = TinyScale.engine("kd.cache", "readwrite", "kd.models.dir", models.toString())
                .selectors(selectClass(TWO_CLAIMS)).configurationParameter("kd.plan", "only").execute().allEvents();
        assertThat(events.skipped().count()).isEqualTo(2);   // both claims (the class ran, to plan)
        assertThat(events.started().count()).isEqualTo(2);   // the engine and the class
        assertThat(events.failed().count()).isZero();
        try (Stream<Path> files = Files.list(models)) {
            assertThat(files.filter(f -> f.toString().endsWith(".kdm"))).isEmpty();
        }
        JsonNode plan = new ObjectMapper().readTree(ResultsStore.defaultDirectory().resolve("plan.json").toFile());
        // one teacher, ESKD and full KD x 2 seeds, KD and scratch x 2 seeds (full KD and KD are one run each)
        assertThat(plan.get("runs")).hasSize(1 + 2 + 2 + 2);
        assertThat(plan.get("runs").findValuesAsText("status")).containsOnly("to train");
        assertThat(plan.get("estimatedWallSeconds").asDouble()).isPositive();
        assertThat(plan.get("runs").get(0).get("role").asText()).isEqualTo("teacher");
        assertThat(plan.get("orbitPasses")).isEmpty();
    }

    @Test
    void aSharedTeacherTrainsOnceWithSeveralWorkers() {
        AtomicInteger teacherTrainings = new AtomicInteger();
        ExperimentRuntime.hooks = new TrainingHooks() {
            @Override
            public RunTrainer wrap(RunTrainer trainer) {
                return run -> {
                    if (run.role().equals("teacher")) {
                        teacherTrainings.incrementAndGet();
                    }
                    trainer.train(run);
                };
            }
        };
        Events events = TinyScale.engine().selectors(selectClass(TWO_CLAIMS))
                .configurationParameter("kd.workers", "3").execute().testEvents();
        assertThat(events.succeeded().count()).isEqualTo(2);
        assertThat(teacherTrainings).hasValue(1);
        List<TrainingRunRecord> teachers = ResultsStore.defaultStore().read().claims().stream()
                .flatMap(r -> r.runs().stream()).filter(r -> r.role().equals("teacher")).toList();
        assertThat(teachers).hasSize(2).filteredOn(t -> !t.fromCache()).hasSize(1);
    }

    /** The launcher path: the listener plans both classes' claims before the first runs, with workers. */
    @Test
    void theLauncherPlansTheWholeSelectionFirst() throws IOException {
        AtomicInteger trainings = new AtomicInteger();
        ExperimentRuntime.hooks = new TrainingHooks() {
            @Override
            public RunTrainer wrap(RunTrainer trainer) {
                return run -> {
                    if (!run.isOrbit()) {
                        trainings.incrementAndGet();
                    }
                    trainer.train(run);
                };
            }
        };
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(TWO_CLAIMS), selectClass(ClaimRunTest.StopSweep.class))
                .configurationParameters(TinyScale.parameters()).configurationParameter("kd.workers", "2").build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, summary);
        assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(4);
        JsonNode plan = new ObjectMapper().readTree(ResultsStore.defaultDirectory().resolve("plan.json").toFile());
        assertThat(plan.get("claims")).hasSize(4);
        assertThat(plan.get("executor").asText()).isEqualTo("local: 2 workers x 1 thread");
        // one plan for both classes: the teacher, the scratch students and the students of the full
        // teacher are shared; only the students of the half-trained teacher are new (7 + 2 runs)
        assertThat(plan.get("runs")).hasSize(9);
        assertThat(trainings).hasValue(9);
    }

    /** Only the second claim has a scratch arm: its run diverges, the first claim is still judged. */
    @Test
    void aDivergedRunFailsOnlyTheClaimsThatNeedIt() {
        ExperimentRuntime.hooks = new TrainingHooks() {
            @Override
            public RunTrainer wrap(RunTrainer trainer) {
                return run -> {
                    if (run.role().equals("student scratch")) {
                        throw new TrainingDivergedException("training diverged: loss NaN in epoch 1 of " + run.label());
                    }
                    trainer.train(run);
                };
            }
        };
        RecordedClaimEvents.clear();
        Events events = TinyScale.engine().selectors(selectClass(TWO_CLAIMS)).execute().testEvents();
        assertThat(events.succeeded().count()).isEqualTo(1);
        events.failed().assertThatEvents().haveExactly(1, event(test("kdVsScratch"),
                finishedWithFailure(message(m -> m.contains("diverged") && m.contains("student scratch")))));
        // the listeners hear which run is missing, and the failed claim's result
        assertThat(RecordedClaimEvents.heard()).extracting(RecordedClaimEvents.Heard::event)
                .anySatisfy(e -> assertThat(e).startsWith("modelUnavailable student scratch: ").contains("diverged"))
                .contains("claimFinished T2 failed");
        assertThat(ResultsStore.defaultStore().read().claims()).extracting(ClaimResult::id).contains("T1", "T2");
    }

    /** A suite dies in the middle of a student's run; the next run resumes it and ends bitwise as a clean one. */
    @Test
    void aKilledSuiteResumesToTheSameNumbers(@TempDir Path killed, @TempDir Path clean) {
        Map<String, Map<String, Double>> uninterrupted = finalMetrics(clean);

        ExperimentRuntime.hooks = new TrainingHooks() {
            @Override
            public RunJournal journal(RunRequest run, RunJournal journal) {
                if (!run.role().equals("student eskd") || run.spec().seed() != 2) {
                    return journal;
                }
                return new RunJournal() {
                    @Override
                    public java.util.Optional<Progress> load() {
                        return journal.load();
                    }

                    @Override
                    public void save(Progress progress) {
                        journal.save(progress);
                        if (progress.curve().size() == 2) {
                            throw new IllegalStateException("simulated kill after epoch 2");
                        }
                    }

                    @Override
                    public void finished() {
                        journal.finished();
                    }
                };
            }
        };
        Map<String, Map<String, Double>> interrupted = finalMetrics(killed);
        assertThat(interrupted).hasSizeLessThan(uninterrupted.size());
        try {
            assertThat(Files.list(killed).filter(f -> f.toString().endsWith(".partial"))).hasSize(1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ExperimentRuntime.hooks = TrainingHooks.NONE;

        Map<String, Map<String, Double>> resumed = finalMetrics(killed);
        assertThat(resumed).isEqualTo(uninterrupted);
    }

    /**
     * Ten epochs: the students' 2 seeds x 10 epochs of teacher passes outnumber the 18 views of an
     * 8x8 image padded by 1, so the plan chooses the table (at 5 epochs it would not).
     */
    private static final String[] TEN_EPOCHS = {"kd.epochFraction", "0.05"};

    /** With the teacher's orbit table or with the teacher on the fly: the same numbers under the same keys. */
    @Test
    void orbitTablesChangeNoNumber(@TempDir Path tabulated, @TempDir Path onTheFly) throws IOException {
        Map<String, Map<String, Double>> withTables = finalMetrics(tabulated, TEN_EPOCHS);
        JsonNode plan = new ObjectMapper().readTree(ResultsStore.defaultDirectory().resolve("plan.json").toFile());
        assertThat(plan.get("orbitPasses")).as("one pass for the one teacher checkpoint").hasSize(1);
        assertThat(orbitFiles(tabulated)).hasSize(1);
        Map<String, Map<String, Double>> without = finalMetrics(onTheFly, "kd.orbitMb", "0", TEN_EPOCHS[0], TEN_EPOCHS[1]);
        assertThat(orbitFiles(onTheFly)).isEmpty();
        assertThat(withTables).isNotEmpty().isEqualTo(without);
    }

    /** A suite that dies during the orbit pass leaves no table; the next run computes it and ends as a clean one. */
    @Test
    void aSuiteKilledDuringTheOrbitPassComputesItAgain(@TempDir Path killed, @TempDir Path clean) throws IOException {
        Map<String, Map<String, Double>> uninterrupted = finalMetrics(clean, TEN_EPOCHS);
        ExperimentRuntime.hooks = new TrainingHooks() {
            @Override
            public RunTrainer wrap(RunTrainer trainer) {
                return run -> {
                    // the process dies in the orbit pass: nothing after it runs either
                    throw new IllegalStateException("simulated kill" + (run.isOrbit() ? " during the orbit pass" : ""));
                };
            }
        };
        finalMetrics(killed, TEN_EPOCHS);
        assertThat(orbitFiles(killed)).isEmpty();
        ExperimentRuntime.hooks = TrainingHooks.NONE;
        assertThat(finalMetrics(killed, TEN_EPOCHS)).isEqualTo(uninterrupted);
        assertThat(orbitFiles(killed)).hasSize(1);
    }

    private static List<Path> orbitFiles(Path store) throws IOException {
        try (Stream<Path> files = Files.list(store)) {
            return files.filter(f -> f.toString().endsWith(".orbit")).toList();
        }
    }

    /** Final metrics of every training run by model key and seed, after running the two claims on a store. */
    private static Map<String, Map<String, Double>> finalMetrics(Path store, String... settings) {
        String[] all = Stream.concat(Stream.of("kd.cache", "readwrite", "kd.models.dir", store.toString()),
                Stream.of(settings)).toArray(String[]::new);
        TinyScale.engine(all).selectors(selectClass(TWO_CLAIMS)).execute();
        Map<String, Map<String, Double>> byRun = new TreeMap<>();
        for (ClaimResult c : ResultsStore.defaultStore().read().claims()) {
            for (TrainingRunRecord r : c.runs()) {
                byRun.put(r.configHash() + " seed " + r.seed(), r.finalMetrics());
            }
        }
        return byRun;
    }
}
