package org.kdclaims.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kdclaims.models.Architectures;

class ScaleProfileTest {
    @Test
    void paperScaleIsTheProtocol() {
        ScaleProfile p = ScaleProfile.paper();
        assertThat(p.epochs(200)).isEqualTo(200);
        assertThat(p.scale(Architectures.parse("wrn-28-10")).name()).isEqualTo("wrn-28-10");
        assertThat(p.seeds(5)).isEqualTo(5);
    }

    @Test
    void smokeShrinksButKeepsTheTeacherStudentOrder() {
        ScaleProfile p = ScaleProfile.smoke();
        assertThat(p.epochs(200)).isEqualTo(5);
        assertThat(p.seeds(5)).isEqualTo(2);
        assertThat(p.scale(Architectures.parse("wrn-16-1")).name()).isEqualTo("wrn-10-0.25");
        assertThat(p.scale(Architectures.parse("wrn-16-3")).name()).isEqualTo("wrn-10-0.75");
    }

    @Test
    void stopEpochsMapProportionally() {
        ScaleProfile p = ScaleProfile.ci();
        int epochs = p.epochs(200);
        assertThat(p.epochAt(100, 200)).isEqualTo(Math.round(epochs / 2f));
        assertThat(p.epochAt(1, 200)).isEqualTo(1);
    }

    @Test
    void unknownProfileNamesTheChoices() {
        String before = System.getProperty("kd.scale");
        System.setProperty("kd.scale", "huge");
        try {
            assertThatThrownBy(ScaleProfile::fromSystemProperties).hasMessageContaining("smoke, ci or paper");
        } finally {
            if (before == null) {
                System.clearProperty("kd.scale");
            } else {
                System.setProperty("kd.scale", before);
            }
        }
    }
}
