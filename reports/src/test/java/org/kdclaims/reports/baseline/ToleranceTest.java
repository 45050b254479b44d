package org.kdclaims.reports.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kdclaims.results.model.ArmResult;

/** The drift tolerance counts what the arm replicated: teachers when its unit is the teacher, else seeds. */
class ToleranceTest {

    @Test
    void anArmReplicatedByTeacherCountsItsTeachersNotItsStudents() {
        // 2 teachers x 2 students; sd is that of the 2 per-teacher means
        ArmResult byTeacher = new ArmResult("a", List.of(1L, 2L, 3L, 4L), List.of(58.0, 58.2, 59.0, 59.2), 58.6, 0.8485,
                57.0, 60.2, ArmResult.UNIT_TEACHER, List.of(1L, 1L, 2L, 2L), List.of());
        ArmResult bySeed = new ArmResult("a", List.of(1L, 2L, 3L, 4L), List.of(58.0, 58.2, 59.0, 59.2), 58.6, 0.8485,
                57.0, 60.2);
        Tolerance t = new Tolerance(1e-6, 3);
        assertThat(byTeacher.units()).isEqualTo(2);
        assertThat(t.threshold(byTeacher, byTeacher)).isCloseTo(3 * Math.sqrt(2 * 0.8485 * 0.8485 / 2), within(1e-9));
        assertThat(t.threshold(bySeed, bySeed)).isCloseTo(3 * Math.sqrt(2 * 0.8485 * 0.8485 / 4), within(1e-9));
    }
}
