package org.kdclaims.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.kdclaims.annotations.Cifar;
import org.kdclaims.annotations.Claim;
import org.kdclaims.annotations.EarlyStopAt;
import org.kdclaims.annotations.Scratch;
import org.kdclaims.annotations.Seeds;
import org.kdclaims.annotations.Student;
import org.kdclaims.annotations.Sweep;
import org.kdclaims.annotations.Teacher;
import org.kdclaims.api.Arm;
import org.kdclaims.api.ClaimAssertions;
import org.kdclaims.reports.model.ClaimResult;
import org.kdclaims.reports.model.ResultsStore;
import org.kdclaims.reports.model.TrainingRunRecord;

/** Two claims sharing a teacher, run end to end at a seconds-long scale through the JUnit engine. */
class ClaimRunTest {
    private static TinyScale scale;
    private static Events events;
    private static List<ClaimResult> results;

    @BeforeAll
    static void runClaims() {
        scale = new TinyScale();
        events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(TwoClaims.class), selectClass(StopSweep.class))
                .execute().testEvents();
        results = ResultsStore.defaultStore().read().claims();
    }

    @AfterAll
    static void restore() {
        scale.close();
    }

    @Test
    void smokeScaleRecordsVerdictsWithoutFailing() {
        assertThat(events.succeeded().count()).isEqualTo(4);
        assertThat(results).hasSize(4).allSatisfy(r -> {
            assertThat(r.verdict()).isIn("SUPPORTED", "REFUTED", "INCONCLUSIVE");
            assertThat(r.outcome()).isEqualTo("recorded");
            assertThat(r.arms()).hasSize(2).allSatisfy(a -> assertThat(a.values()).hasSize(2));
        });
    }

    @Test
    void theSharedTeacherIsTrainedOnce() {
        List<TrainingRunRecord> teachers = results.stream().flatMap(r -> r.runs().stream())
                .filter(run -> run.role().equals("teacher")).toList();
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
        assertThat(half.parameters().get("kd")).contains("stopped at epoch");
    }

    @Test
    void eachRunCarriesItsCurveAndKey() {
        assertThat(results).flatMap(ClaimResult::runs).allSatisfy(run -> {
            assertThat(run.curve()).isNotEmpty();
            assertThat(run.configHash()).hasSize(16);
        });
    }

    @Cifar
    @Teacher(arch = "cnn-16")
    @Student(arch = "cnn-8")
    @Seeds(2)
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

    @Cifar
    @Teacher(arch = "cnn-16")
    @Student(arch = "cnn-8")
    @Seeds(2)
    static class StopSweep {
        @Claim(id = "T3", source = "test", statement = "early-stopped teachers")
        @Sweep(teacherStopFraction = {0.5, 1})
        void kdFromStoppedTeacher(Arm kd, @Scratch Arm scratch) {
            ClaimAssertions.assertThat(kd.testError()).isSignificantlyLowerThan(scratch.testError());
        }
    }
}
