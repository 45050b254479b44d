package org.kdclaims.experiments.v3;

import static org.kdclaims.api.ClaimAssertions.assertThat;

import org.kdclaims.annotations.AttentionTransfer;
import org.kdclaims.annotations.Cifar;
import org.kdclaims.annotations.Claim;
import org.kdclaims.annotations.ProtocolVersion;
import org.kdclaims.annotations.Seeds;
import org.kdclaims.annotations.Student;
import org.kdclaims.annotations.Sweep;
import org.kdclaims.annotations.Teacher;
import org.kdclaims.api.ArmCurve;

/**
 * C9 (PAPER.md, Sec. 5): early-stopped teachers also help attention transfer. C8's curve of
 * teacher stops, with attention transfer (beta 1000, the three group outputs) added to KD.
 */
@ProtocolVersion(3)
@Cifar
@Student(arch = "wrn-16-1")
@Teacher(arch = "wrn-16-3")
@AttentionTransfer
@Seeds(value = 3, perTeacher = 2)
@FullyTrainedTeachersInThePapersRegime
class C9AttentionTransferTest {

    @Claim(id = "C9", source = "Sec. 5, text beside Fig. 4",
            statement = "With attention transfer, some early stop of a WRN-16-3 teacher (35, 50 or 70 % of its "
                    + "training) gives a WRN-16-1 student a lower test error than the fully trained WRN-16-3")
    void earlyStoppedTeachersAlsoHelpAttentionTransfer(
            @Sweep(teacherStopFraction = {0.35, 0.5, 0.7, 1.0}) ArmCurve students) {
        assertThat(students.testError()).hasBestPointBeforeTheEnd();
    }
}
