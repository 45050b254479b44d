package org.kdclaims.reports;

import org.kdclaims.reports.html.ClaimReport;
import org.kdclaims.reports.markdown.VerdictTable;
import org.kdclaims.results.ResultsStore;
import org.kdclaims.results.model.RunResults;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;

/**
 * Writes the claim report from a results directory:
 * <pre>
 *   java -cp ... org.kdclaims.reports.ReportMain [--results DIR] [--out DIR]
 * </pre>
 * {@code --results} defaults to the default results directory (see {@link ResultsStore}),
 * {@code --out} to the results directory. Writes {@code index.html}, {@code results.json} and the
 * Markdown verdict table {@code verdicts.md}.
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
            Path resultsDir = a.has("--results") ? Paths.get(a.get("--results")) : ResultsStore.defaultDirectory();
            Path outDir = a.has("--out") ? Paths.get(a.get("--out")) : resultsDir;
            Path index = writeReport(ResultsStore.at(resultsDir), outDir);
            out.printf("kd-claims report: %s (%d ms)%n", index.toUri(), (System.nanoTime() - start) / 1_000_000);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("kd-claims report: " + e.getMessage());
            err.println("usage: ReportMain [--results DIR] [--out DIR]");
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
        System.setProperty("java.awt.headless", "true"); // charts are drawn without a display
        RunResults results = store.writeMerged(outDir.resolve(RESULTS_JSON));
        Path index = ClaimReport.write(results, outDir);
        VerdictTable.write(results, outDir);
        return index;
    }
}
