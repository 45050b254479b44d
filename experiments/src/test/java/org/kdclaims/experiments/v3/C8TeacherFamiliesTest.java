package org.kdclaims.experiments.v3;

import static org.kdclaims.api.ClaimAssertions.assertThat;

import org.kdclaims.annotations.Cifar;
import org.kdclaims.annotations.Claim;
import org.kdclaims.annotations.EarlyStopAt;
import org.kdclaims.annotations.ProtocolVersion;
import org.kdclaims.annotations.Seeds;
import org.kdclaims.annotations.Student;
import org.kdclaims.annotations.Sweep;
import org.kdclaims.annotations.Teacher;
import org.kdclaims.api.Arm;

/**
 * C8 across teacher families (PAPER.md, Fig. 5): students of early-stopped teachers beat students
 * of fully trained teachers in every configuration, for WideResNet and DenseNet teachers alike.
 * One verdict per family: a WideResNet (WRN-16-4) and a ResNet (ResNet-18, CIFAR stem), each
 * stopped at {@link Protocol#FIG5_STOP} of its training against the same teacher trained to the end.
 */
@ProtocolVersion(3)
@Cifar
@Student(arch = "wrn-16-1")
@Seeds(value = 3, perTeacher = 2)
@FullyTrainedTeachersInThePapersRegime
class C8TeacherFamiliesTest {

    @Claim(id = "C8-Fig5", source = "Fig. 5",
            statement = "In each teacher family, a teacher stopped after 35 % of its training gives a WRN-16-1 student a "
                    + "lower test error than the same teacher trained to the end")
    @Sweep(teacher = {"wrn-16-4", "resnet-18"})
    void earlyStoppedTeachersAreBetterInEveryFamily(
            @Teacher(arch = "wrn-16-4", stopAt = @EarlyStopAt(fraction = Protocol.FIG5_STOP)) Arm fromEarlyStopped,
            @Teacher(arch = "wrn-16-4") Arm fromFullyTrained) {
        assertThat(fromEarlyStopped.testError()).isSignificantlyLowerThan(fromFullyTrained.testError());
    }
}
