package org.kdclaims.experiments;

import static org.kdclaims.api.ClaimAssertions.assertThat;

import org.kdclaims.annotations.Cifar;
import org.kdclaims.annotations.Claim;
import org.kdclaims.annotations.PaperValue;
import org.kdclaims.annotations.Seeds;
import org.kdclaims.annotations.Student;
import org.kdclaims.annotations.Teacher;
import org.kdclaims.api.Arm;

/**
 * C1 (PAPER.md, Fig. 2 and Table 1): bigger, more accurate teachers are not better teachers. On
 * CIFAR-10 the paper's WRN16-1 student learns better from WRN16-3 than from WRN16-8 (Table 6:
 * 7.61 vs 7.98 % error); Table 1 shows the same on ImageNet.
 */
@Cifar
@Student(arch = "wrn-16-1")
@Seeds(3)
@TeachersInThePapersRegime
class C1BiggerTeachersTest {

    @Claim(id = "C1", source = "Fig. 2, Table 1",
            statement = "A larger, more accurate teacher does not give a better student: the WRN-16-1 student of "
                    + "WRN-16-8 is not better than the student of WRN-16-3",
            paper = {
                @PaperValue(label = "fromLarge: WRN16-1 student of WRN16-8", value = 7.98, note = "Table 6, CIFAR-10"),
                @PaperValue(label = "fromMedium: WRN16-1 student of WRN16-3", value = 7.61, note = "Table 6, CIFAR-10")
            })
    void largerTeacherIsNotABetterTeacher(@Teacher(arch = "wrn-16-8") Arm fromLarge,
            @Teacher(arch = "wrn-16-3") Arm fromMedium) {
        assertThat(fromLarge.testError()).isNotSignificantlyLowerThan(fromMedium.testError(), Protocol.NOT_BETTER_MARGIN);
    }
}
