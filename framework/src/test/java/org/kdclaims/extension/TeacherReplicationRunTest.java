package org.kdclaims.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kdclaims.annotations.Cifar;
import org.kdclaims.annotations.Claim;
import org.kdclaims.annotations.EarlyStopAt;
import org.kdclaims.annotations.Seeds;
import org.kdclaims.annotations.Student;
import org.kdclaims.annotations.Sweep;
import org.kdclaims.annotations.Teacher;
import org.kdclaims.api.Arm;
import org.kdclaims.api.ArmCurve;
import org.kdclaims.api.ClaimAssertions;
import org.kdclaims.results.ResultsStore;
import org.kdclaims.results.model.ArmResult;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.Replication;
import org.kdclaims.results.model.TrainingRunRecord;

/**
 * Claims about teachers replicate teachers, end to end at a seconds-long scale: k teachers per arm
 * with m students each, chains started from teacher seed s paired with scratch teacher s, students
 * grouped by teacher in the results, and the verdict's statistics on per-teacher means with both
 * variance components; a claim declared on one teacher says that its verdict is conditional on it.
 */
class TeacherReplicationRunTest {
    private static List<ClaimResult> results;

    @BeforeAll
    static void runClaims() {
        TinyScale.engine().selectors(selectClass(BornAgain.class), selectClass(SharedTeachers.class),
                selectClass(OneTeacher.class), selectClass(StopCurve.class)).execute();
        results = ResultsStore.defaultStore().read().claims();
    }

