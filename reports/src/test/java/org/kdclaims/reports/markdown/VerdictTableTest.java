package org.kdclaims.reports.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kdclaims.reports.Fixtures;
import org.kdclaims.results.model.RunResults;

class VerdictTableTest {
    private static final RunResults READER = Fixtures.readerResults();

    private static List<String> rows(String md) {
        return Arrays.stream(md.split("\n")).filter(l -> l.startsWith("| ") && !l.startsWith("| Claim |")).toList();
    }

    private static String row(String md, String start) {
        return rows(md).stream().filter(l -> l.startsWith("| " + start)).findFirst().orElseThrow();
    }

    @Test
    void oneRowPerClaimInvocationUnderTheRunAndTheTally() {
        String md = VerdictTable.render(READER);
        assertThat(rows(md)).hasSize(READER.claims().size());
        assertThat(md).contains("scale small", "seed base 1000", "(avx512_core)", "2 thread(s)",
                READER.claims().size() + " claim invocations: ");
    }

    @Test
    void aClaimAboutTeachersGivesItsDesignItsPowerAndThePapersDifference() {
        // C1 appears twice in these results, so each row names its invocation
        String c1 = row(VerdictTable.render(READER), "C1 (Bigger teachers are not better teachers (teachers replicated))");
        assertThat(c1).contains("| 3 teachers × 2 students |", "| 0.1900 | 0.52 | 0.16 (no) |", "| none checked |",
                "| **INCONCLUSIVE** |");
    }

    @Test
    void aClaimOutsideTheRegimeNamesTheFailedPremiseAndWhatTheStatisticsAloneSaid() {
        String c2 = row(VerdictTable.render(READER), "C2 ");
        assertThat(c2).contains("KD 57.80 ± 0.66", "scratch 56.03 ± 0.25",
                "failed: teacher more accurate than student (observed 58.3, threshold 56 % test error)",
                "**OUTSIDE_REGIME** (statistics alone: REFUTED)", "-0.8 (no)");
        assertThat(c2).doesNotContain("student trains"); // a premise that holds is counted, not listed
    }

    @Test
    void aCurveClaimListsItsPointsAndPremisesThatHoldAreCounted() {
        String c5 = row(VerdictTable.render(READER), "C5 ");
        assertThat(c5).contains("WRN16-1 55.73 ± ", "WRN16-3 54.37 ± ", "WRN16-10 55.43 ± ", "| all 1 hold |");
    }

    @Test
    void aPipeOrLineBreakInATextCannotBreakTheTable() {
        assertThat(VerdictTable.cell("a | b\nc")).isEqualTo("a \\| b c");
    }

    @Test
    void writesVerdictsMdIntoTheReportFolder(@TempDir Path dir) throws IOException {
        Path file = VerdictTable.write(Fixtures.results(), dir.resolve("kd-report"));
        assertThat(file).hasFileName("verdicts.md");
        assertThat(Files.readString(file)).startsWith("# Verdicts").contains("3 claim invocations");
    }
}
