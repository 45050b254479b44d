package org.kdclaims.reports.baseline;

import org.junit.jupiter.api.Test;
import org.kdclaims.reports.Fixtures;
import org.kdclaims.results.model.ArmResult;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.RunInfo;
import org.kdclaims.results.model.RunResults;
import org.kdclaims.results.model.TrainingRunRecord;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kdclaims.reports.baseline.Finding.Kind.DETERMINISM_BREAK;
import static org.kdclaims.reports.baseline.Finding.Kind.DETERMINISM_CHECKED;
import static org.kdclaims.reports.baseline.Finding.Kind.METRIC_DRIFT;
import static org.kdclaims.reports.baseline.Finding.Kind.REPLICATION_DRIFT;
import static org.kdclaims.reports.baseline.Finding.Kind.SETUP_CHANGED;
import static org.kdclaims.reports.baseline.Finding.Kind.VERDICT_CHANGED;
import static org.kdclaims.reports.baseline.Finding.Kind.VERDICT_FLIPPED;
import static org.kdclaims.reports.baseline.Finding.Kind.VERDICT_SHIFTED;

/** Fresh-seed runs are judged on verdict stability; determinism is only claimed on the same CPU ISA. */
class ReplicationModeTest {
    private static final RunResults BASE = Fixtures.results();

    @Test
    void sameSeedBaseIsAReproduction() {
        BaselineComparisonResult cmp = BaselineComparison.compare(BASE, Fixtures.results(), Tolerances.defaults());
        assertThat(cmp.mode()).isEqualTo(ComparisonMode.REPRODUCTION);
        assertThat(cmp.describeMode()).startsWith("reproduction mode: same seeds");
    }

    @Test
    void anotherSeedBaseSwitchesToReplicationAndSaysWhy() {
        BaselineComparisonResult cmp = BaselineComparison.compare(BASE, fresh(Fixtures.results().claims()), Tolerances.defaults());
        assertThat(cmp.mode()).isEqualTo(ComparisonMode.REPLICATION);
        assertThat(cmp.describeMode()).startsWith("replication mode: fresh seeds")
                .contains("seed base of each claim in the baseline, 1000 in this run");
        assertThat(cmp.anyRegression()).isFalse();
    }

