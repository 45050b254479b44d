package org.kdclaims.results.model;

import java.util.Map;

/**
 * One test session: where and how the claims were run. Written once as {@code run.json} when the
 * session starts (and again when it finishes), so a crashed run still says what it was.
 *
 * @param runId       unique id of the session
 * @param startedAt   ISO-8601 instant the session started
 * @param finishedAt  ISO-8601 instant it finished, null while running or if interrupted
 * @param scale       scale profile (e.g. smoke, small, paper)
 * @param dataset     data set used (e.g. CIFAR-10, synthetic)
 * @param nativeBuild ND4J native build (classifier) the numbers were produced with
 * @param threads     compute threads used
 * @param versions    component versions (java, dl4j, git commit, ...)
 * @param host        machine name
 * @param seedBase    the seed base every claim used in this run (a fresh-seed replication run sets
 *                    one); null when each claim used its own annotated seed base
 * @param cpuIsa      the instruction set oneDNN dispatched to, e.g. "avx512_core", "avx2": numbers
 *                    from different instruction sets are not expected to be bit-identical; null if
 *                    unknown (files written before it was recorded)
 */
public record RunInfo(String runId, String startedAt, String finishedAt, String scale, String dataset,
                      String nativeBuild, int threads, Map<String, String> versions, String host,
                      Long seedBase, String cpuIsa) {
    public RunInfo {
        versions = versions == null ? Map.of() : versions;
    }

    /** A run with the claims' own seed bases and an unknown instruction set. */
    public RunInfo(String runId, String startedAt, String finishedAt, String scale, String dataset,
                   String nativeBuild, int threads, Map<String, String> versions, String host) {
        this(runId, startedAt, finishedAt, scale, dataset, nativeBuild, threads, versions, host, null, null);
    }
}
