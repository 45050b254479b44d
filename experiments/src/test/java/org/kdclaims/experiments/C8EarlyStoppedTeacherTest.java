package org.kdclaims.experiments;

import static org.kdclaims.api.ClaimAssertions.assertThat;

import org.kdclaims.annotations.Cifar;
import org.kdclaims.annotations.Claim;
import org.kdclaims.annotations.EarlyStopAt;
import org.kdclaims.annotations.Seeds;
import org.kdclaims.annotations.Student;
import org.kdclaims.annotations.Teacher;
import org.kdclaims.api.Arm;

/**
 * C8 (PAPER.md, Fig. 4-6): early-stopped teachers make better teachers. The paper finds the sweet
 * spot at 1/4 to 1/3 of the teacher's training; the stop point here, 30 % (just before the first
 * learning-rate decay), was fixed before any run.
 */
@Cifar
@Student(arch = "wrn-16-1")
@Seeds(3)
@TeachersInThePapersRegime
class C8EarlyStoppedTeacherTest {

    @Claim(id = "C8", source = "Fig. 4, Fig. 5",
            statement = "A WRN-16-8 teacher stopped at 30 % of its training gives a WRN-16-1 student a lower test "
                    + "error than the fully trained WRN-16-8")
    void earlyStoppedTeachersAreBetterTeachers(
            @Teacher(arch = "wrn-16-8", stopAt = @EarlyStopAt(fraction = 0.3)) Arm fromEarlyStopped,
            @Teacher(arch = "wrn-16-8") Arm fromFullyTrained) {
        assertThat(fromEarlyStopped.testError()).isSignificantlyLowerThan(fromFullyTrained.testError());
    }
}
