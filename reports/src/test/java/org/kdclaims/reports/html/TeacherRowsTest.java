package org.kdclaims.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.kdclaims.results.model.ArmResult;
import org.kdclaims.results.model.TeacherRecord;
import org.junit.jupiter.api.Test;

class TeacherRowsTest {

    @Test
    void anArmOfReplicatedTeachersCountsItsTeachers() {
        ArmResult kd = new ArmResult("fullKd", List.of(11L, 12L, 21L, 22L), List.of(50.0, 51.0, 52.0, 53.0), 51.5,
                1.4, 49.0, 54.0, ArmResult.UNIT_TEACHER, List.of(1L, 1L, 2L, 2L),
                List.of(new TeacherRecord(1L, "wrn-10-2", 48.0), new TeacherRecord(2L, "wrn-10-2", 49.0)));
        assertThat(TeacherRows.armNote(kd)).isEqualTo(" <span class=\"tag\">unit: teacher, 2 teachers</span>");
    }

    @Test
    void aScratchArmPairedByTeacherBlockDoesNotClaimZeroTeachers() {
        // its students are grouped to pair with each teacher's, but it has no teacher of its own
        ArmResult scratch = new ArmResult("scratch", List.of(11L, 12L, 21L, 22L), List.of(54.0, 55.0, 54.5, 55.5),
                54.75, 0.6, 53.8, 55.7, ArmResult.UNIT_TEACHER, List.of(), List.of());
        assertThat(TeacherRows.armNote(scratch)).isEqualTo(" <span class=\"tag\">unit: teacher block, trained alone</span>")
                .doesNotContain("0 teachers");
    }

    @Test
    void anArmOfSeedsHasNoTag() {
        ArmResult seeds = new ArmResult("scratch", List.of(1L, 2L), List.of(54.0, 55.0), 54.5, 0.7, 48.1, 60.9);
        assertThat(TeacherRows.armNote(seeds)).isEmpty();
    }
}
