package org.kdclaims.reports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kdclaims.reports.baseline.BaselineComparisonResult;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.Json;
import org.kdclaims.results.ResultsStore;
import org.kdclaims.results.model.RunResults;

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
        assertThat(Files.readString(report.resolve("verdicts.md"))).contains("| Claim |", "3 claim invocations");
        assertThat(out.toString()).contains("file:///", "index.html", " ms)");
    }

    @Test
    void reportMainMergesARunDoneInPartsIntoOneReport() throws IOException {
        Path partX = dir.resolve("part-x");
        ResultsStore.at(partX).writeRun(Fixtures.run());
        ResultsStore.at(partX).writeClaim(Fixtures.c1Refuted());
        ResultsStore.at(partX).writeClaim(Fixtures.c3Inconclusive());
        Path partZ = dir.resolve("part-z");
        ResultsStore.at(partZ).writeRun(Fixtures.run());
        ResultsStore.at(partZ).writeClaim(Fixtures.c4Supported());
        // a part may also be given as the results.json its own report wrote
        assertThat(ReportMain.run(new String[]{"--results", partZ.toString()}, print(out), print(err))).isZero();
        Path report = dir.resolve("whole");

        int rc = ReportMain.run(new String[]{"--results", partX.toString(), "--results",
                partZ.resolve("results.json").toString(), "--out", report.toString()}, print(out), print(err));

        assertThat(rc).as(err.toString()).isZero();
        assertThat(ResultsStore.readMerged(report.resolve("results.json")).claims()).extracting(ClaimResult::id)
                .containsExactly("C1", "C3", "C4");
        assertThat(Files.readString(report.resolve("verdicts.md"))).contains("3 claim invocations");
        assertThat(out.toString()).contains("2 parts, 3 claim invocations");

        err.reset();
        assertThat(ReportMain.run(new String[]{"--results", partX.toString(), "--results", partX.toString(),
                "--out", report.toString()}, print(out), print(err))).isEqualTo(2);
        assertThat(err.toString()).contains("is in " + partX + " and in " + partX, "usage");
        err.reset();
        assertThat(ReportMain.run(new String[]{"--results", partX.toString(), "--results", partZ.toString()},
                print(out), print(err))).isEqualTo(2);
        assertThat(err.toString()).contains("needs --out");
        err.reset();
        assertThat(ReportMain.run(new String[]{"--results", partX.toString(), "--results",
                dir.resolve("nowhere").toString(), "--out", report.toString()}, print(out), print(err))).isEqualTo(2);
        assertThat(err.toString()).contains("no results at", "nowhere");
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
        BaselineComparisonResult clean = Json.mapper().readValue(current.resolve("comparison.json").toFile(), BaselineComparisonResult.class);
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

    @Test
    void baselineMainWritesTheComparisonAsAnAllureResultAndTheGateFailsAfterwards() throws IOException {
        Path baseline = dir.resolve("baseline.json");
        Path current = storeWithFixture(dir.resolve("current"));
        Path allure = dir.resolve("allure-results");
        assertThat(baseline(baseline, current, "--accept=true", "--allure-results", allure.toString())).isZero();
        assertThat(allureStatuses(allure)).containsExactly("passed"); // first baseline
        assertThat(gate(current)).as("accepting alone writes no comparison").isEqualTo(2);
        assertThat(NightlyGate.run(new String[]{"--results", current.toString(), "--accept=true"}, print(out),
                print(err))).isZero();

        assertThat(baseline(baseline, current, "--accept=false", "--allure-results", allure.toString())).isZero();
        assertThat(gate(current)).isZero();
        assertThat(out.toString()).contains("no regression");

        ResultsStore.at(current).clear();
        ResultsStore.at(current).writeRun(Fixtures.run());
        ResultsStore.at(current).writeClaim(Fixtures.c1Refuted());
        ResultsStore.at(current).writeClaim(Fixtures.c4Supported());
        assertThat(baseline(baseline, current, "--allure-results", allure.toString())).isEqualTo(1);
        assertThat(allureStatuses(allure)).containsExactlyInAnyOrder("passed", "passed", "failed");
        err.reset();
        assertThat(gate(current)).isEqualTo(1);
        assertThat(err.toString()).contains("1 regression(s)", "REGRESSION MISSING_CLAIM  C3", "index.html");
    }

    @Test
    void withoutABaselineTheAllureResultIsBrokenAndTheGateFails() throws IOException {
        Path current = storeWithFixture(dir.resolve("current"));
        Path allure = dir.resolve("allure-results");
        assertThat(baseline(dir.resolve("none.json"), current, "--allure-results", allure.toString())).isEqualTo(2);
        assertThat(allureStatuses(allure)).containsExactly("broken");
        assertThat(gate(current)).isEqualTo(2);
        assertThat(err.toString()).contains("no baseline comparison");
        // inside Maven (exec:java) the gate throws instead of exiting
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NightlyGate.main(
                        new String[]{"--results", current.toString()}))
                .isInstanceOf(NightlyGate.Failed.class).hasMessageContaining("no baseline comparison");
    }

    @Test
    void theGateRejectsAComparisonOfAnotherRun() throws IOException {
        Path baseline = dir.resolve("baseline.json");
        Path current = storeWithFixture(dir.resolve("current"));
        assertThat(baseline(baseline, current, "--accept")).isZero();
        assertThat(baseline(baseline, current)).isZero();
        ResultsStore.at(current).writeRun(new org.kdclaims.results.model.RunInfo("a-later-run", null, null, "smoke",
                "synthetic", "x", 1, null, "h"));
        assertThat(gate(current)).isEqualTo(2);
        assertThat(err.toString()).contains("not this run a-later-run");
    }

    @Test
    void acceptFlagTakesOnlyTrueOrFalse() throws IOException {
        Path current = storeWithFixture(dir.resolve("current"));
        assertThat(baseline(dir.resolve("b.json"), current, "--accept=yes")).isEqualTo(2);
        assertThat(err.toString()).contains("--accept wants true or false");
    }

    private int gate(Path results) {
        return NightlyGate.run(new String[]{"--results", results.toString()}, print(out), print(err));
    }

    private static java.util.List<String> allureStatuses(Path allure) throws IOException {
        try (var files = Files.list(allure)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-result.json")).map(f -> {
                try {
                    return Json.mapper().readTree(f.toFile()).get("status").asText();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
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
