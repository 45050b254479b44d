package org.kdclaims.experiments.v3;

import static org.kdclaims.api.ClaimAssertions.assertThat;

import org.kdclaims.annotations.Cifar;
import org.kdclaims.annotations.Claim;
import org.kdclaims.annotations.EarlyStopAt;
import org.kdclaims.annotations.LearningCurve;
import org.kdclaims.annotations.PaperValue;
import org.kdclaims.annotations.ProtocolVersion;
import org.kdclaims.annotations.Scratch;
import org.kdclaims.annotations.Seeds;
import org.kdclaims.annotations.Student;
import org.kdclaims.annotations.Teacher;
import org.kdclaims.api.Arm;

/**
 * C4 (PAPER.md, Fig. 3 and Table 3): full KD helps early in training and hurts late, so
 * early-stopped KD beats full KD. The paper shows it on ImageNet (ResNet18 student of ResNet34);
 * this is its CIFAR-10 analogue with the WideResNet pair of Table 5. Both halves are tested: the
 * crossover of learning curves (Fig. 3; every student evaluated at 10 points of its training) and
 * ESKD against full KD, with KD stopped at 40 % of training (after the first learning-rate decay and
 * before the second, as in the pilot's epoch 10 of 24).
 */
@ProtocolVersion(3)
@Cifar
@Teacher(arch = "wrn-16-3")
@Student(arch = "wrn-16-1")
@Seeds(value = 3, perTeacher = 2)
@LearningCurve(points = 10)
@TeachersInThePapersRegime
class C4EarlyStoppedKdTest {

    @Claim(id = "C4-Fig3", source = "Fig. 3",
            statement = "Full knowledge distillation gives a lower test error than training alone early in training "
                    + "(by 40 % of it) and a higher one at its end: the learning curves cross")
    void fullKdHelpsEarlyAndHurtsLate(Arm fullKd, @Scratch Arm scratch) {
        assertThat(fullKd.testErrorByEpoch()).crossesAbove(scratch.testErrorByEpoch());
    }

    @Claim(id = "C4", source = "Table 3",
            statement = "Early-stopped knowledge distillation (ESKD) gives a lower test error than full KD",
            paper = {
                @PaperValue(label = "fullKd: ResNet18 student of ResNet34, full KD", value = 30.79, note = "ImageNet top-1"),
                @PaperValue(label = "eskd: ResNet18 student of ResNet34, ESKD", value = 29.16, note = "ImageNet top-1")
            })
    void earlyStoppedKdBeatsFullKd(@EarlyStopAt(fraction = 0.4) Arm eskd, Arm fullKd) {
        assertThat(eskd.testError()).isSignificantlyLowerThan(fullKd.testError());
    }
}
