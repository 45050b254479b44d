package org.kdclaims.reports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kdclaims.reports.baseline.Comparison;
import org.kdclaims.reports.model.ClaimResult;
import org.kdclaims.reports.model.Json;
import org.kdclaims.reports.model.ResultsStore;
import org.kdclaims.reports.model.RunResults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** ReportMain and BaselineMain as the CI calls them: arguments in, files and exit status out. */
class CommandLineTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void reportMainWritesIndexAndMergedResults() throws IOException {
        Path results = storeWithFixture(dir.resolve("results"));
        Path report = dir.resolve("report");

        int rc = ReportMain.run(new String[]{"--results", results.toString(), "--out", report.toString()},
                print(out), print(err));

        assertThat(rc).as(err.toString()).isZero();
        assertThat(report.resolve("index.html")).exists();
        assertThat(ResultsStore.readMerged(report.resolve("results.json")).claims()).hasSize(3);
        assertThat(out.toString()).contains("file:///", "index.html", " ms)");
    }

    @Test
    void reportMainRejectsUnknownArguments() {
        assertThat(ReportMain.run(new String[]{"--resluts", "x"}, print(out), print(err))).isEqualTo(2);
        assertThat(err.toString()).contains("unknown argument: --resluts", "usage");
    }

    @Test
    void baselineMainPassesOnIdenticalResultsAndFailsOnARegression() throws IOException {
        Path baseline = dir.resolve("baseline/results.json");
        Path current = storeWithFixture(dir.resolve("current"));

        // first night: no baseline yet, --accept creates it
        assertThat(baseline(baseline, current, "--accept")).isZero();
        assertThat(ResultsStore.readMerged(baseline).claims()).hasSize(3);

        assertThat(baseline(baseline, current)).isZero();
        Comparison clean = Json.mapper().readValue(current.resolve("comparison.json").toFile(), Comparison.class);
        assertThat(clean.anyRegression()).isFalse();

        ClaimResult c4 = Fixtures.c4Supported();
        ResultsStore.at(current).clear();
        ResultsStore.at(current).writeRun(Fixtures.run());
        ResultsStore.at(current).writeClaim(Fixtures.c1Refuted());
        ResultsStore.at(current).writeClaim(c4);
        out.reset();
        assertThat(baseline(baseline, current)).isEqualTo(1); // C3 missing
        assertThat(out.toString()).contains("REGRESSION MISSING_CLAIM  C3");
        assertThat(current.resolve("comparison.html")).exists();
        assertThat(Files.readString(current.resolve("index.html"))).contains("Comparison with the baseline",
                "1 regression");

        // the documented way to accept the new state
        assertThat(baseline(baseline, current, "--accept")).isZero();
        assertThat(baseline(baseline, current)).isZero();
        RunResults accepted = ResultsStore.readMerged(baseline);
        assertThat(accepted.claims()).extracting(ClaimResult::id).containsExactly("C1", "C4");
    }

    @Test
    void baselineMainWithoutBaselineFileIsAnError() throws IOException {
        Path current = storeWithFixture(dir.resolve("current"));
        assertThat(baseline(dir.resolve("none.json"), current)).isEqualTo(2);
        assertThat(err.toString()).contains("--accept");
    }

    @Test
    void toleranceOptionIsParsed() throws IOException {
        Path current = storeWithFixture(dir.resolve("current"));
        Path baseline = dir.resolve("b.json");
        assertThat(baseline(baseline, current, "--accept")).isZero();
        assertThat(baseline(baseline, current, "--tolerance", "test error %=0.5,2", "--tolerance", "0.01,3"))
                .isZero();
        assertThat(baseline(baseline, current, "--tolerance", "abc")).isEqualTo(2);
    }

    private int baseline(Path baseline, Path current, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "--baseline";
        args[1] = baseline.toString();
        args[2] = "--current";
        args[3] = current.toString();
        System.arraycopy(more, 0, args, 4, more.length);
        return BaselineMain.run(args, print(out), print(err));
    }

    private static Path storeWithFixture(Path dir) {
        ResultsStore store = ResultsStore.at(dir);
        store.writeRun(Fixtures.run());
        Fixtures.results().claims().forEach(store::writeClaim);
        return dir;
    }

    private static PrintStream print(ByteArrayOutputStream s) {
        return new PrintStream(s, true, StandardCharsets.UTF_8);
    }
}
