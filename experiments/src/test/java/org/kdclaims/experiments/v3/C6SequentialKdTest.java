package org.kdclaims.experiments.v3;

import static org.kdclaims.api.ClaimAssertions.assertThat;

import org.kdclaims.annotations.Cifar;
import org.kdclaims.annotations.Claim;
import org.kdclaims.annotations.PaperValue;
import org.kdclaims.annotations.ProtocolVersion;
import org.kdclaims.annotations.Seeds;
import org.kdclaims.annotations.Student;
import org.kdclaims.annotations.Teacher;
import org.kdclaims.api.Arm;

/**
 * C6 (PAPER.md, Table 6): sequential KD through a medium model does not help: WRN16-8 -> WRN16-3
 * -> WRN16-1 is not better than WRN16-3 -> WRN16-1.
 */
@ProtocolVersion(3)
@Cifar
@Student(arch = "wrn-16-1")
@Seeds(min = 3, max = 8, step = 2, perTeacher = 2)
@TeachersInThePapersRegime
class C6SequentialKdTest {

    @Claim(id = "C6", source = "Table 6",
            statement = "Distilling WRN-16-1 from a WRN-16-3 that was itself distilled from WRN-16-8 is not better "
                    + "than distilling it from a WRN-16-3 trained from scratch",
            paper = {
                @PaperValue(label = "largeMediumSmall: WRN16-8 -> WRN16-3 -> WRN16-1", value = 8.04,
                        note = "Table 6, CIFAR-10 (7.99 +- 0.24)"),
                @PaperValue(label = "mediumSmall: WRN16-3 -> WRN16-1", value = 7.614,
                        note = "Table 6, CIFAR-10 (7.68 +- 0.26)")
            })
    void sequentialKdThroughAMediumModelDoesNotHelp(
            @Teacher(arch = "wrn-16-3", from = {"wrn-16-8"}) Arm largeMediumSmall,
            @Teacher(arch = "wrn-16-3") Arm mediumSmall) {
        assertThat(largeMediumSmall.testError())
                .isNotSignificantlyLowerThan(mediumSmall.testError(), Protocol.NOT_BETTER_MARGIN);
    }
}
