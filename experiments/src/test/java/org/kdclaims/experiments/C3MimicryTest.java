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
 * C3 (PAPER.md, Table 2): the student cannot mimic a large teacher: its KD error (top-1
 * disagreement with its teacher on the test set) grows with the teacher's size.
 */
@Cifar
@Student(arch = "wrn-16-1")
@Seeds(3)
@TeachersInThePapersRegime
class C3MimicryTest {

    @Claim(id = "C3", source = "Table 2",
            statement = "A WRN-16-1 student disagrees more with a WRN-16-8 teacher than with a WRN-16-3 teacher "
                    + "(KD error on the test set)",
            paper = {
                @PaperValue(label = "fromMedium: KD error, WRN16-1 student of WRN16-3", value = 6.32,
                        unit = "% KD error (test)", note = "Table 2, CIFAR-10"),
                @PaperValue(label = "fromLarge: KD error, WRN16-1 student of WRN16-8", value = 7.01,
                        unit = "% KD error (test)", note = "Table 2, CIFAR-10")
            })
    void studentsMimicLargeTeachersLess(@Teacher(arch = "wrn-16-3") Arm fromMedium,
            @Teacher(arch = "wrn-16-8") Arm fromLarge) {
        assertThat(fromMedium.testKdError()).isSignificantlyLowerThan(fromLarge.testKdError());
    }
}
