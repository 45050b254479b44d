package org.kdclaims.reports.baseline;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of comparing a run against the accepted baseline.
 *
 * @param mode       what was judged: reproduction (same seeds) or replication (fresh seeds); null
 *                   in comparison files written before modes existed, which were all reproductions
 * @param modeReason why that mode ran, in words
 */
public record BaselineComparisonResult(String baselineRunId, String currentRunId, List<Finding> findings, ComparisonMode mode,
                         String modeReason) {
    public BaselineComparisonResult {
        findings = findings == null ? List.of() : findings;
    }

    /** A reproduction comparison (same seeds), as all comparisons were before replication mode. */
    public BaselineComparisonResult(String baselineRunId, String currentRunId, List<Finding> findings) {
        this(baselineRunId, currentRunId, findings, ComparisonMode.REPRODUCTION, null);
    }

    /** "replication mode: fresh seeds: ..." for the top of a report; empty for an old comparison without a mode. */
    public String describeMode() {
        if (mode == null) {
            return "";
        }
        return mode.name().toLowerCase(Locale.ROOT) + " mode" + (modeReason == null ? "" : ": " + modeReason);
    }

    /** True if any finding should fail the nightly. */
    public boolean anyRegression() {
        return findings.stream().anyMatch(Finding::regression);
    }

    public List<Finding> regressionFindings() {
        return findings.stream().filter(Finding::regression).toList();
    }
}
