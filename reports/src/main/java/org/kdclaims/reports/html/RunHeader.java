package org.kdclaims.reports.html;

import org.kdclaims.reports.format.Fmt;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.RunInfo;
import org.kdclaims.results.model.RunResults;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.kdclaims.reports.html.Html.esc;

/** The top of the page: the run, the verdict counts, one finding per claim and any unreadable files. */
final class RunHeader {
    private static final List<String> VERDICTS =
            List.of(ClaimResult.SUPPORTED, ClaimResult.REFUTED, ClaimResult.INCONCLUSIVE);

    private RunHeader() {
    }

    static void render(RunResults results, StringBuilder out) {
        RunInfo run = results.run();
        out.append("<header class=\"card\">\n<h1>kd-claims report</h1>\n")
                .append("<div class=\"sub\">Claims of \u201cOn the Efficacy of Knowledge Distillation\u201d ")
                .append("tested as code; schema <code>").append(esc(results.schema())).append("</code></div>\n");
        summary(results.claims(), out);
        FindingsList.render(results.claims(), out);
        // the run's details matter less than the findings: after them, still on the page (and in print)
        out.append("<h3>Run</h3>\n");
        out.append("<div class=\"cols\">\n<dl class=\"kv\">\n");
        if (run == null) {
            kv(out, "run", "no run.json: run information unknown");
        } else {
            kv(out, "run id", run.runId());
            kv(out, "scale", run.scale());
            kv(out, "dataset", run.dataset());
            kv(out, "native build", run.nativeBuild());
            kv(out, "threads", String.valueOf(run.threads()));
            if (run.cpuIsa() != null) {
                kv(out, "CPU ISA (oneDNN)", run.cpuIsa());
            }
            if (run.seedBase() != null) {
                kv(out, "seed base", run.seedBase() + " (fresh seeds for every claim)");
            }
            kv(out, "host", run.host());
            kv(out, "started", run.startedAt());
            kv(out, "finished", run.finishedAt() == null ? "not finished (interrupted or still running)"
                    : run.finishedAt());
        }
        out.append("</dl>\n<dl class=\"kv\">\n");
        if (run != null) {
            run.versions().forEach((k, v) -> kv(out, k, v));
        }
        out.append("</dl>\n</div>\n");
        out.append("</header>\n");
        problems(results.problems(), out);
    }

    private static void summary(List<ClaimResult> claims, StringBuilder out) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        VERDICTS.forEach(v -> counts.put(v, 0));
        // counted apart from the three statistical verdicts; shown once any claim had its premises checked
        if (claims.stream().anyMatch(c -> c.regime() != null || c.outsideRegime())) {
            counts.put(ClaimResult.OUTSIDE_REGIME, 0);
        }
        int other = 0;
        double wall = 0;
        for (ClaimResult c : claims) {
            if (c.verdict() != null && counts.containsKey(c.verdict())) {
                counts.merge(c.verdict(), 1, Integer::sum);
            } else {
                other++;
            }
            wall += Double.isNaN(c.wallSeconds()) ? 0 : c.wallSeconds();
        }
        out.append("<div class=\"summary\">\n");
        counts.forEach((v, n) -> out.append("<div class=\"count ").append(Verdicts.cssClass(v)).append("\"><b>")
                .append(n).append("</b>").append(esc(Verdicts.label(v))).append("</div>\n"));
        if (other > 0) {
            out.append("<div class=\"count v-OTHER\"><b>").append(other).append("</b>NO VERDICT</div>\n");
        }
        out.append("<div class=\"count v-OTHER\"><b>").append(claims.size()).append("</b>claim invocations, ")
                .append(esc(Fmt.duration(wall))).append("</div>\n</div>\n");
    }

    private static void problems(List<String> problems, StringBuilder out) {
        if (problems.isEmpty()) {
            return;
        }
        out.append("<section class=\"card problems\"><h2>Files that could not be read</h2><ul>\n");
        problems.forEach(p -> out.append("<li class=\"mono\">").append(esc(p)).append("</li>\n"));
        out.append("</ul></section>\n");
    }

    private static void kv(StringBuilder out, String key, String value) {
        out.append("<dt>").append(esc(key)).append("</dt><dd>").append(esc(Fmt.text(value))).append("</dd>\n");
    }
}
