package org.kdclaims.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.kdclaims.annotations.Cifar;
import org.kdclaims.annotations.Claim;
import org.kdclaims.annotations.EarlyStopAt;
import org.kdclaims.annotations.Ensemble;
import org.kdclaims.annotations.Premise;
import org.kdclaims.annotations.Premises;
import org.kdclaims.annotations.Scratch;
import org.kdclaims.annotations.Seeds;
import org.kdclaims.annotations.Student;
import org.kdclaims.annotations.Sweep;
import org.kdclaims.annotations.Teacher;
import org.kdclaims.api.Arm;
import org.kdclaims.api.ArmCurve;

/** Impossible claim configurations fail before anything trains, naming the annotation and the fix. */
class ClaimValidationTest {

    @Test
    void zeroSeeds() {
        assertConfigError(ZeroSeeds.class, "@Seeds(0)");
    }

    @Test
    void aClaimAboutTeachersOnOneTeacherMustSaySo() {
        assertConfigError(OneTeacherByAccident.class, "@Seeds(value = 3, oneTeacher = true)");
    }

    @Test
    void replicationDesignsThatCannotBe() {
        assertConfigError(OneTeacherWithoutTeachers.class, "but no arm has a teacher");
        assertConfigError(StudentsPerTeacherWithoutTeachers.class, "but no arm has a teacher");
        assertConfigError(OneTeacherWithStudentsPerTeacher.class, "@Seeds(value = n, oneTeacher = true)");
        assertConfigError(NoStudentPerTeacher.class, "a teacher needs at least one student");
    }

    @Test
    void unknownArchitecture() {
        assertConfigError(UnknownArch.class, "unknown architecture 'vgg-11'");
        // the test class path registers two families (test resources' META-INF/services)
        assertConfigError(UnknownArch.class, "registered families: brokentest (");
    }

    @Test
    void stopEpochBeyondTraining() {
        assertConfigError(StopBeyondTraining.class, "@EarlyStopAt(epoch = 300)");
    }

    @Test
    void noDataSet() {
        assertConfigError(NoDataSet.class, "@Cifar, @FashionMnist or @ImageFolder");
    }

    @Test
    void distilledArmWithoutTeacher() {
        assertConfigError(NoTeacher.class, "no @Teacher");
    }

    @Test
    void scratchArmCannotStopKd() {
        assertConfigError(ScratchWithStop.class, "@Scratch and @EarlyStopAt");
    }

    @Test
    void sweepWithNoPoints() {
        assertConfigError(EmptySweep.class, "@Sweep with no points");
    }

    @Test
    void teacherStopBeyondItsTraining() {
        assertConfigError(TeacherStopTooLate.class, "@EarlyStopAt(epoch = 500)");
    }

    @Test
    void attentionTransferBetweenMismatchedArchitectures() {
        assertConfigError(AttentionMismatch.class, "attention transfer from resnet-18 to wrn-16-1");
    }

    @Test
    void aCurveNeedsThreePoints() {
        assertConfigError(TwoPointCurve.class, "curve 'students' has 2 point(s): a curve needs at least 3");
    }

    @Test
    void aLearningCurveNeedsTwoPoints() {
        assertConfigError(OnePointLearningCurve.class,
                "@LearningCurve(points = 1): a learning curve needs at least 2 evaluations");
    }

    @Test
    void aCurveNeedsASweep() {
        assertConfigError(CurveWithoutSweep.class, "curve 'students' has no @Sweep");
    }

    @Test
    void aSweptArmMustBeACurve() {
        assertConfigError(SweptArm.class, "declare it as ArmCurve kd");
    }

    @Test
    void methodSweepAndCurveDoNotMix() {
        assertConfigError(MethodSweepAndCurve.class, "not both");
    }

    @Test
    void aCurveOfScratchArmsCannotBeSwept() {
        assertConfigError(ScratchCurve.class, "only distilled arms can be swept");
    }

    @Test
    void aStopPremiseNeedsAStoppedTeacher() {
        assertConfigError(StopPremiseWithoutStop.class, "STOPPED_TEACHER_PAST_FIRST_DECAY but no teacher is stopped");
    }

    @Test
    void premisesNeedATeacher() {
        assertConfigError(PremisesWithoutTeacher.class, "no arm has a teacher");
    }

