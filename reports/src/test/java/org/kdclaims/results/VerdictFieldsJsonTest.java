package org.kdclaims.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kdclaims.reports.Fixtures;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.CurvePoint;
import org.kdclaims.results.model.RunInfo;
import org.kdclaims.results.model.RunResults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.assertj.core.api.Assertions.assertThat;

/** The verdict fields (statistics, premises, regime, curve, seed base, cpu ISA) survive JSON; old files still load. */
class VerdictFieldsJsonTest {
    @TempDir
    Path dir;

    @Test
    void everyNewFieldSurvivesTheRoundTrip() throws IOException {
        RunResults results = Fixtures.verdictResults();
        String json = Json.mapper().writeValueAsString(results);
        RunResults back = Json.mapper().readValue(json, RunResults.class);

        assertThat(back).isEqualTo(results);
        assertThat(back.run().seedBase()).isEqualTo(1000L);
        assertThat(back.run().cpuIsa()).isEqualTo("avx512_core");
        ClaimResult c5 = back.claims().get(2);
        assertThat(c5.statistics().seedsToDetectPaper()).isEqualTo(58);
        assertThat(c5.statistics().canDetectPaperEffect()).isFalse();
        assertThat(c5.statistics().sequential()).contains("O'Brien-Fleming");
        assertThat(c5.curve().points()).hasSize(4).filteredOn(CurvePoint::marked).hasSize(2);
        assertThat(c5.curve().points().get(3).paperValue()).isNull();
        assertThat(back.claims().get(0).statisticalVerdict()).isEqualTo(ClaimResult.REFUTED);
        assertThat(back.claims().get(0).failedPremises()).singleElement()
                .satisfies(p -> assertThat(p.observed()).isEqualTo(58.3));
    }

    @Test
    void theJsonUsesTheDocumentedFieldNames() throws IOException {
        String json = Json.mapper().writeValueAsString(Fixtures.verdictResults());
        assertThat(json).contains("\"seedBase\" : 1000", "\"cpuIsa\" : \"avx512_core\"", "\"statistics\" : {",
                "\"pairing\"", "\"correlation\"", "\"difference\"", "\"differenceCiLow\"", "\"differenceCiHigh\"",
                "\"margin\"", "\"pValue\"", "\"alpha\"", "\"detectableDifference\"", "\"paperDifference\"",
                "\"seedsToDetectPaper\"", "\"canDetectPaperEffect\"", "\"multiplicity\"", "\"sequential\"",
                "\"premises\" : [", "\"threshold\"", "\"holds\"", "\"regime\" : \"OUTSIDE_REGIME\"",
                "\"statisticalVerdict\" : \"REFUTED\"", "\"curve\" : {", "\"dimension\"", "\"shape\"",
                "\"paperValue\"", "\"marked\"");
        assertThat(json).doesNotContain("\"failedPremises\"", "\"outsideRegime\"", "\"fewestSeeds\"",
                "\"missesPaperEffect\"");
    }

    @Test
    void claimFilesWithTheNewFieldsAreMergedByTheStore() {
        ResultsStore store = ResultsStore.at(dir);
        store.writeRun(Fixtures.verdictResults().run());
        Fixtures.verdictResults().claims().forEach(store::writeClaim);
        RunResults read = store.read();
        assertThat(read.problems()).isEmpty();
        assertThat(read.claims()).isEqualTo(Fixtures.verdictResults().claims());
    }

    @Test
    void theOldSmokeBaselineStillLoadsWithoutTheNewFields() throws IOException {
        RunResults old = ResultsStore.readMerged(smokeBaseline());
        assertThat(old.claims()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.statistics()).isNull();
            assertThat(c.premises()).isEmpty();
            assertThat(c.regime()).isNull();
            assertThat(c.statisticalVerdict()).isNull();
            assertThat(c.curve()).isNull();
            assertThat(c.outsideRegime()).isFalse();
        });
        assertThat(old.run().seedBase()).isNull();
        assertThat(old.run().cpuIsa()).isNull();
        assertThat(old.run().threads()).isEqualTo(2);
    }

    @Test
    void oldConstructorsLeaveTheNewFieldsEmpty() {
        RunInfo r = new RunInfo("id", null, null, "smoke", "synthetic", "nb", 2, null, "host");
        assertThat(r.seedBase()).isNull();
        assertThat(r.cpuIsa()).isNull();
        ClaimResult c = Fixtures.c4Supported();
        assertThat(c.statistics()).isNull();
        assertThat(c.premises()).isEmpty();
        assertThat(c.fewestSeeds()).isEqualTo(3);
    }

    private static Path smokeBaseline() {
        // the smoke baseline as it was before these fields existed (commit 786ad50), frozen: the live
        // baseline is re-accepted with the new fields
        Path p = Paths.get("..", "fixtures", "results", "results-smoke-engine3-v1.json");
        return Files.exists(p) ? p : Paths.get("fixtures", "results", "results-smoke-engine3-v1.json");
    }
}
