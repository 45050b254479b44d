package org.kdclaims.experiments.v3;

import static org.kdclaims.api.ClaimAssertions.assertThat;

import org.kdclaims.annotations.Cifar;
import org.kdclaims.annotations.Claim;
import org.kdclaims.annotations.PaperValue;
import org.kdclaims.annotations.ProtocolVersion;
import org.kdclaims.annotations.Seeds;
import org.kdclaims.annotations.Student;
import org.kdclaims.annotations.Sweep;
import org.kdclaims.annotations.Teacher;
import org.kdclaims.api.ArmCurve;

/**
 * C1 (PAPER.md, Fig. 2 right and Table 1): bigger, more accurate teachers are not better teachers.
 * As the teacher grows from 3x the student's width to 8x, the student's error first falls, then
 * rises (the sweep starts at 3x: at v3's scale the 2x teacher does not fit its training set); Table 6 gives WRN16-1 students of WRN16-3 and WRN16-8 at 7.61 and 7.98 %. Protocol v3
 * replicates the teachers and requires that they grow more accurate with size.
 */
@ProtocolVersion(3)
@Cifar
@Student(arch = "wrn-16-1")
@Teacher(arch = "wrn-16-3")
@Seeds(value = 3, perTeacher = 2)
@BiggerTeachersInThePapersRegime
class C1BiggerTeachersTest {

    @Claim(id = "C1", source = "Fig. 2, Table 1",
            statement = "As the teacher grows from WRN-16-3 to WRN-16-8, the WRN-16-1 student's error falls, then rises: "
                    + "some smaller teacher gives a lower student error than WRN-16-8",
            paper = {
                @PaperValue(label = "wrn-16-3: WRN16-1 student of WRN16-3", value = 7.61, note = "Table 6, CIFAR-10"),
                @PaperValue(label = "wrn-16-8: WRN16-1 student of WRN16-8", value = 7.98, note = "Table 6, CIFAR-10")
            })
    void largerTeachersAreNotBetterTeachers(
            @Sweep(teacher = {"wrn-16-3", "wrn-16-4", "wrn-16-8"}) ArmCurve students) {
        assertThat(students.testError()).fallsThenRises();
    }
}
