package org.kdclaims.reports.baseline;

import org.junit.jupiter.api.Test;
import org.kdclaims.reports.Fixtures;
import org.kdclaims.results.model.ArmResult;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.RunInfo;
import org.kdclaims.results.model.RunResults;
import org.kdclaims.results.model.TrainingRunRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kdclaims.reports.baseline.Finding.Kind.DETERMINISM_BREAK;
import static org.kdclaims.reports.baseline.Finding.Kind.DETERMINISM_CHECKED;
import static org.kdclaims.reports.baseline.Finding.Kind.SETUP_CHANGED;
import static org.kdclaims.reports.baseline.Finding.Kind.METRIC_DRIFT;
import static org.kdclaims.reports.baseline.Finding.Kind.MISSING_CLAIM;
import static org.kdclaims.reports.baseline.Finding.Kind.NEW_CLAIM;
import static org.kdclaims.reports.baseline.Finding.Kind.VERDICT_CHANGED;
import static org.kdclaims.reports.baseline.Finding.Kind.WITHIN_TOLERANCE;

class BaselineComparisonTest {
    private static final RunResults BASE = Fixtures.results();

    @Test
    void identicalResultsHaveNoRegression() {
        BaselineComparisonResult cmp = BaselineComparison.compare(BASE, Fixtures.results(), Tolerances.defaults());
        assertThat(cmp.anyRegression()).isFalse();
        assertThat(cmp.findings()).isNotEmpty().allMatch(f -> f.kind() == WITHIN_TOLERANCE
                || f.kind() == DETERMINISM_CHECKED);
        assertThat(cmp.findings()).filteredOn(f -> f.kind() == DETERMINISM_CHECKED).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("bit-identical"));
        assertThat(cmp.findings()).noneMatch(f -> f.kind() == SETUP_CHANGED);
        assertThat(cmp.baselineRunId()).isEqualTo(Fixtures.RUN_ID);
    }

    @Test
    void changedVerdictIsARegression() {
        RunResults current = withClaim("C4", c -> copy(c, ClaimResult.INCONCLUSIVE, c.arms(), c.runs()));
        BaselineComparisonResult cmp = BaselineComparison.compare(BASE, current, Tolerances.defaults());
        assertThat(cmp.regressionFindings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(VERDICT_CHANGED);
            assertThat(f.claimId()).isEqualTo("C4");
            assertThat(f.message()).contains("SUPPORTED", "INCONCLUSIVE");
        });
    }

    @Test
    void driftBeyondSeedAwareToleranceIsARegression() {
        // ESKD: mean 7.62, sd 0.076 over 3 seeds: 3 SE of the difference is about 0.19
        RunResults current = withClaim("C4", c -> copy(c, c.verdict(),
                List.of(c.arms().get(0), shifted(c.arms().get(1), 0.5)), c.runs()));
        BaselineComparisonResult cmp = BaselineComparison.compare(BASE, current, Tolerances.defaults());
        assertThat(cmp.regressionFindings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(METRIC_DRIFT);
            assertThat(f.arm()).isEqualTo("ESKD");
            assertThat(f.message()).contains("beyond tolerance");
        });
    }

    @Test
    void driftWithinSeedNoiseIsInformational() {
        RunResults current = withClaim("C4", c -> copy(c, c.verdict(),
                List.of(c.arms().get(0), shifted(c.arms().get(1), 0.1)), c.runs()));
        BaselineComparisonResult cmp = BaselineComparison.compare(BASE, current, Tolerances.defaults());
        assertThat(cmp.anyRegression()).isFalse();
        assertThat(cmp.findings()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(WITHIN_TOLERANCE);
            assertThat(f.arm()).isEqualTo("ESKD");
            assertThat(f.message()).contains("+0.1", "within tolerance");
        });
    }

    @Test
    void perMetricAbsoluteFloorOverridesTheDefault() {
        RunResults current = withClaim("C4", c -> copy(c, c.verdict(),
                List.of(c.arms().get(0), shifted(c.arms().get(1), 0.5)), c.runs()));
        Tolerances loose = Tolerances.defaults().withMetric("test error %", new Tolerance(1.0, 3));
        assertThat(BaselineComparison.compare(BASE, current, loose).anyRegression()).isFalse();
        assertThat(loose.forMetric("KD error test %")).isEqualTo(Tolerances.DEFAULT);
    }

    @Test
    void newClaimIsInformationalAndMissingClaimIsARegression() {
        List<ClaimResult> claims = new ArrayList<>(BASE.claims());
        claims.removeIf(c -> c.id().equals("C3"));
        ClaimResult c4 = Fixtures.c4Supported();
        claims.add(copyWithName(c4, "ESKD beats full KD (WRN28-3 \u2192 WRN28-1)")); // same id, other invocation
        BaselineComparisonResult cmp = BaselineComparison.compare(BASE, results(claims), Tolerances.defaults());

        assertThat(cmp.findings()).filteredOn(f -> f.kind() == NEW_CLAIM).singleElement()
                .satisfies(f -> {
                    assertThat(f.claimId()).isEqualTo("C4");
                    assertThat(f.regression()).isFalse();
                    assertThat(f.message()).contains("WRN28-3");
                });
        assertThat(cmp.regressionFindings()).singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(MISSING_CLAIM))
                .satisfies(f -> assertThat(f.claimId()).isEqualTo("C3"));
    }

    @Test
    void sameConfigAndSeedWithOtherFinalMetricsIsADeterminismBreak() {
        RunResults current = withClaim("C4", c -> {
            List<TrainingRunRecord> runs = new ArrayList<>(c.runs());
            TrainingRunRecord r = runs.get(1);
            Map<String, Double> metrics = new HashMap<>(r.finalMetrics());
            metrics.put("testError", metrics.get("testError") + 1e-7); // any difference counts
            runs.set(1, new TrainingRunRecord(r.role(), r.arch(), r.seed(), r.configHash(), r.epochs(),
                    r.wallSeconds(), r.imagesPerSecond(), r.fromCache(), r.curve(), metrics));
            return copy(c, c.verdict(), c.arms(), runs);
        });
        BaselineComparisonResult cmp = BaselineComparison.compare(BASE, current, Tolerances.defaults());
        assertThat(cmp.regressionFindings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(DETERMINISM_BREAK);
            assertThat(f.message()).contains("student-kd", "seed 1", "testError");
        });
    }

    @Test
    void baselineFromAnotherNativeBuildIsNoDeterminismBreak() {
        // another machine: the native build is part of every config hash, and the numbers moved a little
        RunInfo b = Fixtures.run();
        RunInfo other = new RunInfo("other-run", b.startedAt(), b.finishedAt(), b.scale(), b.dataset(),
                "linux-x86_64-onednn-avx512", 16, b.versions(), "elsewhere");
        List<ClaimResult> claims = Fixtures.results().claims().stream().map(c -> copy(c, c.verdict(), c.arms(),
                c.runs().stream().map(r -> {
                    Map<String, Double> m = new HashMap<>(r.finalMetrics());
                    m.replaceAll((k, v) -> v + 1e-4);
                    return new TrainingRunRecord(r.role(), r.arch(), r.seed(), r.configHash() + "-avx512-16t",
                            r.epochs(), r.wallSeconds(), r.imagesPerSecond(), r.fromCache(), r.curve(), m);
                }).toList())).toList();
        BaselineComparisonResult cmp = BaselineComparison.compare(BASE, new RunResults(RunResults.SCHEMA, other, claims),
                Tolerances.defaults());

        assertThat(cmp.anyRegression()).isFalse();
        assertThat(cmp.findings()).noneMatch(f -> f.kind() == DETERMINISM_BREAK);
        assertThat(cmp.findings()).filteredOn(f -> f.kind() == SETUP_CHANGED).singleElement().satisfies(f -> {
            assertThat(f.regression()).isFalse();
            assertThat(f.message()).contains("native build linux-x86_64-onednn-avx2 \u2192 linux-x86_64-onednn-avx512",
                    "threads 2 \u2192 16");
        });
        assertThat(cmp.findings()).filteredOn(f -> f.kind() == DETERMINISM_CHECKED).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("not checked"));
    }

    @Test
    void determinismIsCheckedOnlyWhereConfigHashAndSeedMatch() {
        // seed 1 of the KD student kept its config hash but changed its numbers: a break;
        // seed 2 got another config hash (another setup) and other numbers: not compared
        RunResults current = withClaim("C4", c -> {
            List<TrainingRunRecord> runs = new ArrayList<>(c.runs());
            for (int i = 0; i < runs.size(); i++) {
                TrainingRunRecord r = runs.get(i);
                if (!r.role().equals("student-kd") || r.seed() > 2) {
                    continue;
                }
                Map<String, Double> m = new HashMap<>(r.finalMetrics());
                m.put("testError", m.get("testError") + 0.01);
                runs.set(i, new TrainingRunRecord(r.role(), r.arch(), r.seed(),
                        r.seed() == 1 ? r.configHash() : r.configHash() + "-other", r.epochs(), r.wallSeconds(),
                        r.imagesPerSecond(), r.fromCache(), r.curve(), m));
            }
            return copy(c, c.verdict(), c.arms(), runs);
        });
        BaselineComparisonResult cmp = BaselineComparison.compare(BASE, current, Tolerances.defaults());
        assertThat(cmp.regressionFindings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(DETERMINISM_BREAK);
            assertThat(f.message()).contains("seed 1").doesNotContain("seed 2");
        });
    }

    @Test
    void toleranceIsTheLargerOfFloorAndStandardErrors() {
        ArmResult a = new ArmResult("a", List.of(1L, 2L, 3L, 4L), List.of(1.0, 2.0, 3.0, 4.0), 2.5, 2.0, 0, 5);
        assertThat(new Tolerance(0.1, 3).threshold(a, a)).isCloseTo(3 * Math.sqrt(2 * 4.0 / 4), within());
        assertThat(new Tolerance(5, 3).threshold(a, a)).isEqualTo(5);
        ArmResult one = new ArmResult("one", List.of(1L), List.of(2.0), 2.0, Double.NaN, Double.NaN, Double.NaN);
        assertThat(new Tolerance(0.1, 3).threshold(one, one)).isEqualTo(0.1);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-12);
    }

    private static RunResults withClaim(String id, UnaryOperator<ClaimResult> change) {
        return results(Fixtures.results().claims().stream().map(c -> c.id().equals(id) ? change.apply(c) : c).toList());
    }

    private static RunResults results(List<ClaimResult> claims) {
        return new RunResults(RunResults.SCHEMA, Fixtures.run(), claims);
    }

    private static ArmResult shifted(ArmResult a, double by) {
        return new ArmResult(a.name(), a.seeds(), a.values().stream().map(v -> v + by).toList(), a.mean() + by,
                a.sd(), a.ciLow() + by, a.ciHigh() + by);
    }

    private static ClaimResult copy(ClaimResult c, String verdict, List<ArmResult> arms, List<TrainingRunRecord> runs) {
        return new ClaimResult(c.id(), c.displayName(), c.source(), c.statement(), c.hypothesis(), c.metric(),
                c.paper(), arms, c.test(), verdict, c.outcome(), c.parameters(), runs, c.plots(), c.wallSeconds(),
                c.note());
    }

    private static ClaimResult copyWithName(ClaimResult c, String displayName) {
        return new ClaimResult(c.id(), displayName, c.source(), c.statement(), c.hypothesis(), c.metric(),
                c.paper(), c.arms(), c.test(), c.verdict(), c.outcome(), c.parameters(), List.of(), c.plots(),
                c.wallSeconds(), c.note());
    }
}
