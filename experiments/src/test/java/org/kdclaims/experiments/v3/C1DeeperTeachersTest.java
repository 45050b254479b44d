package org.kdclaims.experiments.v3;

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
 * C1 along depth (PAPER.md, Fig. 2 left): as the teacher grows deeper at a fixed width, the
 * student's error first falls, then rises. Teachers WRN-16-4, WRN-28-4 and WRN-40-4 for a WRN-16-1
 * student; the v3 profiles keep their order of depth by a depth fraction instead of a cap.
 */
@ProtocolVersion(3)
@Cifar
@Student(arch = "wrn-16-1")
@Teacher(arch = "wrn-16-4")
@Seeds(value = 3, perTeacher = 2)
@BiggerTeachersInThePapersRegime
class C1DeeperTeachersTest {

    @Claim(id = "C1-depth", source = "Fig. 2 (left)",
            statement = "As the teacher grows from WRN-16-4 to WRN-40-4, the WRN-16-1 student's error falls, then rises: "
                    + "some shallower teacher gives a lower student error than WRN-40-4")
    void deeperTeachersAreNotBetterTeachers(
            @Sweep(teacher = {"wrn-16-4", "wrn-28-4", "wrn-40-4"}) ArmCurve students) {
        assertThat(students.testError()).fallsThenRises();
    }
}