    @Test
    void oneBadClaimStopsItsClassBeforeAnyTraining() {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(OneGoodOneBad.class)).execute()
                .testEvents();
        // the class fails in beforeAll, so neither claim starts
        assertThat(tests.started().count()).isZero();
    }

    /** A provider's invalid graph is found while the suite is planned, before any model trains. */
    @Test
    void aProviderThatBuildsAnInvalidGraphFailsItsClaimsBeforeAnyTraining() {
        RecordedClaimEvents.clear();
        Events all = TinyScale.engine().selectors(selectClass(BrokenProvider.class)).execute().allEvents();
        all.assertThatEvents().haveAtLeastOne(event(finishedWithFailure(message(m -> m.contains("brokentest")
                && m.contains("add of a") && m.contains("fix its build()")))));
        assertThat(all.started().stream().filter(e -> e.getTestDescriptor().isTest()).count()).isZero();
        assertThat(RecordedClaimEvents.heard()).noneMatch(h -> h.event().startsWith("modelTrained"));
    }

    private static Events run(Class<?> c) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(c)).execute().allEvents();
    }

    private static void assertConfigError(Class<?> c, String text) {
        run(c).assertThatEvents().haveAtLeastOne(event(finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class), message(m -> m.contains(text)))));
    }

    @Cifar
    @Student(arch = "cnn-4")
    @Teacher(arch = "cnn-8")
    @Seeds(value = 2, oneTeacher = true)
    @org.kdclaims.annotations.LearningCurve(points = 1)
    static class OnePointLearningCurve {
        @Claim(id = "X", source = "none", statement = "s")
        void claim(Arm kd, @Scratch Arm scratch) {
        }
    }

    @Cifar
    @Student(arch = "cnn-4")
    @Teacher(arch = "cnn-8")
    @Seeds(0)
    static class ZeroSeeds {
        @Claim(id = "X", source = "none", statement = "s")
        void claim(Arm kd) {
        }
    }

    @Cifar
    @Student(arch = "cnn-4")
    @Teacher(arch = "brokentest")
    @Seeds(value = 2, oneTeacher = true)
    static class BrokenProvider {
        @Claim(id = "X", source = "none", statement = "s")
        void claim(Arm kd, @Scratch Arm scratch) {
        }
    }

    @Cifar
    @Student(arch = "cnn-4")
    @Teacher(arch = "cnn-8")
    @Seeds(1)
    static class OneTeacherByAccident {
        @Claim(id = "X", source = "none", statement = "s")
        void claim(Arm kd) {
        }
    }

    @Cifar
    @Student(arch = "cnn-4")
    @Seeds(value = 2, oneTeacher = true)
    static class OneTeacherWithoutTeachers {
        @Claim(id = "X", source = "none", statement = "s")
        void claim(@Scratch Arm a, @Scratch Arm b) {
        }
    }

    @Cifar
    @Student(arch = "cnn-4")
    @Seeds(value = 2, perTeacher = 2)
    static class StudentsPerTeacherWithoutTeachers {
        @Claim(id = "X", source = "none", statement = "s")
        void claim(@Scratch Arm a, @Scratch Arm b) {
        }
    }

    @Cifar
    @Student(arch = "cnn-4")
    @Teacher(arch = "cnn-8")
    @Seeds(value = 2, perTeacher = 2, oneTeacher = true)
    static class OneTeacherWithStudentsPerTeacher {
        @Claim(id = "X", source = "none", statement = "s")
        void claim(Arm kd) {
        }
    }

    @Cifar
    @Student(arch = "cnn-4")
    @Teacher(arch = "cnn-8")
    @Seeds(value = 2, perTeacher = 0)
    static class NoStudentPerTeacher {
        @Claim(id = "X", source = "none", statement = "s")
        void claim(Arm kd) {
        }
    }

    @Cifar
    @Student(arch = "cnn-4")
    @Teacher(arch = "vgg-11")
    @Seeds(2)
    static class UnknownArch {
        @Claim(id = "X", source = "none", statement = "s")
        void claim(Arm kd) {
        }
    }

    @Cifar
    @Student(arch = "wrn-16-1")
    @Teacher(arch = "resnet-18")
    @org.kdclaims.annotations.AttentionTransfer
    @Seeds(2)
    static class AttentionMismatch {
        @Claim(id = "X", source = "none", statement = "s")
        void claim(Arm at) {
        }
    }

    @Cifar
    @Student(arch = "cnn-4")
    @Teacher(arch = "cnn-8")
    @Seeds(2)
    static class StopBeyondTraining {
        @Claim(id = "X", source = "none", statement = "s")
        void claim(@EarlyStopAt(epoch = 300) Arm eskd) {
        }
    }

    @Student(arch = "cnn-4")
    @Teacher(arch = "cnn-8")
    @Seeds(2)
    static class NoDataSet {
        @Claim(id = "X", source = "none", statement = "s")
        void claim(Arm kd) {
        }
    }

    @Cifar
    @Student(arch = "cnn-4")
    @Seeds(2)
    static class NoTeacher {
        @Claim(id = "X", source = "none", statement = "s")
        void claim(Arm kd) {
        }
    }

    @Cifar
    @Student(arch = "cnn-4")
    @Seeds(2)
    static class ScratchWithStop {
        @Claim(id = "X", source = "none", statement = "s")
        void claim(@Scratch @EarlyStopAt(fraction = 0.5) Arm a) {
        }
    }

    @Cifar
    @Student(arch = "cnn-4")
    @Teacher(arch = "cnn-8")
    @Seeds(2)
    static class EmptySweep {
        @Claim(id = "X", source = "none", statement = "s")
        @Sweep
        void claim(Arm kd) {
        }
    }

    @Cifar
    @Student(arch = "cnn-4")
    @Teacher(arch = "cnn-8", stopAt = @EarlyStopAt(epoch = 500))
    @Seeds(2)
    static class TeacherStopTooLate {
        @Claim(id = "X", source = "none", statement = "s")
        void claim(Arm kd) {
        }
    }

    @Cifar
    @Student(arch = "cnn-4")
    @Teacher(arch = "cnn-8")
    @Seeds(2)
    static class OneGoodOneBad {
        @Claim(id = "X", source = "none", statement = "s")
        void good(Arm kd) {
        }

        @Claim(id = "Y", source = "none", statement = "s")
        void bad(@EarlyStopAt(fraction = 2) Arm eskd) {
        }
    }

    @Cifar
    @Student(arch = "cnn-4")
    @Teacher(arch = "cnn-8")
    @Seeds(2)
    static class TwoPointCurve {
        @Claim(id = "X", source = "none", statement = "s")
        void claim(@Sweep(teacher = {"cnn-8", "cnn-16"}) ArmCurve students) {
        }
    }

    @Cifar
    @Student(arch = "cnn-4")
    @Teacher(arch = "cnn-8")
    @Seeds(2)
    static class CurveWithoutSweep {
        @Claim(id = "X", source = "none", statement = "s")
        void claim(ArmCurve students) {
        }
    }

    @Cifar
    @Student(arch = "cnn-4")
    @Teacher(arch = "cnn-8")
    @Seeds(2)
    static class SweptArm {
        @Claim(id = "X", source = "none", statement = "s")
        void claim(@Sweep(tau = {2, 4, 8}) Arm kd) {
        }
    }

    @Cifar
    @Student(arch = "cnn-4")
    @Teacher(arch = "cnn-8")
    @Seeds(2)
    static class MethodSweepAndCurve {
        @Claim(id = "X", source = "none", statement = "s")
        @Sweep(tau = {2, 4})
        void claim(@Sweep(teacher = {"cnn-4", "cnn-8", "cnn-16"}) ArmCurve students) {
        }
    }

    @Cifar
    @Student(arch = "cnn-4")
    @Seeds(2)
    static class ScratchCurve {
        @Claim(id = "X", source = "none", statement = "s")
        void claim(@Scratch @Sweep(tau = {2, 4, 8}) ArmCurve students) {
        }
    }

    @Cifar
    @Student(arch = "cnn-4")
    @Teacher(arch = "cnn-8")
    @Seeds(2)
    @Premises(Premise.STOPPED_TEACHER_PAST_FIRST_DECAY)
    static class StopPremiseWithoutStop {
        @Claim(id = "X", source = "none", statement = "s")
        void claim(Arm kd) {
        }
    }

    @Cifar
    @Student(arch = "cnn-4")
    @Seeds(2)
    @Premises(Premise.TEACHERS_BEAT_SCRATCH)
    static class PremisesWithoutTeacher {
        @Claim(id = "X", source = "none", statement = "s")
        void claim(@Scratch Arm a, @Ensemble(2) Arm b) {
        }
    }
}
