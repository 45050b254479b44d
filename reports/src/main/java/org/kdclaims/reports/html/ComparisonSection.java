package org.kdclaims.reports.html;

import org.kdclaims.reports.baseline.BaselineComparisonResult;
import org.kdclaims.reports.baseline.Finding;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.kdclaims.reports.html.Html.esc;

/**
 * The nightly comparison against the baseline, as an HTML fragment placed at the top of the
 * page. The fragment is also written on its own ({@code comparison.html}) so that a report
 * regenerated later from the same results still shows it; its first line names the run it
 * belongs to, so a stale fragment from another run is left out.
 */
public final class ComparisonSection {
    public static final String FILE_NAME = "comparison.html";
    private static final String MARKER = "<!-- kd-claims comparison; current run: ";
    private static final Pattern MARKER_LINE = Pattern.compile("\\A<!-- kd-claims comparison; current run: (.*?) -->");

    private ComparisonSection() {
    }

    public static String render(BaselineComparisonResult cmp) {
        List<Finding> sorted = cmp.findings().stream()
                .sorted(Comparator.comparing((Finding f) -> !f.regression())).toList();
        long regressions = sorted.stream().filter(Finding::regression).count();
        StringBuilder out = new StringBuilder();
        out.append(MARKER).append(commentSafe(cmp.currentRunId())).append(" -->\n")
                .append("<section class=\"card comparison ").append(regressions > 0 ? "regressed" : "clean")
                .append("\" id=\"baseline-comparison\">\n<h2>Comparison with the baseline</h2>\n<p class=\"")
                .append(regressions > 0 ? "finding-bad" : "finding-ok").append("\"><b>")
                .append(regressions > 0 ? regressions + " regression" + (regressions == 1 ? "" : "s")
                        : "No regression").append("</b> against baseline run ")
                .append(esc(cmp.baselineRunId() == null ? "(unknown)" : cmp.baselineRunId()))
                .append(" \u00b7 ").append(sorted.size()).append(" findings</p>\n");
        if (!cmp.describeMode().isEmpty()) {
            out.append("<p class=\"comparison-mode\">").append(esc(cmp.describeMode())).append("</p>\n");
        }
        out.append("<ul class=\"findings\">\n");
        for (Finding f : sorted) {
            out.append("<li class=\"").append(f.regression() ? "finding-bad" : "finding-ok").append("\"><b>")
                    .append(esc(f.kind().name())).append("</b> ");
            if (f.claimId() != null) {
                out.append(esc(f.claimId())).append(f.arm() == null ? "" : " / " + esc(f.arm())).append(": ");
            }
            out.append(esc(f.message())).append("</li>\n");
        }
        out.append("</ul>\n</section>\n");
        return out.toString();
    }

    /** True if a fragment written by {@link #render} belongs to the run {@code runId} (null: any run). */
    static boolean belongsTo(String fragment, String runId) {
        Matcher m = MARKER_LINE.matcher(fragment);
        if (!m.find()) {
            return false;
        }
        return runId == null || m.group(1).equals(commentSafe(runId));
    }

    /** "--" would end the HTML comment early. */
    private static String commentSafe(String s) {
        return s == null ? "" : s.replace("--", "- -").replace(">", "&gt;");
    }
}
