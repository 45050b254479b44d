package com.example.claims;

import static org.kdclaims.api.ClaimAssertions.assertThat;

import org.kdclaims.annotations.Claim;
import org.kdclaims.annotations.EarlyStopAt;
import org.kdclaims.annotations.ImageFolder;
import org.kdclaims.annotations.Seeds;
import org.kdclaims.annotations.Student;
import org.kdclaims.annotations.Teacher;
import org.kdclaims.api.Arm;

/**
 * Your claim, on your data and your architecture: does early-stopped KD (ESKD) give your student a
 * lower test error than full KD? The data set is the folder the setting {@code kd.shapes} names
 * (src/test/resources/junit-platform.properties; -Dkd.shapes=... or KD_SHAPES=... win).
 */
@ImageFolder("kd.shapes")
@Teacher(arch = "tiny-16")
@Student(arch = "tiny-4")
// One teacher, two students per arm, paired by seed: five small models, so `mvn test` takes about a
// minute. The verdict is conditional on that teacher (the report says so). A claim about how
// teachers are made needs several: @Seeds(3) trains 3 teachers with one student each.
@Seeds(value = 2, oneTeacher = true)
class EarlyStoppedKdOnShapesTest {

    @Claim(id = "S1", source = "our shapes data",
           statement = "Early-stopped KD gives tiny-4 a lower test error than full KD from tiny-16")
    void earlyStoppedKdBeatsFullKd(@EarlyStopAt(fraction = 0.4) Arm eskd, Arm fullKd) {
        assertThat(eskd.testError()).isSignificantlyLowerThan(fullKd.testError());
    }
}
