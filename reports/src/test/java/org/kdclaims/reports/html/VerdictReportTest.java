package org.kdclaims.reports.html;

import org.junit.jupiter.api.Test;
import org.kdclaims.reports.Fixtures;
import org.kdclaims.results.model.RunResults;

import static org.assertj.core.api.Assertions.assertThat;

/** The report answers the paper's question: statistics, premises, regime and curve beside each verdict. */
class VerdictReportTest {
    private static final String HTML = ClaimReport.render(Fixtures.verdictResults(), null);

    @Test
    void statisticsStandNextToTheVerdict() {
        String c4 = section("C4");
        assertThat(c4).contains("Verdict statistics", "paired t-test, one-sided",
                "paired by seed, 3 pairs, correlation 0.62", "-0.457 [-0.62, -0.29] vs margin 0",
                "0.0041 (\u03b1 = 0.05)", "0.21 with 3 seeds", "paper&#39;s difference</dt><dd>-1.63");
        assertThat(c4).doesNotContain("could not detect", "seeds to detect");
    }

    @Test
    void aTestTooWeakForThePaperEffectSaysSoPlainly() {
        String c5 = section("C5");
        assertThat(c5).contains("<p class=\"power-warning\">This test could not detect the paper&#39;s effect"
                + " (0.37 points); it detects 2.4 points at 80 % power with 3 seeds.</p>");
        assertThat(c5).contains("seeds to detect the paper&#39;s difference</dt><dd>58 seeds per arm (80 % power)",
                "Holm over 4 comparisons", "O&#39;Brien-Fleming");
    }

    @Test
    void premisesAreTabulatedWithTheirOutcome() {
        String c2 = section("C2");
        assertThat(c2).contains("<table class=\"premises\">", "teacher more accurate than student",
                "every teacher&#39;s test error is below the scratch student&#39;s", "58.3 % test error",
                "56 % test error");
        assertThat(c2).containsPattern("<tr class=\"fails\">.*teacher more accurate.*\u2717</td></tr>");
        assertThat(c2).containsPattern("<tr class=\"holds\">.*student trains.*\u2713</td></tr>");
    }

    @Test
    void aClaimOutsideTheRegimeGetsItsOwnBadgeAndNamesTheFailedPremise() {
        String c2 = section("C2");
        assertThat(c2).startsWith("<section class=\"card claim v-OUTSIDE_REGIME\"");
        assertThat(c2).contains("<span class=\"badge v-OUTSIDE_REGIME\">OUTSIDE THE PAPER&#39;S REGIME</span>");
        assertThat(c2).contains("failed premise: teacher more accurate than student (observed 58.3, threshold 56");
        assertThat(c2).contains("<span class=\"secondary-verdict\">statistics alone: REFUTED</span>");
        assertThat(c2).doesNotContain("badge v-REFUTED", "badge v-SUPPORTED");
    }

    @Test
    void theSummaryCountsOutsideTheRegimeApart() {
        String header = HTML.substring(0, HTML.indexOf("<section"));
        assertThat(header).contains("<div class=\"count v-OUTSIDE_REGIME\"><b>1</b>OUTSIDE THE PAPER&#39;S REGIME",
                "<div class=\"count v-SUPPORTED\"><b>1</b>", "<div class=\"count v-INCONCLUSIVE\"><b>1</b>",
                "<div class=\"count v-REFUTED\"><b>0</b>");
        assertThat(header).doesNotContain("NO VERDICT");
    }

    @Test
    void oldResultsShowNoOutsideRegimeCounter() {
        String html = ClaimReport.render(Fixtures.results(), null);
        assertThat(html).doesNotContain("count v-OUTSIDE_REGIME", "badge v-OUTSIDE_REGIME", "Verdict statistics",
                "class=\"premises\"", "verdict-chart");
    }

    @Test
    void theRunHeaderShowsSeedBaseAndCpuIsa() {
        assertThat(HTML).contains("<dt>CPU ISA (oneDNN)</dt><dd>avx512_core</dd>", "<dt>seed base</dt><dd>1000");
        RunResults old = new RunResults(RunResults.SCHEMA, Fixtures.run(null, null), Fixtures.results().claims());
        assertThat(ClaimReport.render(old, null)).doesNotContain("seed base", "CPU ISA");
    }

    @Test
    void curveAndDifferenceChartsAreInline() {
        assertThat(section("C5")).contains("<figure class=\"chart verdict-chart\" title=\"Curve: test error over teacher width\"><svg",
                "WRN16-10", "paper (right axis)", CurveChart.MARKED);
        assertThat(section("C4")).contains("title=\"Arms and their difference vs the margin\"><svg",
                "Difference with 95 % CI vs margin 0", "full KD \u2212 ESKD");
        assertThat(HTML).doesNotContain("could not be drawn", "http://");
    }

    private static String section(String id) {
        int start = HTML.indexOf("<section class=\"card claim", HTML.indexOf("id=\"claim-" + id) - 80);
        return HTML.substring(start, HTML.indexOf("</section>", start));
    }
}
