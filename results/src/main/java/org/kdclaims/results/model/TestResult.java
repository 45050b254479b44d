package org.kdclaims.results.model;

/**
 * The statistical test behind a verdict.
 *
 * @param method      e.g. "Welch t-test", "Mann-Whitney U"
 * @param alternative "less", "greater" or "two-sided"
 * @param df          degrees of freedom, NaN where the test has none
 * @param effectSize  e.g. Cohen's d or Hedges' g, NaN if not computed
 */
public record TestResult(String method, String alternative, double statistic, double df, double pValue,
                         double effectSize, double alpha) {
}
