package org.kdclaims.reports.html;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kdclaims.reports.Fixtures;
import org.kdclaims.reports.baseline.BaselineComparisonResult;
import org.kdclaims.reports.baseline.Finding;
import org.kdclaims.results.model.RunResults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimReportTest {
    @TempDir
    Path dir;

    @Test
    void fixtureReportShowsEveryClaimSelfContained() throws IOException {
        long start = System.nanoTime();
        Path index = ClaimReport.write(Fixtures.results(), dir);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("fixture report written in " + ms + " ms: " + index.toUri());

        String html = Files.readString(index);
        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(html).contains(">C1<", ">C3<", ">C4<");
        assertThat(html).contains("SUPPORTED", "REFUTED", "INCONCLUSIVE");
        assertThat(html).contains("v-SUPPORTED", "v-REFUTED", "v-INCONCLUSIVE");
        assertThat(html).contains("30.79 %", "29.16 %", "30.95 %", "4.05 %", "4.81 %"); // the paper's numbers
        assertThat(html).contains("7.62 \u00b1 0.19", "Welch t-test", "0.0041", "s1: 7.61"); // ours
        assertThat(html).contains(Fixtures.RUN_ID, "linux-x86_64-onednn-avx2", "CIFAR-10 (10k subset)", "17.0.15");
        assertThat(html).doesNotContain("http://", "https://", "<script", "src=\"//", "href=\"//");
        assertThat(html).doesNotContainPattern("url\\((?!#)"); // only references inside the page
        // 1 plot + test-error curves + KD-error curves for C1 and C4; test-error + KD-error curves for C3
        assertThat(count(html, "<svg")).isEqualTo(8);
        assertThat(html).contains("Learning curves: test error", "Student error vs teacher width");
    }

    @Test
    void allTextIsEscaped() {
        String html = ClaimReport.render(Fixtures.results(), null);
        assertThat(html).contains("WRN16-8 vs WRN16-3 &quot;k&quot; &amp; &lt;width&gt;");
        assertThat(html).contains("student&lt;WRN16-3&gt;");
        assertThat(html).doesNotContain("<width>", "student<WRN16-3>");
    }

    @Test
    void svgIdsAreUniqueAcrossCharts() {
        String html = ClaimReport.render(Fixtures.results(), null);
        Matcher m = Pattern.compile("<svg id=['\"]([^'\"]+)['\"]").matcher(html);
        List<String> ids = m.results().map(r -> r.group(1)).toList();
        assertThat(ids).hasSize(8).doesNotHaveDuplicates();
    }

    @Test
    void emptyResultsStillGiveAPage() {
        String html = ClaimReport.render(new RunResults(RunResults.SCHEMA, null, List.of(), List.of("run.json: missing")),
                null);
        assertThat(html).contains("No claim results were recorded", "run.json: missing", "run information unknown");
    }

    @Test
    void comparisonIsShownAtTheTopAndKeptForLaterReportsOfTheSameRun() throws IOException {
        BaselineComparisonResult cmp = new BaselineComparisonResult("base-1", Fixtures.RUN_ID, List.of(
                new Finding(Finding.Kind.VERDICT_CHANGED, "C1", null, "verdict SUPPORTED \u2192 REFUTED", true),
                new Finding(Finding.Kind.WITHIN_TOLERANCE, "C4", "ESKD", "within tolerance", false)));
        String html = Files.readString(ClaimReport.write(Fixtures.results(), cmp, dir));
        assertThat(html.indexOf("Comparison with the baseline")).isLessThan(html.indexOf("id=\"claim-C1"));
        assertThat(html).contains("1 regression", "finding-bad", "finding-ok", "VERDICT_CHANGED");

        Files.writeString(dir.resolve(ComparisonSection.FILE_NAME), ComparisonSection.render(cmp));
        assertThat(Files.readString(ClaimReport.write(Fixtures.results(), dir))).contains("VERDICT_CHANGED");

        BaselineComparisonResult stale = new BaselineComparisonResult("base-0", "another-run", cmp.findings());
        Files.writeString(dir.resolve(ComparisonSection.FILE_NAME), ComparisonSection.render(stale));
        assertThat(Files.readString(ClaimReport.write(Fixtures.results(), dir))).doesNotContain("VERDICT_CHANGED");
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void theComparisonSectionSaysWhichModeRan() {
        BaselineComparisonResult cmp = new BaselineComparisonResult("b", Fixtures.RUN_ID, List.of(), org.kdclaims.reports.baseline.ComparisonMode.REPLICATION,
                "fresh seeds: seed base of each claim in the baseline, 1000 in this run");
        assertThat(ComparisonSection.render(cmp)).contains("<p class=\"comparison-mode\">replication mode: fresh seeds");
    }
}