    @Test
    void aFlipBetweenSupportedAndRefutedOnFreshSeedsIsARegression() {
        BaselineComparisonResult cmp = compareFresh("C4", ClaimResult.REFUTED);
        assertThat(cmp.regressionFindings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(VERDICT_FLIPPED);
            assertThat(f.claimId()).isEqualTo("C4");
            assertThat(f.message()).contains("SUPPORTED \u2192 REFUTED", "does not replicate");
        });
        assertThat(cmp.findings()).noneMatch(f -> f.kind() == VERDICT_CHANGED);
    }

    @Test
    void aMoveToOrFromInconclusiveOnFreshSeedsIsReportedWithoutFailing() {
        BaselineComparisonResult toInconclusive = compareFresh("C4", ClaimResult.INCONCLUSIVE);
        BaselineComparisonResult fromInconclusive = compareFresh("C3", ClaimResult.SUPPORTED);
        for (BaselineComparisonResult cmp : List.of(toInconclusive, fromInconclusive)) {
            assertThat(cmp.anyRegression()).isFalse();
            assertThat(cmp.findings()).filteredOn(f -> f.kind() == VERDICT_SHIFTED).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("INCONCLUSIVE", "fresh seeds"));
        }
    }

    @Test
    void aMoveOutsideThePaperRegimeOnFreshSeedsIsReportedWithoutFailing() {
        ClaimResult c4 = Fixtures.c4Supported();
        ClaimResult outside = Fixtures.withVerdictFields(c4, ClaimResult.OUTSIDE_REGIME, null, List.of(),
                ClaimResult.OUTSIDE_REGIME, ClaimResult.REFUTED, null);
        BaselineComparisonResult cmp = BaselineComparison.compare(BASE, fresh(replace(outside)), Tolerances.defaults());
        assertThat(cmp.anyRegression()).isFalse();
        assertThat(cmp.findings()).filteredOn(f -> f.kind() == VERDICT_SHIFTED).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("OUTSIDE_REGIME (statistically REFUTED)"));
    }

    @Test
    void theSameVerdictChangeWithTheBaselineSeedsStillFails() {
        BaselineComparisonResult cmp = BaselineComparison.compare(BASE, new RunResults(RunResults.SCHEMA, Fixtures.run(),
                replace(verdict("C4", ClaimResult.INCONCLUSIVE))), Tolerances.defaults());
        assertThat(cmp.regressionFindings()).singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(VERDICT_CHANGED));
    }

    @Test
    void onFreshSeedsDriftIsInformationAndDeterminismIsNotChecked() {
        ClaimResult c4 = Fixtures.c4Supported();
        List<ArmResult> arms = List.of(c4.arms().get(0), shifted(c4.arms().get(1), 0.5));
        ClaimResult moved = new ClaimResult(c4.id(), c4.displayName(), c4.source(), c4.statement(), c4.hypothesis(),
                c4.metric(), c4.paper(), arms, c4.test(), c4.verdict(), c4.outcome(), c4.parameters(),
                otherMetrics(c4.runs()), c4.plots(), c4.wallSeconds(), c4.note());
        BaselineComparisonResult cmp = BaselineComparison.compare(BASE, fresh(replace(moved)), Tolerances.defaults());

        assertThat(cmp.anyRegression()).isFalse();
        assertThat(cmp.findings()).noneMatch(f -> f.kind() == METRIC_DRIFT || f.kind() == DETERMINISM_BREAK);
        assertThat(cmp.findings()).filteredOn(f -> f.kind() == REPLICATION_DRIFT).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("beyond tolerance", "fresh seeds"));
        assertThat(cmp.findings()).filteredOn(f -> f.kind() == DETERMINISM_CHECKED).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("not checked", "replication"));
    }

    @Test
    void differentCpuIsaIsASetupChangeNotADeterminismBreak() {
        BaselineComparisonResult cmp = compareSameSeeds(Fixtures.run(null, "avx512_core"));
        assertThat(cmp.anyRegression()).isFalse();
        assertThat(cmp.findings()).noneMatch(f -> f.kind() == DETERMINISM_BREAK);
        assertThat(cmp.findings()).filteredOn(f -> f.kind() == SETUP_CHANGED).singleElement().satisfies(f ->
                assertThat(f.message()).contains("CPU ISA avx2 \u2192 avx512_core", "not expected to be bit-identical"));
        assertThat(cmp.findings()).filteredOn(f -> f.kind() == DETERMINISM_CHECKED).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("not checked", "instruction set"));
    }

    @Test
    void anUnrecordedCpuIsaIsASetupChangeNotADeterminismBreak() {
        BaselineComparisonResult cmp = compareSameSeeds(Fixtures.run(null, null));
        assertThat(cmp.anyRegression()).isFalse();
        assertThat(cmp.findings()).noneMatch(f -> f.kind() == DETERMINISM_BREAK);
        assertThat(cmp.findings()).filteredOn(f -> f.kind() == SETUP_CHANGED).singleElement().satisfies(f ->
                assertThat(f.message()).contains("CPU ISA avx2 \u2192 unknown", "not expected to be bit-identical"));
    }

    @Test
    void equalBuildThreadsAndCpuIsaMakeAnyDifferenceADeterminismBreak() {
        BaselineComparisonResult cmp = compareSameSeeds(Fixtures.run(null, "avx2"));
        assertThat(cmp.regressionFindings()).isNotEmpty().allMatch(f -> f.kind() == DETERMINISM_BREAK);
        assertThat(cmp.findings()).noneMatch(f -> f.kind() == SETUP_CHANGED);
    }

    /** The fixture's claims with slightly other final metrics (same config hashes and seeds), run on {@code run}. */
    private static BaselineComparisonResult compareSameSeeds(RunInfo run) {
        List<ClaimResult> claims = Fixtures.results().claims().stream().map(c -> new ClaimResult(c.id(),
                c.displayName(), c.source(), c.statement(), c.hypothesis(), c.metric(), c.paper(), c.arms(), c.test(),
                c.verdict(), c.outcome(), c.parameters(), otherMetrics(c.runs()), c.plots(), c.wallSeconds(),
                c.note())).toList();
        return BaselineComparison.compare(BASE, new RunResults(RunResults.SCHEMA, run, claims), Tolerances.defaults());
    }

    private static BaselineComparisonResult compareFresh(String id, String verdict) {
        return BaselineComparison.compare(BASE, fresh(replace(verdict(id, verdict))), Tolerances.defaults());
    }

    private static ClaimResult verdict(String id, String verdict) {
        ClaimResult c = Fixtures.results().claims().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        return Fixtures.withVerdictFields(c, verdict, null, List.of(), null, null, null);
    }

    private static List<ClaimResult> replace(ClaimResult changed) {
        return Fixtures.results().claims().stream().map(c -> c.id().equals(changed.id()) ? changed : c).toList();
    }

    private static RunResults fresh(List<ClaimResult> claims) {
        return new RunResults(RunResults.SCHEMA, Fixtures.run(1000L, "avx2"), claims);
    }

    private static List<TrainingRunRecord> otherMetrics(List<TrainingRunRecord> runs) {
        return runs.stream().map(r -> {
            Map<String, Double> m = new HashMap<>(r.finalMetrics());
            m.replaceAll((k, v) -> v + 1e-4);
            return new TrainingRunRecord(r.role(), r.arch(), r.seed(), r.configHash(), r.epochs(), r.wallSeconds(),
                    r.imagesPerSecond(), r.fromCache(), r.curve(), m);
        }).toList();
    }

    private static ArmResult shifted(ArmResult a, double by) {
        return new ArmResult(a.name(), a.seeds(), a.values().stream().map(v -> v + by).toList(), a.mean() + by,
                a.sd(), a.ciLow() + by, a.ciHigh() + by);
    }
}
