package org.kdclaims.experiments;

import static org.kdclaims.api.ClaimAssertions.assertThat;

import org.kdclaims.annotations.Cifar;
import org.kdclaims.annotations.Claim;
import org.kdclaims.annotations.Seeds;
import org.kdclaims.annotations.Student;
import org.kdclaims.annotations.Sweep;
import org.kdclaims.annotations.Teacher;
import org.kdclaims.api.Arm;

/**
 * C2 (PAPER.md): raising the temperature does not fix C1. At higher temperatures the student of
 * the larger teacher is still not better than the student of the medium one.
 */
@Cifar
@Student(arch = "wrn-16-1")
@Seeds(3)
@TeachersInThePapersRegime
class C2TemperatureTest {

    @Claim(id = "C2", source = "Sec. 4 (temperature)",
            statement = "Raising the KD temperature does not make the larger teacher (WRN-16-8) a better teacher "
                    + "than the medium one (WRN-16-3)")
    @Sweep(tau = {10, 20})
    void higherTemperatureDoesNotFixLargeTeachers(@Teacher(arch = "wrn-16-8") Arm fromLarge,
            @Teacher(arch = "wrn-16-3") Arm fromMedium) {
        assertThat(fromLarge.testError()).isNotSignificantlyLowerThan(fromMedium.testError(), Protocol.NOT_BETTER_MARGIN);
    }
}
