package org.kdclaims.reports;

import org.kdclaims.reports.html.ClaimReport;
import org.kdclaims.reports.markdown.VerdictTable;
import org.kdclaims.results.ResultsStore;
import org.kdclaims.results.RunParts;
import org.kdclaims.results.model.RunResults;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes the claim report from a results directory:
 * <pre>
 *   java -cp ... org.kdclaims.reports.ReportMain [--results DIR|FILE]... [--out DIR]
 * </pre>
 * {@code --results} defaults to the default results directory (see {@link ResultsStore}),
 * {@code --out} to the results directory. Writes {@code index.html}, {@code results.json} and the
 * Markdown verdict table {@code verdicts.md}.
 *
 * <p>A run done in parts (sets of claim classes, one session each) gives {@code --results} once per
 * part, each a results directory or a merged {@code results.json}, and {@code --out}: the parts
 * become one report of one run (see {@link RunParts} for what the parts must share).
 */
public final class ReportMain {
    public static final String RESULTS_JSON = "results.json";

    private ReportMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The command without System.exit, for tests: 0 written, 2 bad arguments or failure. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        long start = System.nanoTime();
        try {
            Args a = Args.parse(args, Set.of("--results", "--out"), Set.of());
            List<String> parts = a.all("--results");
            if (parts.size() > 1) {
                if (!a.has("--out")) {
                    throw new IllegalArgumentException("a report of several parts needs --out DIR");
                }
                RunResults merged = mergeParts(parts);
                Path index = writeReport(merged, Paths.get(a.get("--out")));
                out.printf("kd-claims report: %d parts, %d claim invocations: %s (%d ms)%n", parts.size(),
                        merged.claims().size(), index.toUri(), (System.nanoTime() - start) / 1_000_000);
                return 0;
            }
            Path resultsDir = a.has("--results") ? Paths.get(a.get("--results")) : ResultsStore.defaultDirectory();
            Path outDir = a.has("--out") ? Paths.get(a.get("--out")) : resultsDir;
            Path index = writeReport(ResultsStore.at(resultsDir), outDir);
            out.printf("kd-claims report: %s (%d ms)%n", index.toUri(), (System.nanoTime() - start) / 1_000_000);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("kd-claims report: " + e.getMessage());
            err.println("usage: ReportMain [--results DIR|FILE]... [--out DIR]");
            return 2;
        } catch (RuntimeException e) {
            err.println("kd-claims report: failed: " + e);
            return 2;
        }
    }

    /**
     * Merges the store into {@code outDir/results.json} and writes {@code outDir/index.html} and
     * {@code outDir/verdicts.md}; returns the index.
     */
    public static Path writeReport(ResultsStore store, Path outDir) {
        return writeReport(store.read(), outDir);
    }

    /** Writes {@code outDir/results.json}, {@code index.html} and {@code verdicts.md} from results; returns the index. */
    public static Path writeReport(RunResults results, Path outDir) {
        System.setProperty("java.awt.headless", "true"); // charts are drawn without a display
        ResultsStore.write(results, outDir.resolve(RESULTS_JSON));
        Path index = ClaimReport.write(results, outDir);
        VerdictTable.write(results, outDir);
        return index;
    }

    /** Each part is named as the command line gave it, so that a message points at the argument to fix. */
    private static RunResults mergeParts(List<String> paths) {
        List<RunParts.Part> parts = new ArrayList<>();
        for (String p : paths) {
            Path path = Paths.get(p).toAbsolutePath().normalize();
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("no results at " + path + ": give a results directory"
                        + " (with run.json and claims/) or a results.json");
            }
            try {
                parts.add(new RunParts.Part(p, ResultsStore.readAny(path)));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the results at " + path + ": " + e.getMessage(), e);
            }
        }
        return RunParts.merge(parts);
    }
}
