package org.kdclaims.reports;

import org.kdclaims.reports.baseline.BaselineComparisonResult;
import org.kdclaims.reports.baseline.Finding;
import org.kdclaims.results.Json;
import org.kdclaims.results.ResultsStore;
import org.kdclaims.results.model.RunInfo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;
import java.util.Set;

/**
 * The last step of the nightly build, after both reports are written:
 * <pre>
 *   NightlyGate [--results DIR] [--accept]
 * </pre>
 * reads {@code comparison.json} that {@link BaselineMain} wrote into the results directory
 * (default: the default results directory) and fails if it lists a regression, or if there is
 * no comparison for this run (the comparison failed or was not run, or the file belongs to an
 * earlier run). Kept apart from {@link BaselineMain} so that the build can compare, then
 * generate the Allure report, and fail only after that.
 *
 * <p>The build runs it inside Maven (exec:java), so {@link #main} never calls System.exit: it
 * returns when the check passes and throws {@link Failed} (a message without a stack trace,
 * which Maven prints as the reason the build failed) when it does not; from a shell that is
 * exit status 1. What counts as a regression depends on the comparison's mode (printed first): with the
 * baseline's seeds any verdict change, drift or determinism break; with fresh seeds (replication) only a
 * verdict that flips between SUPPORTED and REFUTED. {@link #run} gives the status: 0 passed, 1 regression, 2 no comparison. With {@code --accept} (or
 * {@code --accept=true}: the run was just accepted as the new baseline) it only says so and exits 0.
 */
public final class NightlyGate {
    private NightlyGate() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            throw new Failed(status == 1 ? "kd-claims nightly: regression against the baseline (listed above)"
                    : "kd-claims nightly: no baseline comparison for this run (see above)");
        }
    }

    /** The nightly check failed; the message says why, the findings were printed before. */
    public static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // the message is the whole story
        }
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path dir;
        try {
            Args a = Args.parse(args, Set.of("--results"), Set.of("--accept"));
            dir = a.has("--results") ? Paths.get(a.get("--results")) : ResultsStore.defaultDirectory();
            if (a.has("--accept")) {
                out.println("kd-claims nightly: this run was accepted as the new baseline; nothing to check");
                return 0;
            }
        } catch (IllegalArgumentException e) {
            err.println("kd-claims nightly: " + e.getMessage());
            err.println("usage: NightlyGate [--results DIR] [--accept]");
            return 2;
        }
        Path file = dir.resolve(BaselineMain.COMPARISON_JSON);
        try {
            if (!Files.isRegularFile(file)) {
                err.println("kd-claims nightly: FAILED: no baseline comparison at " + file
                        + " (the comparison step failed: see its message above)");
                return 2;
            }
            BaselineComparisonResult cmp = Json.mapper().readValue(file.toFile(), BaselineComparisonResult.class);
            Path runFile = dir.resolve(ResultsStore.RUN_FILE);
            if (Files.isRegularFile(runFile)) {
                RunInfo run = Json.mapper().readValue(runFile.toFile(), RunInfo.class);
                if (run != null && !Objects.equals(run.runId(), cmp.currentRunId())) {
                    err.println("kd-claims nightly: FAILED: " + file + " compares run " + cmp.currentRunId()
                            + ", not this run " + run.runId());
                    return 2;
                }
            }
            Path report = dir.resolve("index.html").toAbsolutePath();
            if (!cmp.describeMode().isEmpty()) {
                out.println("kd-claims nightly: " + cmp.describeMode());
            }
            if (!cmp.anyRegression()) {
                out.println("kd-claims nightly: no regression against baseline run " + cmp.baselineRunId()
                        + " (" + cmp.findings().size() + " findings); report " + report.toUri());
                return 0;
            }
            err.println("kd-claims nightly: FAILED: " + cmp.regressionFindings().size()
                    + " regression(s) against baseline run " + cmp.baselineRunId() + ":");
            cmp.regressionFindings().stream().map(Finding::describe).forEach(l -> err.println("  " + l));
            err.println("kd-claims nightly: report " + report.toUri()
                    + "; if the change is intended, accept it as the new baseline (see README)");
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("kd-claims nightly: FAILED: cannot read " + file + ": " + e);
            return 2;
        }
    }
}
