package org.kdclaims.reports.allure;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kdclaims.reports.Fixtures;
import org.kdclaims.reports.baseline.BaselineComparison;
import org.kdclaims.reports.baseline.BaselineComparisonResult;
import org.kdclaims.reports.baseline.Tolerances;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.Json;
import org.kdclaims.results.model.RunResults;
import org.kdclaims.results.model.Statistics;

import java.io.FileReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The Allure side says what the report says: power warning, regime, statistics, comparison mode, ISA and seed base. */
class AllureVerdictTextTest {
    private static final String WARNING = "This test could not detect the paper's effect (0.37 points);"
            + " it detects 2.4 points at 80 % power with 3 seeds.";

    @TempDir
    Path dir;

    @Test
    void aTestTooWeakForThePaperEffectSaysSoInDescriptionAttachmentAndStatus() {
        assertThat(AllureClaimText.statistics(Fixtures.c5Curve())).contains(WARNING,
                "detectable at 80 % power: 2.4 with 3 seeds", "seeds to detect the paper's difference: 58 seeds per arm");
        assertThat(AllureClaimText.description(Fixtures.c5Curve()))
                .contains("**This test could not detect the paper's effect (0.37 points)", "**Verdict: INCONCLUSIVE**",
                        "Holm over 4 comparisons");
        assertThat(AllureClaimText.statusMessage(Fixtures.c5Curve())).hasValue(WARNING);
        assertThat(AllureClaimText.statusMessage(Fixtures.c4WithStatistics())).isEmpty();
    }

    /** Zero spread between the seeds leaves no detectable difference: the warning says so instead of "- points". */
    @Test
    void aWarningWithoutADetectableDifferenceSaysWhy() {
        ClaimResult c = Fixtures.c5Curve();
        Statistics s = c.statistics();
        Statistics noSpread = new Statistics(s.test(), s.pairing(), s.correlation(), s.difference(),
                s.differenceCiLow(), s.differenceCiHigh(), s.margin(), s.pValue(), s.alpha(), Double.NaN,
                s.paperDifference(), Statistics.UNREACHABLE, false, s.multiplicity(), s.sequential());
        ClaimResult flat = Fixtures.withVerdictFields(c, c.verdict(), noSpread, c.premises(), c.regime(),
                c.statisticalVerdict(), c.curve());
        assertThat(AllureClaimText.statusMessage(flat).orElseThrow())
                .isEqualTo("This test could not detect the paper's effect (0.37 points); with 3 seeds and no spread"
                        + " between them, no detectable difference can be computed.");
        assertThat(AllureClaimText.statistics(flat))
                .contains("detectable at 80 % power: not computable with 3 seeds (no spread between them)")
                .doesNotContain("detectable at 80 % power: \u2013");
    }

    @Test
    void aClaimOutsideTheRegimeNamesTheFailedPremise() {
        String text = AllureClaimText.statistics(Fixtures.c2OutsideRegime());
        assertThat(text).startsWith("Verdict: OUTSIDE THE PAPER'S REGIME (statistics alone: REFUTED)")
                .contains("premise FAILS: teacher more accurate than student (observed 58.3, threshold 56 % test error)",
                        "premise holds: student trains");
        assertThat(AllureClaimText.statusMessage(Fixtures.c2OutsideRegime()).orElseThrow())
                .startsWith("Outside the paper's regime: failed premise: teacher more accurate than student");
    }

    @Test
    void oldClaimsGetJustTheirVerdict() {
        assertThat(AllureClaimText.statistics(Fixtures.c4Supported())).isEqualTo("Verdict: SUPPORTED\n");
        assertThat(AllureClaimText.statusMessage(Fixtures.c4Supported())).isEmpty();
    }

    @Test
    void theComparisonResultSaysWhichModeRanAndWhy() throws IOException {
        RunResults fresh = new RunResults(RunResults.SCHEMA, Fixtures.run(1000L, "avx2"), Fixtures.results().claims());
        BaselineComparisonResult cmp = BaselineComparison.compare(Fixtures.results(), fresh, Tolerances.defaults());
        JsonNode r = Json.mapper().readTree(AllureFiles.writeComparison(dir, cmp, "b", fresh.run(), false, null)
                .toFile());
        assertThat(r.get("description").asText()).contains("replication mode: fresh seeds");
        assertThat(r.get("parameters").toString()).contains("\"name\":\"mode\",\"value\":\"replication\"");
    }

    @Test
    void theEnvironmentNamesCpuIsaAndSeedBase() throws IOException {
        AllureFiles.writeEnvironment(dir, Fixtures.run(1000L, "avx512_core"));
        Properties env = new Properties();
        try (FileReader in = new FileReader(dir.resolve(AllureFiles.ENVIRONMENT_FILE).toFile())) {
            env.load(in);
        }
        assertThat(env).containsEntry("CPU ISA", "avx512_core").containsEntry("seed base", "1000");
    }
}