    private static ClaimResult claim(String id) {
        return results.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void eachArmTrainsTwoTeachersWithTwoStudentsEach() {
        ClaimResult r = claim("R1");
        assertThat(r.arms()).hasSize(2).allSatisfy(a -> {
            assertThat(a.unit()).isEqualTo(ArmResult.UNIT_TEACHER);
            assertThat(a.values()).hasSize(4);
            assertThat(a.seeds()).containsExactly(1L, 2L, 3L, 4L);
            assertThat(a.teacherSeeds()).containsExactly(1L, 1L, 2L, 2L);
            assertThat(a.teachers()).extracting(t -> t.seed()).containsExactly(1L, 2L);
            assertThat(a.teachers()).allSatisfy(t -> assertThat(t.testError()).isBetween(0.0, 100.0));
            assertThat(a.units()).isEqualTo(2);
        });
        // the statistics of an arm are those of its per-teacher means
        ArmResult a = r.arms().get(0);
        double meanOfMeans = ((a.values().get(0) + a.values().get(1)) / 2 + (a.values().get(2) + a.values().get(3)) / 2) / 2;
        assertThat(a.mean()).isCloseTo(meanOfMeans, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void aBornAgainChainFromTeacherSeedSStartsWithScratchTeacherS() {
        ClaimResult r = claim("R1");
        Set<String> scratchTeachers = r.runs().stream().filter(x -> x.role().equals("teacher") && x.seed() <= 2)
                .map(TrainingRunRecord::configHash).collect(Collectors.toSet());
        Set<String> ancestors = r.runs().stream().filter(x -> x.role().equals("ancestor"))
                .map(TrainingRunRecord::configHash).collect(Collectors.toSet());
        // two scratch teachers (seeds 1, 2) and two born-again teachers; each chain's first model is the scratch teacher
        assertThat(ancestors).hasSize(2);
        assertThat(scratchTeachers).containsAll(ancestors);
        assertThat(r.runs()).filteredOn(x -> x.role().equals("teacher")).extracting(TrainingRunRecord::seed)
                .containsOnly(1L, 2L);
    }

    @Test
    void theVerdictRestsOnPerTeacherMeansWithBothVarianceComponents() {
        ClaimResult r = claim("R1");
        Replication rep = r.statistics().replication();
        assertThat(rep.unit()).isEqualTo(Replication.UNIT_TEACHER);
        assertThat(rep.units()).isEqualTo(2);
        assertThat(rep.perUnit()).isEqualTo(2);
        assertThat(rep.withinTeacherVariance()).isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(rep.betweenTeacherVariance()).isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(rep.conditionalOnOneTeacher()).isFalse();
        assertThat(rep.design()).contains("2 teachers x 2 students per arm");
        assertThat(r.statistics().pairing()).contains("paired by teacher seed").contains("2 pairs");
        assertThat(r.parameters().get("seeds")).isEqualTo("2 teachers x 2 students per arm, teacher seeds from 1");
    }

    @Test
    void armsThatShareTheirTeachersPairTheirStudentsWithinEachTeacher() {
        ClaimResult r = claim("R2");
        assertThat(r.arms()).allSatisfy(a -> assertThat(a.teacherSeeds()).containsExactly(1L, 2L));
        assertThat(r.arms().get(0).seeds()).isEqualTo(r.arms().get(1).seeds());
        assertThat(r.statistics().replication().perUnit()).isEqualTo(1);
        assertThat(r.statistics().replication().withinTeacherVariance()).isNull();
    }

    @Test
    void aClaimDeclaredOnOneTeacherIsConditionalOnIt() {
        ClaimResult r = claim("R3");
        assertThat(r.arms()).allSatisfy(a -> {
            assertThat(a.unit()).isEqualTo(ArmResult.UNIT_SEED);
            assertThat(a.teacherSeeds()).containsOnly(1L);
            assertThat(a.conditionalOnOneTeacher()).isTrue();
        });
        assertThat(r.statistics().replication().conditionalOnOneTeacher()).isTrue();
        assertThat(r.statistics().replication().design()).contains("conditional on these teachers");
        assertThat(r.parameters().get("seeds")).contains("conditional on that teacher");
    }

    @Test
    void aCurveOverTeacherCheckpointsPairsEachCheckpointWithItsOwnRun() {
        ClaimResult r = claim("R4");
        assertThat(r.curve().points()).hasSize(3).allSatisfy(p -> {
            assertThat(p.arm().unit()).isEqualTo(ArmResult.UNIT_TEACHER);
            assertThat(p.arm().teacherSeeds()).containsExactly(1L, 2L);
            assertThat(p.arm().teachers()).hasSize(2);
        });
        // the checkpoints of teacher run s and its final model: one teacher training per seed
        assertThat(r.runs()).filteredOn(x -> x.role().equals("teacher")).extracting(TrainingRunRecord::seed)
                .containsExactlyInAnyOrder(1L, 2L);
        assertThat(r.statistics().pairing()).contains("paired by teacher seed");
        assertThat(r.statistics().replication().unit()).isEqualTo(Replication.UNIT_TEACHER);
    }

    /** Adaptive looks add teachers where teachers are the unit: look 2 has 3 teachers per arm. */
    @Test
    void adaptiveLooksAddTeachers() {
        org.junit.platform.testkit.engine.Events tests = TinyScale.engine("kd.maxSeeds", "0")
                .selectors(selectClass(AdaptiveTeachers.class)).execute().testEvents();
        assertThat(tests.started().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .containsExactly("same [seeds=2]", "same [seeds=3]");
        ClaimResult last = ResultsStore.defaultStore().read().claims().stream().filter(c -> c.id().equals("R5"))
                .reduce((x, y) -> y).orElseThrow();
        assertThat(last.arms()).allSatisfy(a -> assertThat(a.teachers()).extracting(t -> t.seed())
                .containsExactly(1L, 2L, 3L));
        assertThat(last.statistics().replication().units()).isEqualTo(3);
    }

    @Cifar
    @Teacher(arch = "cnn-8")
    @Student(arch = "cnn-4")
    @Seeds(min = 2, max = 3)
    static class AdaptiveTeachers {
        /** The same models in both arms: undecided at every look. */
        @Claim(id = "R5", source = "test", statement = "a student is better than itself")
        void same(Arm a, Arm b) {
            ClaimAssertions.assertThat(a.testError()).isSignificantlyLowerThan(b.testError());
        }
    }

    @Cifar
    @Teacher(arch = "cnn-8")
    @Student(arch = "cnn-4")
    @Seeds(2)
    static class StopCurve {
        @Claim(id = "R4", source = "test", statement = "an early-stopped teacher is a better teacher")
        void stops(@Sweep(teacherStopFraction = {0.4, 0.6, 1}) ArmCurve students) {
            ClaimAssertions.assertThat(students.testError()).hasBestPointBeforeTheEnd();
        }
    }

    @Cifar
    @Student(arch = "cnn-4")
    @Seeds(value = 2, perTeacher = 2)
    static class BornAgain {
        @Claim(id = "R1", source = "test", statement = "born-again teachers are not better")
        void bornAgain(@Teacher(arch = "cnn-8", from = {"cnn-8"}) Arm bornAgain, @Teacher(arch = "cnn-8") Arm scratchTeacher) {
            ClaimAssertions.assertThat(bornAgain.testError()).isNotSignificantlyLowerThan(scratchTeacher.testError(), 0.5);
        }
    }

    @Cifar
    @Teacher(arch = "cnn-8")
    @Student(arch = "cnn-4")
    @Seeds(2)
    static class SharedTeachers {
        @Claim(id = "R2", source = "test", statement = "ESKD vs full KD, teachers shared")
        void eskd(@EarlyStopAt(fraction = 0.5) Arm eskd, Arm fullKd) {
            ClaimAssertions.assertThat(eskd.testError()).isSignificantlyLowerThan(fullKd.testError());
        }
    }

    @Cifar
    @Teacher(arch = "cnn-8")
    @Student(arch = "cnn-4")
    @Seeds(value = 2, oneTeacher = true)
    static class OneTeacher {
        @Claim(id = "R3", source = "test", statement = "ESKD vs full KD, one teacher")
        void eskd(@EarlyStopAt(fraction = 0.5) Arm eskd, Arm fullKd) {
            ClaimAssertions.assertThat(eskd.testError()).isSignificantlyLowerThan(fullKd.testError());
        }
    }
}
