package org.kdclaims.experiments.v3;

import static org.kdclaims.api.ClaimAssertions.assertThat;

import org.kdclaims.annotations.Cifar;
import org.kdclaims.annotations.Claim;
import org.kdclaims.annotations.ProtocolVersion;
import org.kdclaims.annotations.Distill;
import org.kdclaims.annotations.Seeds;
import org.kdclaims.annotations.Student;
import org.kdclaims.annotations.Sweep;
import org.kdclaims.annotations.Teacher;
import org.kdclaims.api.ArmCurve;

/**
 * C2 (PAPER.md): raising the temperature does not fix C1. C1's curve of teachers, distilled at
 * tau = 10 instead of 4, still falls and then rises.
 */
@ProtocolVersion(3)
@Cifar
@Student(arch = "wrn-16-1")
@Teacher(arch = "wrn-16-3")
@Seeds(value = 3, perTeacher = 2)
@BiggerTeachersInThePapersRegime
class C2TemperatureTest {

    @Claim(id = "C2", source = "Sec. 4 (temperature)",
            statement = "At a higher temperature (tau = 10) the WRN-16-1 student's error still falls, then rises as the "
                    + "teacher grows from WRN-16-3 to WRN-16-8")
    @Distill(tau = 10)
    void higherTemperatureDoesNotFixLargeTeachers(
            @Sweep(teacher = {"wrn-16-3", "wrn-16-4", "wrn-16-8"}) ArmCurve students) {
        assertThat(students.testError()).fallsThenRises();
    }
}
