package org.kdclaims.experiments;

import static org.kdclaims.api.ClaimAssertions.assertThat;

import org.kdclaims.annotations.AttentionTransfer;
import org.kdclaims.annotations.Cifar;
import org.kdclaims.annotations.Claim;
import org.kdclaims.annotations.EarlyStopAt;
import org.kdclaims.annotations.Seeds;
import org.kdclaims.annotations.Student;
import org.kdclaims.annotations.Teacher;
import org.kdclaims.api.Arm;

/**
 * C9 (PAPER.md): early-stopped teachers also help attention transfer. The C8 comparison with the
 * student mimicking the teacher's attention maps at the three group outputs as well as its logits
 * (Zagoruyko and Komodakis' AT, beta = 1000). Same teacher, stop point (30 %) and seeds as C8, so the
 * teachers come from the store; PAPER.md gives no number for this claim.
 */
@Cifar
@Student(arch = "wrn-16-1")
@AttentionTransfer
@Seeds(3)
@TeachersInThePapersRegime
class C9AttentionTransferTest {

    @Claim(id = "C9", source = "Sec. 5, text beside Fig. 4",
            statement = "With attention transfer, a WRN-16-8 teacher stopped at 30 % of its training gives a "
                    + "WRN-16-1 student a lower test error than the fully trained WRN-16-8")
    void earlyStoppedTeachersAlsoHelpAttentionTransfer(
            @Teacher(arch = "wrn-16-8", stopAt = @EarlyStopAt(fraction = 0.3)) Arm fromEarlyStopped,
            @Teacher(arch = "wrn-16-8") Arm fromFullyTrained) {
        assertThat(fromEarlyStopped.testError()).isSignificantlyLowerThan(fromFullyTrained.testError());
    }
}
