package org.kdclaims.reports.markdown;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.kdclaims.reports.format.Fmt;
import org.kdclaims.reports.format.VerdictText;
import org.kdclaims.results.model.ArmResult;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.PremiseRecord;
import org.kdclaims.results.model.Replication;
import org.kdclaims.results.model.RunInfo;
import org.kdclaims.results.model.RunResults;
import org.kdclaims.results.model.Statistics;

/**
 * The run's verdicts as one Markdown table ({@code verdicts.md} beside the claim report): a row per
 * claim invocation with our numbers, the design, p, the smallest detectable difference, the paper's
 * difference and whether the test could see it, the premises and the verdict. People paste a run's
 * outcome into notes, pull requests and EXPERIMENTS.md; copying it from the page by hand invites
 * slips, so the table is written from the same results as the page.
 */
public final class VerdictTable {
    public static final String FILE = "verdicts.md";

    private VerdictTable() {
    }

    /** Writes {@code outDir/verdicts.md} and returns its path. */
    public static Path write(RunResults results, Path outDir) {
        Path file = outDir.resolve(FILE);
        try {
            Files.createDirectories(outDir);
            Files.writeString(file, render(results), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** The table, with a line saying which run it is and how its verdicts fell. */
    public static String render(RunResults results) {
        StringBuilder md = new StringBuilder("# Verdicts\n\n").append(runLine(results.run())).append("\n\n");
        md.append(tally(results.claims())).append("\n\n");
        md.append("| Claim | Ours (mean ± sd) | Replications | p | MDD | Paper diff. (detectable?) | Premises | Verdict |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        Map<String, Long> perId = results.claims().stream()
                .collect(Collectors.groupingBy(ClaimResult::id, LinkedHashMap::new, Collectors.counting()));
        for (ClaimResult c : results.claims()) {
            String name = perId.get(c.id()) > 1 ? c.id() + " (" + c.displayName() + ")" : c.id();
            Statistics s = c.statistics();
            md.append("| ").append(cell(name))
                    .append(" | ").append(cell(ours(c)))
                    .append(" | ").append(cell(replications(c)))
                    .append(" | ").append(s == null ? Fmt.NONE : Fmt.p(s.pValue()))
                    .append(" | ").append(s == null ? Fmt.NONE : points(s.detectableDifference()))
                    .append(" | ").append(cell(paper(s)))
                    .append(" | ").append(cell(premises(c)))
                    .append(" | ").append(cell(verdict(c)))
                    .append(" |\n");
        }
        md.append("\nMDD: the smallest difference the test detects with 80 % power at its replications and "
                + "observed spread. p and MDD are the decisive comparison's (Holm-adjusted for a curve).\n");
        return md.toString();
    }

    private static String runLine(RunInfo r) {
        if (r == null) {
            return "Run: not recorded.";
        }
        return "Run " + r.runId() + ": scale " + r.scale() + ", data " + r.dataset() + ", seed base "
                + (r.seedBase() == null ? "the claims' own" : r.seedBase()) + ", " + r.nativeBuild() + " ("
                + (r.cpuIsa() == null ? "instruction set not recorded" : r.cpuIsa()) + "), " + r.threads()
                + " thread(s), started " + r.startedAt() + ", finished "
                + (r.finishedAt() == null ? "not recorded (interrupted or running)" : r.finishedAt()) + ".";
    }

    private static String tally(List<ClaimResult> claims) {
        Map<String, Long> counts = claims.stream()
                .collect(Collectors.groupingBy(ClaimResult::verdict, LinkedHashMap::new, Collectors.counting()));
        return claims.size() + " claim invocation" + (claims.size() == 1 ? "" : "s") + ": " + counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")) + ".";
    }

    /** Every arm, or every point of a curve, as "name mean ± sd". */
    private static String ours(ClaimResult c) {
        List<ArmResult> arms = VerdictText.arms(c);
        if (arms.isEmpty()) {
            return "no arm measured";
        }
        return arms.stream().map(a -> a.name() + " " + points(a.mean()) + " ± " + points(a.sd()))
                .collect(Collectors.joining("; "));
    }

    private static String replications(ClaimResult c) {
        Replication r = c.statistics() == null ? null : c.statistics().replication();
        if (r != null && Replication.UNIT_TEACHER.equals(r.unit())) {
            return r.units() + " teacher" + (r.units() == 1 ? "" : "s") + " × " + r.perUnit() + " student"
                    + (r.perUnit() == 1 ? "" : "s") + (r.conditionalOnOneTeacher() ? " (conditional on one teacher)" : "");
        }
        int n = c.fewestSeeds();
        return n + " seed" + (n == 1 ? "" : "s") + (r != null && r.conditionalOnOneTeacher()
                ? " (conditional on one teacher)" : "");
    }

    private static String paper(Statistics s) {
        if (s == null || s.paperDifference() == null) {
            return Fmt.NONE;
        }
        return Fmt.num(s.paperDifference()) + (s.canDetectPaperEffect() == null ? ""
                : s.canDetectPaperEffect() ? " (yes)" : " (no)");
    }

    private static String premises(ClaimResult c) {
        if (c.premises().isEmpty()) {
            return "none checked";
        }
        List<PremiseRecord> failed = c.failedPremises();
        if (failed.isEmpty()) {
            return "all " + c.premises().size() + " hold";
        }
        return "failed: " + failed.stream().map(VerdictText::premise).collect(Collectors.joining("; "));
    }

    private static String verdict(ClaimResult c) {
        String v = "**" + c.verdict() + "**";
        return c.outsideRegime() && c.statisticalVerdict() != null ? v + " (statistics alone: " + c.statisticalVerdict()
                + ")" : v;
    }

    /** Two decimals: percentage points, as the paper and EXPERIMENTS.md give them. */
    private static String points(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : Fmt.NONE;
    }

    /** A table cell: a pipe would end it and a line break would end the row. */
    static String cell(String text) {
        return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
