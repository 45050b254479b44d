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
 * C3 (PAPER.md, Table 2): the student cannot mimic a large teacher: its KD error (top-1
 * disagreement with its teacher on the test set) grows with the teacher's size. Judged on C1's
 * students of WRN-16-3 to WRN-16-8 as a slope, as Table 2 starts at WRN16-3.
 */
@ProtocolVersion(3)
@Cifar
@Student(arch = "wrn-16-1")
@Teacher(arch = "wrn-16-3")
@Seeds(value = 3, perTeacher = 2)
@BiggerTeachersInThePapersRegime
class C3MimicryTest {

    @Claim(id = "C3", source = "Table 2",
            statement = "A WRN-16-1 student's KD error on the test set grows with its teacher's width, WRN-16-3 to WRN-16-8",
            paper = {
                @PaperValue(label = "wrn-16-3: KD error, WRN16-1 student of WRN16-3", value = 6.32,
                        unit = "% KD error (test)", note = "Table 2, CIFAR-10"),
                @PaperValue(label = "wrn-16-4: KD error, WRN16-1 student of WRN16-4", value = 6.52,
                        unit = "% KD error (test)", note = "Table 2, CIFAR-10"),
                @PaperValue(label = "wrn-16-8: KD error, WRN16-1 student of WRN16-8", value = 7.01,
                        unit = "% KD error (test)", note = "Table 2, CIFAR-10")
            })
    void studentsMimicLargeTeachersLess(
            @Sweep(teacher = {"wrn-16-3", "wrn-16-4", "wrn-16-8"}) ArmCurve students) {
        assertThat(students.testKdError()).increases();
    }
}
