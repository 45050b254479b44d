package org.kdclaims.results.model;

import java.util.List;

/**
 * The merged results of a session: the {@code results.json} the report and the nightly
 * comparison read.
 *
 * @param schema   always {@link #SCHEMA}; bumped when the format changes incompatibly
 * @param run      the session, null if {@code run.json} was missing or damaged
 * @param claims   all claim invocations, ordered by claim id (C2 before C10), then display name
 * @param problems files that could not be read; a damaged file is reported here so one bad
 *                 file never hides the rest of the results
 */
public record RunResults(String schema, RunInfo run, List<ClaimResult> claims, List<String> problems) {
    public static final String SCHEMA = "kd-claims/results-v1";

    public RunResults {
        claims = claims == null ? List.of() : claims;
        problems = problems == null ? List.of() : problems;
    }

    /** Results without problems. */
    public RunResults(String schema, RunInfo run, List<ClaimResult> claims) {
        this(schema, run, claims, List.of());
    }
}
