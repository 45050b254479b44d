package org.kdclaims.experiments.v3.mirzadeh2020;

import static org.kdclaims.api.ClaimAssertions.assertThat;

import org.kdclaims.annotations.Cifar;
import org.kdclaims.annotations.Claim;
import org.kdclaims.annotations.PaperValue;
import org.kdclaims.annotations.ProtocolVersion;
import org.kdclaims.annotations.Seeds;
import org.kdclaims.annotations.Student;
import org.kdclaims.annotations.Teacher;
import org.kdclaims.api.Arm;
import org.kdclaims.experiments.v3.TeachersInThePapersRegime;

/**
 * Mirzadeh, Farajtabar, Li, Levine, Matsukawa and Ghasemzadeh, <i>Improved Knowledge Distillation
 * via Teacher Assistant</i>, AAAI 2020 (arXiv:1902.03393): when the gap between teacher and student
 * is large, a mid-size teacher assistant (TA) distilled from the teacher and then teaching the
 * student beats distilling the student from the teacher directly (Table 1, TAKD vs BLKD). It partly
 * contradicts Cho and Hariharan's C6. The TA here is C6's medium model, WRN-16-3 distilled from
 * WRN-16-8, so the two claims are judged on the same models. Numbers: EXPERIMENTS.md, "Claims from
 * the literature".
 */
@ProtocolVersion(3)
@Cifar
@Student(arch = "wrn-16-1")
@Seeds(min = 3, max = 8, step = 2, perTeacher = 2)
@TeachersInThePapersRegime
class TeacherAssistantTest {

    @Claim(id = "Mirzadeh2020-TA", source = "Mirzadeh et al. 2020, Table 1",
            statement = "A WRN-16-1 student distilled from a WRN-16-3 teacher assistant (itself distilled from WRN-16-8) "
                    + "has a lower test error than a WRN-16-1 student distilled from WRN-16-8 directly",
            paper = {
                @PaperValue(label = "viaAssistant: ResNet8 student via a ResNet TA of ResNet110 (TAKD)", value = 11.02,
                        note = "Table 1, CIFAR-10: 88.98 % accuracy, best of 120 hyper-parameter trials"),
                @PaperValue(label = "direct: ResNet8 student of ResNet110 (BLKD)", value = 11.35,
                        note = "Table 1, CIFAR-10: 88.65 % accuracy, best of 120 hyper-parameter trials")
            })
    void aTeacherAssistantHelpsASmallStudentOfALargeTeacher(@Teacher(arch = "wrn-16-3", from = {"wrn-16-8"}) Arm viaAssistant,
            @Teacher(arch = "wrn-16-8") Arm direct) {
        assertThat(viaAssistant.testError()).isSignificantlyLowerThan(direct.testError());
    }
}
