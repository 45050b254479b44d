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
 * C5 (PAPER.md, Table 5): repeated ("born again") KD does not make better teachers. The paper
 * distils WRN16-3 into itself 5 times; this test uses 2 generations (EXPERIMENTS.md: budget).
 */
@ProtocolVersion(3)
@Cifar
@Student(arch = "wrn-16-1")
@Seeds(value = 3, perTeacher = 2)
@TeachersInThePapersRegime
class C5BornAgainTest {

    @Claim(id = "C5", source = "Table 5",
            statement = "A WRN-16-3 teacher distilled into itself repeatedly is not a better teacher for WRN-16-1 "
                    + "than a WRN-16-3 trained from scratch",
            paper = {
                @PaperValue(label = "fromBornAgain: student of WRN16-3 after 5 KD iterations", value = 7.79,
                        note = "Table 5, CIFAR-10 (mean of runs 7.67 +- 0.19)"),
                @PaperValue(label = "fromScratchTeacher: student of WRN16-3 from scratch", value = 7.61,
                        note = "Table 5, CIFAR-10 (mean of runs 7.68 +- 0.259)")
            })
    void bornAgainTeachersAreNotBetter(@Teacher(arch = "wrn-16-3", from = {"wrn-16-3", "wrn-16-3"}) Arm fromBornAgain,
            @Teacher(arch = "wrn-16-3") Arm fromScratchTeacher) {
        assertThat(fromBornAgain.testError())
                .isNotSignificantlyLowerThan(fromScratchTeacher.testError(), Protocol.NOT_BETTER_MARGIN);
    }
}
