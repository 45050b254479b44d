package org.kdclaims.reports.html;

import org.kdclaims.reports.format.Fmt;
import org.kdclaims.results.model.TrainingRunRecord;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.kdclaims.reports.html.Html.esc;

/** The training runs behind a claim, folded away when long so the verdicts stay in view. */
final class RunsTable {
    private static final int OPEN_UP_TO = 8;

    private RunsTable() {
    }

    static void render(List<TrainingRunRecord> runs, StringBuilder out) {
        if (runs.isEmpty()) {
            return;
        }
        double wall = runs.stream().filter(r -> !r.fromCache()).mapToDouble(TrainingRunRecord::wallSeconds)
                .filter(d -> !Double.isNaN(d)).sum();
        long cached = runs.stream().filter(TrainingRunRecord::fromCache).count();
        out.append("<details").append(runs.size() <= OPEN_UP_TO ? " open" : "").append("><summary>Training runs (")
                .append(runs.size()).append(", ").append(cached).append(" from cache, ")
                .append(esc(Fmt.duration(wall))).append(" training)</summary>\n")
                .append("<table><tr><th>role</th><th>arch</th><th>seed</th><th>epochs</th><th>wall</th>")
                .append("<th>img/s</th><th>cached</th><th>config</th><th>final metrics</th></tr>\n");
        for (TrainingRunRecord r : runs) {
            out.append("<tr><td>").append(esc(r.role())).append("</td><td>").append(esc(r.arch()))
                    .append("</td><td class=\"num\">").append(r.seed())
                    .append("</td><td class=\"num\">").append(r.epochs())
                    .append("</td><td class=\"num\">").append(esc(Fmt.duration(r.wallSeconds())))
                    .append("</td><td class=\"num\">").append(esc(Fmt.num(r.imagesPerSecond())))
                    .append("</td><td>").append(r.fromCache() ? "cached" : "trained")
                    .append("</td><td class=\"mono\">").append(esc(shortHash(r.configHash())))
                    .append("</td><td>").append(esc(metrics(r.finalMetrics()))).append("</td></tr>\n");
        }
        out.append("</table>\n</details>\n");
    }

    private static String metrics(Map<String, Double> m) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(m).forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(" ")
                .append(Fmt.num(v)));
        return b.length() == 0 ? Fmt.NONE : b.toString();
    }

    private static String shortHash(String h) {
        return h == null ? Fmt.NONE : h.length() > 10 ? h.substring(0, 10) : h;
    }
}
