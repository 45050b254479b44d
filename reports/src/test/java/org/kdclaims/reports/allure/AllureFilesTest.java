package org.kdclaims.reports.allure;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kdclaims.reports.Fixtures;
import org.kdclaims.reports.baseline.BaselineComparisonResult;
import org.kdclaims.reports.baseline.Finding;
import org.kdclaims.results.Json;

import java.io.FileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class AllureFilesTest {
    @TempDir
    Path dir;

    private static BaselineComparisonResult regressed() {
        return new BaselineComparisonResult("base-run", "this-run", List.of(
                new Finding(Finding.Kind.WITHIN_TOLERANCE, "C4", "eskd", "test error % mean 1 \u2192 1", false),
                new Finding(Finding.Kind.VERDICT_CHANGED, "C4", null, "verdict SUPPORTED \u2192 REFUTED", true)));
    }

    @Test
    void aRegressionIsAFailedTestWithOneStepPerFindingAndTheFindingsAttached() throws IOException {
        Path file = AllureFiles.writeComparison(dir, regressed(), "reports/baseline/results-smoke.json",
                Fixtures.run(), false, "{\"x\":1}".getBytes());

        JsonNode r = Json.mapper().readTree(file.toFile());
        assertThat(file.getFileName().toString()).endsWith("-result.json");
        assertThat(r.get("name").asText()).isEqualTo(AllureFiles.COMPARISON_NAME);
        assertThat(r.get("status").asText()).isEqualTo("failed");
        assertThat(r.at("/statusDetails/message").asText()).contains("1 regression", "base-run",
                "results-smoke.json");
        assertThat(r.at("/statusDetails/trace").asText()).contains("VERDICT_CHANGED", "SUPPORTED \u2192 REFUTED");
        assertThat(r.get("steps")).hasSize(2);
        assertThat(r.at("/steps/0/status").asText()).isEqualTo("failed"); // regressions first
        assertThat(r.at("/steps/1/status").asText()).isEqualTo("passed");
        assertThat(r.get("description").asText()).contains("**REGRESSION**", "`VERDICT_CHANGED`", "All 2 findings")
                .doesNotContain("WITHIN_TOLERANCE"); // informational findings: steps and attachment only
        assertThat(r.get("historyId").asText()).hasSize(32);
        assertThat(r.get("attachments")).hasSize(2);
        for (JsonNode a : r.get("attachments")) {
            assertThat(dir.resolve(a.get("source").asText())).exists();
        }
        String findings = Files.readString(dir.resolve(r.at("/attachments/0/source").asText()));
        assertThat(findings).contains("REGRESSION VERDICT_CHANGED  C4", "ok         WITHIN_TOLERANCE  C4 / eskd");
    }

    @Test
    void theHistoryIdIsTheSameEveryNightSoAllureShowsATrend() throws IOException {
        JsonNode a = Json.mapper().readTree(AllureFiles.writeComparison(dir, regressed(), "b", null, false, null)
                .toFile());
        JsonNode b = Json.mapper().readTree(AllureFiles.writeBroken(dir, "b", "no baseline").toFile());
        assertThat(a.get("historyId")).isEqualTo(b.get("historyId"));
        assertThat(a.get("uuid")).isNotEqualTo(b.get("uuid"));
        assertThat(b.get("status").asText()).isEqualTo("broken");
        assertThat(b.at("/statusDetails/message").asText()).contains("no baseline");
    }

    @Test
    void anAcceptedRegressionPasses() throws IOException {
        JsonNode r = Json.mapper().readTree(AllureFiles.writeComparison(dir, regressed(), "b", null, true, null)
                .toFile());
        assertThat(r.get("status").asText()).isEqualTo("passed");
        assertThat(r.at("/statusDetails/message").asText()).contains("accepted as the new baseline");
    }

    @Test
    void environmentAndExecutorDescribeTheRun() throws IOException {
        AllureFiles.writeEnvironment(dir, Fixtures.run());
        Properties p = new Properties();
        try (FileReader in = new FileReader(dir.resolve(AllureFiles.ENVIRONMENT_FILE).toFile())) {
            p.load(in);
        }
        assertThat(p).containsEntry("kd.scale", "small").containsEntry("native build", "linux-x86_64-onednn-avx2")
                .containsEntry("threads", "2").containsEntry("git", "3c9e1f2 (dirty)")
                .containsEntry("run id", Fixtures.RUN_ID);
        JsonNode executor = Json.mapper().readTree(dir.resolve(AllureFiles.EXECUTOR_FILE).toFile());
        assertThat(executor.get("reportName").asText()).contains("small");
    }

    @Test
    void markdownKeepsClaimNamesLiteral() {
        assertThat(AllureFiles.markdown("WRN16-8 vs \"k\" & <width> *x* [a]"))
                .isEqualTo("WRN16-8 vs \"k\" &amp; &lt;width&gt; \\*x\\* \\[a\\]");
    }
}
