package org.kdclaims.results;

import org.junit.jupiter.api.Test;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.RunInfo;
import org.kdclaims.results.model.RunResults;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A run done in parts becomes one run, and parts of different runs are refused. */
class RunPartsTest {

    private static RunInfo run(String id, String started, String finished, String scale, Long seedBase,
                               String isa, int threads, String host) {
        return new RunInfo(id, started, finished, scale, "real", "linux-x86_64-onednn-avx2", threads,
                Map.of("java", "17.0.15", "cpu", isa), host, seedBase, isa);
    }

    private static ClaimResult claim(String id, String name) {
        return new ClaimResult(id, name, "Table 1", "statement", null, "test error %", List.of(), List.of(), null,
                "SUPPORTED", "passed", Map.of(), List.of(), List.of(), 1.0, null);
    }

    private static RunParts.Part part(String name, RunInfo run, ClaimResult... claims) {
        return new RunParts.Part(name, new RunResults(RunResults.SCHEMA, run, List.of(claims)));
    }

    private static final RunInfo X = run("x", "2026-12-07T14:05:00Z", "2026-12-07T15:16:00Z", "ci", 7001L,
            "avx512_core_bf16", 1, "vm");
    private static final RunInfo Y = run("y", "2026-12-07T15:16:57Z", "2026-12-07T15:45:19Z", "ci", 7001L,
            "avx512_core_bf16", 1, "vm");

    @Test
    void partsOfOneRunBecomeOneRunWithEveryClaimInClaimOrder() {
        RunResults merged = RunParts.merge(List.of(
                part("part-x", X, claim("C10", "wang"), claim("C2", "temperature")),
                part("part-y", Y, claim("C1-depth", "deeper"))));

        assertThat(merged.claims()).extracting(ClaimResult::id).containsExactly("C1-depth", "C2", "C10");
        RunInfo run = merged.run();
        assertThat(run.runId()).isEqualTo("x + y");
        assertThat(run.startedAt()).isEqualTo("2026-12-07T14:05:00Z");
        assertThat(run.finishedAt()).isEqualTo("2026-12-07T15:45:19Z");
        assertThat(run.scale()).isEqualTo("ci");
        assertThat(run.seedBase()).isEqualTo(7001L);
        assertThat(run.cpuIsa()).isEqualTo("avx512_core_bf16");
        assertThat(run.host()).isEqualTo("vm");
        assertThat(merged.problems()).isEmpty();
    }

    @Test
    void aPartStillRunningLeavesTheMergedRunUnfinished() {
        RunInfo running = run("z", "2026-12-07T16:00:00Z", null, "ci", 7001L, "avx512_core_bf16", 1, "vm");
        RunResults merged = RunParts.merge(List.of(part("x", X), part("z", running)));
        assertThat(merged.run().finishedAt()).isNull();
    }

    @Test
    void partsOnDifferentCpuKindsAreMergedWithTheDifferenceNamed() {
        RunInfo avx2 = run("y", "2026-12-07T15:16:57Z", "2026-12-07T15:45:19Z", "ci", 7001L, "avx2", 2, "other");
        RunResults merged = RunParts.merge(List.of(part("part-x", X), part("part-y", avx2)));

        assertThat(merged.run().cpuIsa()).isEqualTo("avx512_core_bf16, avx2");
        assertThat(merged.run().host()).isEqualTo("vm, other");
        assertThat(merged.run().threads()).isEqualTo(2);
        assertThat(merged.run().versions()).containsEntry("cpu", "avx2, avx512_core_bf16").containsEntry("java", "17.0.15");
        assertThat(merged.problems()).containsExactly(
                "the parts differ in instruction set (avx512_core_bf16 in part-x; avx2 in part-y):"
                        + " their numbers are not bit-identical across CPU kinds",
                "the parts differ in threads (1 in part-x; 2 in part-y): per-model times are not comparable");
    }

    @Test
    void eachPartsProblemsAreKeptUnderItsName() {
        RunParts.Part damaged = new RunParts.Part("part-y",
                new RunResults(RunResults.SCHEMA, Y, List.of(), List.of("claims/C9.json: damaged (eof)")));
        assertThat(RunParts.merge(List.of(part("part-x", X), damaged)).problems())
                .containsExactly("part-y: claims/C9.json: damaged (eof)");
    }

    @Test
    void partsOfDifferentRunsAreRefused() {
        RunInfo nightly = run("n", "2026-12-07T16:00:00Z", null, "nightly", 7001L, "avx512_core_bf16", 1, "vm");
        assertThatThrownBy(() -> RunParts.merge(List.of(part("part-x", X), part("nightly-y", nightly))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("differ in scale (ci in part-x; nightly in nightly-y)");

        RunInfo seedOne = run("s", "2026-12-07T16:00:00Z", null, "ci", null, "avx512_core_bf16", 1, "vm");
        assertThatThrownBy(() -> RunParts.merge(List.of(part("fresh-x", X), part("ci-y", seedOne))))
                .hasMessageContaining("differ in seed base (7001 in fresh-x; the claims' own in ci-y)");
    }

    @Test
    void aClaimJudgedInTwoPartsIsRefused() {
        assertThatThrownBy(() -> RunParts.merge(List.of(part("part-x", X, claim("C1", "bigger")),
                part("part-y", Y, claim("C1", "bigger")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("claim C1 \"bigger\" is in part-x and in part-y");
    }

    @Test
    void aPartWithoutRunInformationIsRefusedButOnePartIsReturnedAsItIs() {
        RunParts.Part noRun = part("part-y", null, claim("C1", "bigger"));
        assertThatThrownBy(() -> RunParts.merge(List.of(part("part-x", X), noRun)))
                .hasMessageContaining("part-y has no readable run.json");
        assertThat(RunParts.merge(List.of(noRun))).isSameAs(noRun.results());
        assertThatThrownBy(() -> RunParts.merge(List.of())).hasMessageContaining("at least one");
    }
}
