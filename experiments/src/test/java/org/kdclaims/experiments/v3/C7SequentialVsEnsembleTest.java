package org.kdclaims.experiments.v3;

import static org.kdclaims.api.ClaimAssertions.assertThat;

import org.kdclaims.annotations.Cifar;
import org.kdclaims.annotations.Claim;
import org.kdclaims.annotations.ProtocolVersion;
import org.kdclaims.annotations.Ensemble;
import org.kdclaims.annotations.Scratch;
import org.kdclaims.annotations.Seeds;
import org.kdclaims.annotations.Student;
import org.kdclaims.annotations.Teacher;
import org.kdclaims.api.Arm;

/**
 * C7 (PAPER.md): a sequentially distilled model is better than one model, but worse than an
 * ensemble of the same number of independently trained models. Here the sequence is three
 * WRN-16-1 generations (scratch -> KD -> KD), against one WRN-16-1 and an ensemble of three.
 */
@ProtocolVersion(3)
@Cifar
@Student(arch = "wrn-16-1")
@Seeds(value = 3, perTeacher = 2)
class C7SequentialVsEnsembleTest {

    @Claim(id = "C7", source = "Sec. 5 (sequential KD)",
            statement = "A WRN-16-1 distilled through two earlier WRN-16-1 generations beats one WRN-16-1 trained "
                    + "from scratch")
    void sequentialBeatsOneModel(@Teacher(arch = "wrn-16-1", from = {"wrn-16-1"}) Arm sequential,
            @Scratch Arm single) {
        assertThat(sequential.testError()).isSignificantlyLowerThan(single.testError());
    }

    @Claim(id = "C7", source = "Sec. 5 (sequential KD)",
            statement = "An ensemble of three independently trained WRN-16-1 beats a WRN-16-1 distilled through two "
                    + "earlier generations (three models in all)")
    void ensembleBeatsSequential(@Ensemble(3) Arm ensemble,
            @Teacher(arch = "wrn-16-1", from = {"wrn-16-1"}) Arm sequential) {
        assertThat(ensemble.testError()).isSignificantlyLowerThan(sequential.testError());
    }
}
