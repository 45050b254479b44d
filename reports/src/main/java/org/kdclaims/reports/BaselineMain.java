package org.kdclaims.reports;

import org.kdclaims.reports.allure.AllureFiles;
import org.kdclaims.reports.baseline.BaselineComparison;
import org.kdclaims.reports.baseline.BaselineComparisonResult;
import org.kdclaims.reports.baseline.Finding;
import org.kdclaims.reports.baseline.Tolerance;
import org.kdclaims.reports.baseline.Tolerances;
import org.kdclaims.reports.html.ClaimReport;
import org.kdclaims.reports.html.ComparisonSection;
import org.kdclaims.io.AtomicFiles;
import org.kdclaims.results.Json;
import org.kdclaims.results.ResultsStore;
import org.kdclaims.results.model.RunResults;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;

/**
 * The nightly baseline check:
 * <pre>
 *   BaselineMain --baseline FILE --current DIR|FILE [--out DIR] [--tolerance [METRIC=]ABS,SIGMAS]...
 *                [--allure-results DIR] [--accept]
 * </pre>
 * Compares the current results (a results directory or a merged {@code results.json}) with the
 * baseline {@code results.json}, prints the findings, and writes {@code comparison.json},
 * {@code comparison.html} (the section the report includes) and {@code index.html} with the
 * comparison at the top into {@code --out} (default: the current directory, or the directory
 * of the current file). A current directory is also merged into {@code results.json} there.
 * With {@code --allure-results}, the comparison is also written there as an Allure test result
 * named "nightly baseline comparison" (see {@link AllureFiles}); also when the comparison cannot
 * be made, as a broken result that says why, so the Allure report always shows the outcome.
 *
 * <p>Exit status: 1 if any finding is a regression, 0 otherwise, 2 on bad arguments or I/O errors.
 *
 * <p>Accepting a new baseline (after a reviewed, intended change):
 * <pre>
 *   BaselineMain --baseline baseline/results.json --current target/kd-report --accept
 * </pre>
 * copies the current merged {@code results.json} over the baseline and exits 0, also when no
 * baseline existed yet. {@code --accept=true} and {@code --accept=false} are accepted too, so that
 * a build can pass a property through.
 *
 * <p>{@code --tolerance 0.05,3} sets the default tolerance; {@code --tolerance "test error %=0.1,2"}
 * one metric's (absolute floor, standard errors; see {@link Tolerance}).
 */
public final class BaselineMain {
    public static final String COMPARISON_JSON = "comparison.json";

    private BaselineMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Args a;
        Tolerances tol;
        try {
            a = Args.parse(args, Set.of("--baseline", "--current", "--out", "--tolerance", "--allure-results"),
                    Set.of("--accept"));
            if (!a.has("--baseline") || !a.has("--current")) {
                throw new IllegalArgumentException("--baseline and --current are required");
            }
            tol = tolerances(a);
        } catch (IllegalArgumentException e) {
            err.println("kd-claims baseline: " + e.getMessage());
            err.println("usage: BaselineMain --baseline FILE --current DIR|FILE [--out DIR]"
                    + " [--tolerance [METRIC=]ABS,SIGMAS]... [--allure-results DIR] [--accept]");
            return 2;
        }
        Path allure = a.has("--allure-results") ? Paths.get(a.get("--allure-results")) : null;
        try {
            return compare(Paths.get(a.get("--baseline")), Paths.get(a.get("--current")),
                    a.has("--out") ? Paths.get(a.get("--out")) : null, tol, a.has("--accept"), allure, out);
        } catch (IOException | RuntimeException e) {
            err.println("kd-claims baseline: failed: " + e);
            if (allure != null) {
                try {
                    AllureFiles.writeBroken(allure, a.get("--baseline"), e.getMessage() == null ? e.toString()
                            : e.getMessage());
                } catch (IOException | RuntimeException e2) {
                    err.println("kd-claims baseline: Allure result not written: " + e2);
                }
            }
            return 2;
        }
    }

    private static int compare(Path baselineFile, Path current, Path outArg, Tolerances tol, boolean accept,
                               Path allure, PrintStream out) throws IOException {
        boolean currentIsDir = Files.isDirectory(current);
        if (!currentIsDir && !Files.isRegularFile(current)) {
            throw new IOException("no current results at " + current);
        }
        Path outDir = outArg != null ? outArg
                : currentIsDir ? current : current.toAbsolutePath().getParent();
        // a comparison left by an earlier run must never pass for this run's
        Files.deleteIfExists(outDir.resolve(COMPARISON_JSON));
        Path currentJson = currentIsDir ? outDir.resolve(ReportMain.RESULTS_JSON) : current;
        RunResults results = currentIsDir ? ResultsStore.at(current).writeMerged(currentJson)
                : ResultsStore.readMerged(current);

        if (!Files.isRegularFile(baselineFile)) {
            if (!accept) {
                throw new IOException("no baseline at " + baselineFile + " (create it with --accept; in the build: -Dkd.acceptBaseline=true)");
            }
            acceptBaseline(currentJson, baselineFile, out);
            if (allure != null) {
                AllureFiles.writeFirstBaseline(allure, baselineFile.toString(), results.run());
            }
            return 0;
        }
        RunResults baseline = ResultsStore.readMerged(baselineFile);
        BaselineComparisonResult cmp = BaselineComparison.compare(baseline, results, tol);
        out.println("kd-claims baseline: " + cmp.describeMode());
        cmp.findings().stream().sorted((x, y) -> Boolean.compare(y.regression(), x.regression()))
                .map(Finding::describe).forEach(out::println);
        byte[] cmpJson = Json.mapper().writeValueAsBytes(cmp);
        AtomicFiles.write(outDir.resolve(COMPARISON_JSON), cmpJson);
        AtomicFiles.write(outDir.resolve(ComparisonSection.FILE_NAME), ComparisonSection.render(cmp));
        System.setProperty("java.awt.headless", "true");
        Path index = ClaimReport.write(results, cmp, outDir);
        long regressions = cmp.regressionFindings().size();
        out.printf("kd-claims baseline: %d findings, %d regression%s; report %s%n",
                cmp.findings().size(), regressions, regressions == 1 ? "" : "s", index.toUri());
        if (allure != null) {
            Path r = AllureFiles.writeComparison(allure, cmp, baselineFile.toString(), results.run(), accept, cmpJson);
            out.println("kd-claims baseline: Allure result " + r);
        }
        if (accept) {
            acceptBaseline(currentJson, baselineFile, out);
            return 0;
        }
        return regressions > 0 ? 1 : 0;
    }

    private static void acceptBaseline(Path currentJson, Path baselineFile, PrintStream out) throws IOException {
        AtomicFiles.write(baselineFile, Files.readAllBytes(currentJson));
        out.println("kd-claims baseline: accepted " + currentJson + " as the new baseline " + baselineFile);
    }

    private static Tolerances tolerances(Args a) {
        Tolerances t = Tolerances.defaults();
        for (String spec : a.all("--tolerance")) {
            int eq = spec.lastIndexOf('=');
            Tolerance tol = parseTolerance(eq < 0 ? spec : spec.substring(eq + 1));
            t = eq < 0 ? t.withDefault(tol) : t.withMetric(spec.substring(0, eq), tol);
        }
        return t;
    }

    private static Tolerance parseTolerance(String s) {
        String[] parts = s.split(",");
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            return new Tolerance(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--tolerance wants [METRIC=]ABS,SIGMAS, got " + s);
        }
    }
}
