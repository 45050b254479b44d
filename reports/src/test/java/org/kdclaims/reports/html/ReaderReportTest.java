package org.kdclaims.reports.html;

import org.junit.jupiter.api.Test;
import org.kdclaims.reports.Fixtures;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.RunResults;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The report as a reader meets it: findings first, curve points under "Ours", students under their teacher. */
class ReaderReportTest {
    private static final String HTML = ClaimReport.render(Fixtures.readerResults(), null);

    @Test
    void theFirstScreenGivesOneFindingPerClaimBeforeAnyClaim() {
        String header = HTML.substring(0, HTML.indexOf("<section"));
        List<String> lines = header.lines().filter(l -> l.startsWith("<li class=\"finding\">")).toList();
        assertThat(lines).hasSize(Fixtures.readerResults().claims().size());
        assertThat(header.indexOf("Findings")).isLessThan(header.indexOf("<dt>run id</dt>"));
        // statement, verdict, difference with its interval, detectability
        assertThat(header).contains("<b>C4</b> Full KD helps early in training and hurts late; ESKD beats full KD</a>: "
                + "<span class=\"badge v-SUPPORTED\">SUPPORTED</span>, <span class=\"diff\">difference -0.457 points"
                + " [-0.62, -0.29]</span>, <span class=\"power\">paper&#39;s effect detectable</span>");
        assertThat(header).contains("<span class=\"diff\">students of WRN16-3 0.087 points worse than students of"
                + " WRN16-8 [-0.21, 0.38]</span>, <span class=\"power-low\">paper&#39;s effect NOT detectable (paper 0.16,"
                + " detectable 0.52)</span>");
        assertThat(header).contains("(statistics alone: REFUTED)", "decisive difference -0.53 points [-1.6, 0.54]");
    }

    @Test
    void aFindingSaysWhichArmIsWorseWhenTheDifferenceIsFirstMinusSecond() {
        ClaimResult c = Fixtures.c2OutsideRegime(); // KD 57.8 vs scratch 56.0, difference +1.77
        String html = ClaimReport.render(new RunResults(RunResults.SCHEMA, null, List.of(c)), null);
        assertThat(html).contains("KD 1.77 points worse than scratch [0.9, 2.6]");
    }

    @Test
    void aCurveClaimShowsItsPointsUnderOurs() {
        String c5 = section("C5");
        assertThat(c5).doesNotContain("No arms measured");
        assertThat(c5).contains("<table class=\"ours\"><tr><th>teacher width</th>", "<th>paper</th>");
        assertThat(c5).containsPattern("<tr><td>WRN16-3 <span class=\"marked\"[^>]*>\u25c6 verdict</span></td>"
                + "<td class=\"num\">54.4 \u00b1 1.2</td><td class=\"num\">\\[53.19, 55.54\\]</td>.*"
                + "<td class=\"num\">7.61</td><td class=\"seeds\">s1: 54, s2: 54.9, s3: 54.2</td></tr>");
        assertThat(c5).contains("<tr><td>WRN16-10</td>");
    }

    @Test
    void studentsStandUnderTheirTeacherWithItsOwnError() {
        String c1 = section("C1", "teachers replicated");
        assertThat(c1).contains("students of WRN16-3 <span class=\"tag\">unit: teacher, 3 teachers</span>",
                "by teacher, below");
        assertThat(c1).contains("<tr class=\"teacher-row\"><td class=\"teacher\">\u21b3 teacher s2</td><td colspan=\"5\">"
                + "WRN16-3 seed 2 \u00b7 own test error <b class=\"num\">47.9</b><div class=\"students\">students: "
                + "s21: 7.7, s22: 7.82</div></td></tr>");
        assertThat(c1).contains("<dt>replication design</dt><dd>3 teachers x 2 students per arm; paired t-test on",
                "<dt>replications per arm</dt><dd>3 teachers \u00d7 2 students per teacher</dd>",
                "<dt>between-teacher variance</dt><dd>0.0123</dd>", "<dt>within-teacher variance</dt><dd>0.0087</dd>",
                "<dd>9 teachers per arm \u00d7 2 students each (80 % power)</dd>");
        // the test's n is its teachers, not the 6 students of an arm
        assertThat(c1).contains("with 3 teachers (2 students each)").doesNotContain("with 6 seeds");
        assertThat(c1).doesNotContain(TeacherRows.CONDITIONAL);
    }

    @Test
    void aClaimOnOneTeacherIsMarkedInItsHeadItsNoticeAndItsFinding() {
        String c8 = section("C8");
        assertThat(c8.substring(0, c8.indexOf("</div>"))).contains("<span class=\"tag conditional\">conditional on one teacher");
        assertThat(c8).contains("<p class=\"conditional-notice\"><b>Conditional on one teacher:</b>",
                "<dt>conditional on one teacher</dt><dd>yes: every student learned from one teacher");
        assertThat(HTML).containsPattern("<b>C8</b>[^\n]*<span class=\"tag conditional\">conditional on one teacher");
        assertThat(HTML.lines().filter(l -> l.startsWith("<li class=\"finding\">") && l.contains("conditional on one")))
                .hasSize(1);
    }

    @Test
    void resultsWithoutTeachersRenderAsBefore() {
        String page = ClaimReport.render(Fixtures.results(), null);
        String html = page.substring(page.indexOf("</style>")); // the CSS names every class
        assertThat(html).doesNotContain("teacher-row", "tag conditional", "conditional-notice", "replication design",
                "by teacher, below");
        assertThat(html).contains("<td class=\"seeds\">s1: 7.61, s2: 7.7, s3: 7.55</td>");
    }

    @Test
    void learningCurvesAreBandsWithAnHtmlLegendAndFoldedWhenCrowded() {
        String c8 = section("C8");
        assertThat(c8).contains("<details class=\"chart-toggle\"><summary>Learning curves: test error (mean over seeds,"
                + " band min\u2013max) \u2013 8 arms</summary><svg");
        assertThat(c8).contains("<li><span class=\"swatch\" style=\"background:#0072b2\"></span>student students[teacherStop=0.15] \u00b7 wrn-10-0.25</li>");
        String c4 = section("C4");
        assertThat(c4).contains("<figure class=\"chart learning-curve\"", "<ul class=\"legend\">")
                .doesNotContain("chart-toggle");
        // eight arms, eight colours
        String legend = c8.substring(c8.indexOf("<ul class=\"legend\">"), c8.indexOf("</ul>", c8.indexOf("<ul class=\"legend\">")));
        assertThat(legend.split("background:")).hasSize(9);
        assertThat(List.of(legend.split("background:")).subList(1, 9).stream().map(s -> s.substring(0, 7)).distinct())
                .hasSize(8);
    }

    @Test
    void thePagePrints() {
        assertThat(HTML).contains("@media print", "break-inside: avoid", "details.chart-toggle::details-content");
    }

    private static String section(String id) {
        return section(id, "");
    }

    /** The first claim section with this id whose head contains {@code marker}. */
    private static String section(String id, String marker) {
        for (int at = HTML.indexOf("<section class=\"card claim"); at >= 0;
             at = HTML.indexOf("<section class=\"card claim", at + 1)) {
            String s = HTML.substring(at, HTML.indexOf("</section>", at));
            String head = s.substring(0, s.indexOf("</h2>"));
            if (head.contains("<span class=\"id\">" + id + "</span>") && head.contains(marker)) {
                return s;
            }
        }
        throw new AssertionError("no section " + id + " " + marker);
    }
}
