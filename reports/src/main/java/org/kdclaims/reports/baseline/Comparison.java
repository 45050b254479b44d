package org.kdclaims.reports.baseline;

import java.util.List;

/** The outcome of comparing a run against the accepted baseline. */
public record Comparison(String baselineRunId, String currentRunId, List<Finding> findings) {
    public Comparison {
        findings = findings == null ? List.of() : findings;
    }

    /** True if any finding should fail the nightly. */
    public boolean anyRegression() {
        return findings.stream().anyMatch(Finding::regression);
    }

    public List<Finding> regressionFindings() {
        return findings.stream().filter(Finding::regression).toList();
    }
}
