package org.kdclaims.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Events;
import org.kdclaims.annotations.Cifar;
import org.kdclaims.annotations.Claim;
import org.kdclaims.annotations.EarlyStopAt;
import org.kdclaims.annotations.Ensemble;
import org.kdclaims.annotations.Scratch;
import org.kdclaims.annotations.Seeds;
import org.kdclaims.annotations.Student;
import org.kdclaims.annotations.Sweep;
import org.kdclaims.annotations.Teacher;
import org.kdclaims.api.Arm;
import org.kdclaims.api.ClaimAssertions;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.ResultsStore;
import org.kdclaims.results.model.TrainingRunRecord;

/** Two claims sharing a teacher, run end to end at a seconds-long scale through the JUnit engine. */
class ClaimRunTest {
    private static Events events;
    private static List<ClaimResult> results;
    private static Map<String, List<String>> heard;

    @BeforeAll
    static void runClaims() {
        RecordedClaimEvents.clear();
        events = TinyScale.engine().selectors(selectClass(TwoClaims.class), selectClass(StopSweep.class),
                        selectClass(ChainAndEnsemble.class))
                .execute().testEvents();
        results = ResultsStore.defaultStore().read().claims();
        heard = RecordedClaimEvents.byThread();
    }

    @Test
    void smokeScaleRecordsVerdictsWithoutFailing() {
        assertThat(events.succeeded().count()).isEqualTo(5);
        assertThat(results).hasSize(5).allSatisfy(r -> {
            assertThat(r.verdict()).isIn("SUPPORTED", "REFUTED", "INCONCLUSIVE");
            assertThat(r.outcome()).isEqualTo("recorded");
            assertThat(r.arms()).hasSize(2).allSatisfy(a -> assertThat(a.values()).hasSize(2));
        });
    }

    @Test
    void theSharedTeacherIsTrainedOnce() {
        List<TrainingRunRecord> teachers = results.stream().filter(r -> !r.id().equals("T4"))
                .flatMap(r -> r.runs().stream()).filter(run -> run.role().equals("teacher")).toList();
        // one record per claim invocation, all the same model, trained by the first only
        assertThat(teachers).hasSize(4);
        assertThat(teachers).filteredOn(t -> !t.fromCache()).hasSize(1);
        assertThat(teachers).extracting(TrainingRunRecord::configHash).containsOnly(teachers.get(0).configHash());
    }

    @Test
    void aSweepRunsOncePerPointNamedByItsPoint() {
        assertThat(results).filteredOn(r -> r.id().equals("T3")).extracting(ClaimResult::displayName)
                .containsExactlyInAnyOrder("kdFromStoppedTeacher [teacherStop=0.5]", "kdFromStoppedTeacher [teacherStop=1]");
        ClaimResult half = results.stream().filter(r -> r.displayName().endsWith("[teacherStop=0.5]")).findFirst().orElseThrow();
        assertThat(half.parameters()).containsEntry("sweep teacherStop", "0.5");
        assertThat(half.parameters().get("kd")).contains("stopped at epoch").containsPattern("\\(test error [0-9.]+ %\\)");
    }

    @Test
    void eachRunCarriesItsCurveAndKey() {
        assertThat(results).flatMap(ClaimResult::runs).allSatisfy(run -> {
            assertThat(run.curve()).isNotEmpty();
            assertThat(run.configHash()).hasSize(16);
        });
    }

    /**
     * The claim event listeners hear each invocation on the thread that runs it: started, one request
     * and its answer per model read (teachers once per arm that reads them), finished with the
     * recorded result's runs. The answer says what happened: a model trained in this session is
     * "trained" to the first claim that reads it, and "fetched" from the store by every later read.
     */
    @Test
    void eachInvocationIsPublishedAsEvents() {
        List<String> all = heard.values().stream().flatMap(List::stream).toList();
        assertThat(heard.values()).allSatisfy(ClaimRunTest::wellFormedInvocations);
        assertThat(all).filteredOn(e -> e.startsWith("claimStarted ")).hasSize(5);
        assertThat(all).filteredOn(e -> e.startsWith("claimFinished ")).extracting(e -> e.split(" ")[1])
                .containsExactlyInAnyOrder("T1", "T2", "T3", "T3", "T4");
        assertThat(all).filteredOn(e -> e.startsWith("claimFinished ")).allSatisfy(e -> assertThat(e).endsWith(" recorded"));
        List<String> recordedKeys = results.stream().flatMap(r -> r.runs().stream()).map(TrainingRunRecord::configHash).toList();
        assertThat(all).filteredOn(e -> e.startsWith("modelFetched ") || e.startsWith("modelTrained "))
                .extracting(e -> e.substring(e.lastIndexOf(' ') + 1))
                .containsAll(recordedKeys).allSatisfy(key -> assertThat(recordedKeys).contains(key));
        assertThat(all).anySatisfy(e -> assertThat(e).startsWith("modelRequested teacher: cnn-"));
        List<String> trainedKeys = results.stream().flatMap(r -> r.runs().stream()).filter(r -> !r.fromCache())
                .map(TrainingRunRecord::configHash).toList();
        assertThat(trainedKeys).isNotEmpty();
        assertThat(all).filteredOn(e -> e.startsWith("modelTrained ")).extracting(e -> e.substring(e.lastIndexOf(' ') + 1))
                .containsExactlyInAnyOrderElementsOf(trainedKeys);
        assertThat(all).filteredOn(e -> e.startsWith("modelFetched teacher: cnn-")).isNotEmpty();
    }

