package org.kdclaims.experiments.v2;

import static org.kdclaims.api.ClaimAssertions.assertThat;

import org.kdclaims.annotations.Cifar;
import org.kdclaims.annotations.Claim;
import org.kdclaims.annotations.ProtocolVersion;
import org.kdclaims.annotations.Seeds;
import org.kdclaims.annotations.Student;
import org.kdclaims.annotations.Sweep;
import org.kdclaims.annotations.Teacher;
import org.kdclaims.api.ArmCurve;

/**
 * C8 (PAPER.md, Fig. 4-6): early-stopped teachers make better teachers. As Fig. 4, the student's
 * error against the epoch at which its teacher was stopped, judged as one curve: some early stop
 * beats the fully trained teacher (stop 1.0). Stops fixed in protocol v2 (EXPERIMENTS.md).
 */
@ProtocolVersion(2)
@Cifar
@Student(arch = "wrn-16-1")
@Teacher(arch = "wrn-16-2")
@Seeds(value = 3, oneTeacher = true)
@FullyTrainedTeachersInThePapersRegime
class C8EarlyStoppedTeacherTest {

    @Claim(id = "C8", source = "Fig. 4, Fig. 5",
            statement = "Some early stop of a WRN-16-2 teacher (15, 30, 50 or 70 % of its training) gives a WRN-16-1 "
                    + "student a lower test error than the fully trained WRN-16-2")
    void earlyStoppedTeachersAreBetterTeachers(
            @Sweep(teacherStopFraction = {0.15, 0.3, 0.5, 0.7, 1.0}) ArmCurve students) {
        assertThat(students.testError()).hasBestPointBeforeTheEnd();
    }
}
