package org.kdclaims.experiments.v3.wang2022;

import static org.kdclaims.api.ClaimAssertions.assertThat;

import org.kdclaims.annotations.Cifar;
import org.kdclaims.annotations.Claim;
import org.kdclaims.annotations.ProtocolVersion;
import org.kdclaims.annotations.EarlyStopAt;
import org.kdclaims.annotations.Seeds;
import org.kdclaims.annotations.Student;
import org.kdclaims.annotations.Teacher;
import org.kdclaims.api.Arm;
import org.kdclaims.experiments.v3.FullyTrainedTeachersInThePapersRegime;

/**
 * Wang, Ni, Song, Yang, Tian, Huang and Wang (Chaofei Wang et al.), <i>Efficient Knowledge
 * Distillation from Model Checkpoints</i>, NeurIPS 2022 (arXiv:2210.06458): an intermediate
 * checkpoint, their reference being the one taken half-way through training, often serves as a
 * better teacher than the fully converged model, despite its lower accuracy. No number of theirs
 * is in the stored copies, so none is quoted. Judged on two points of C8's curve (the WRN-16-3
 * teacher stopped at 50 % and fully trained).
 */
@ProtocolVersion(3)
@Cifar
@Student(arch = "wrn-16-1")
@Seeds(value = 3, perTeacher = 2)
@FullyTrainedTeachersInThePapersRegime
class HalfwayCheckpointTeacherTest {

    @Claim(id = "Wang2022-checkpoint", source = "Wang et al. 2022, abstract and Table 1",
            statement = "The WRN-16-3 teacher's half-way checkpoint gives a WRN-16-1 student a lower test error than the "
                    + "fully trained WRN-16-3")
    void theHalfwayCheckpointIsABetterTeacher(
            @Teacher(arch = "wrn-16-3", stopAt = @EarlyStopAt(fraction = 0.5)) Arm fromHalfway,
            @Teacher(arch = "wrn-16-3") Arm fromFullyTrained) {
        assertThat(fromHalfway.testError()).isSignificantlyLowerThan(fromFullyTrained.testError());
    }
}