    /** One thread's events: whole invocations one after another, each run's start followed by its end. */
    static void wellFormedInvocations(List<String> events) {
        String shape = events.stream().map(e -> e.substring(0, e.indexOf(' '))).map(e -> switch (e) {
            case "claimStarted" -> "(";
            case "modelRequested" -> "[";
            case "modelFetched", "modelTrained", "modelUnavailable" -> "]";
            case "claimFinished" -> ")";
            default -> "?";
        }).collect(Collectors.joining());
        assertThat(shape).as("events %s", events).matches("(\\((\\[\\])*\\)?)*");
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).startsWith("modelRequested ")) {
                String label = events.get(i).substring("modelRequested ".length());
                assertThat(events.get(i + 1)).as("the answer to %s", label)
                        .matches("model(Fetched|Trained|Unavailable) \\Q" + label + "\\E[ :].*");
            }
        }
    }

    /** The same claims with JUnit's parallel execution: both pass, and the teacher still trains once. */
    @Test
    void claimsRunInParallelShareTheirTeacher() {
        RecordedClaimEvents.clear();
        Events parallel = TinyScale.engine().selectors(selectClass(TwoClaims.class))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .execute().testEvents();
        assertThat(parallel.succeeded().count()).isEqualTo(2);
        List<TrainingRunRecord> teachers = ResultsStore.defaultStore().read().claims().stream()
                .flatMap(r -> r.runs().stream()).filter(run -> run.role().equals("teacher")).toList();
        assertThat(teachers).hasSize(2).filteredOn(t -> !t.fromCache()).hasSize(1);
        // each claim's events on the thread that ran it, never interleaved with the other's
        assertThat(RecordedClaimEvents.byThread().values()).allSatisfy(ClaimRunTest::wellFormedInvocations);
        assertThat(RecordedClaimEvents.heard()).filteredOn(h -> h.event().startsWith("claimFinished ")).hasSize(2);
    }

    @Cifar
    @Teacher(arch = "cnn-16")
    @Student(arch = "cnn-8")
    @Seeds(value = 2, oneTeacher = true)
    static class TwoClaims {
        @Claim(id = "T1", source = "test", statement = "ESKD vs full KD")
        void eskdVsKd(@EarlyStopAt(fraction = 0.5) Arm eskd, Arm fullKd) {
            ClaimAssertions.assertThat(eskd.testError()).isSignificantlyLowerThan(fullKd.testError());
        }

        @Claim(id = "T2", source = "test", statement = "KD vs scratch")
        void kdVsScratch(Arm kd, @Scratch Arm scratch) {
            ClaimAssertions.assertThat(kd.testError()).isSignificantlyLowerThan(scratch.testError());
        }
    }

    @Test
    void sequentialTeachersAndEnsemblesAreTrainedAsDeclared() {
        ClaimResult r = results.stream().filter(c -> c.id().equals("T4")).findFirst().orElseThrow();
        assertThat(r.parameters().get("sequential")).contains("distilled from cnn-4");
        assertThat(r.runs()).filteredOn(run -> run.role().equals("ancestor")).hasSize(1);
        // 2 seeds x 2 members, each its own model
        assertThat(r.runs()).filteredOn(run -> run.role().equals("member ensemble")).extracting(TrainingRunRecord::seed)
                .containsExactlyInAnyOrder(1L, 1001L, 2L, 1002L);
        assertThat(r.arms()).filteredOn(a -> a.name().equals("ensemble")).singleElement()
                .satisfies(a -> assertThat(a.values()).allSatisfy(v -> assertThat(v).isBetween(0.0, 100.0)));
    }

    @Cifar
    @Teacher(arch = "cnn-16")
    @Student(arch = "cnn-8")
    @Seeds(value = 2, oneTeacher = true)
    static class StopSweep {
        @Claim(id = "T3", source = "test", statement = "early-stopped teachers")
        @Sweep(teacherStopFraction = {0.5, 1})
        void kdFromStoppedTeacher(Arm kd, @Scratch Arm scratch) {
            ClaimAssertions.assertThat(kd.testError()).isSignificantlyLowerThan(scratch.testError());
        }
    }

    @Cifar
    @Student(arch = "cnn-8")
    @Seeds(value = 2, oneTeacher = true)
    static class ChainAndEnsemble {
        @Claim(id = "T4", source = "test", statement = "sequential KD vs an ensemble")
        void sequentialVsEnsemble(@Teacher(arch = "cnn-8", from = {"cnn-16"}) Arm sequential, @Ensemble(2) Arm ensemble) {
            ClaimAssertions.assertThat(ensemble.testError()).isSignificantlyLowerThan(sequential.testError());
        }
    }
}
