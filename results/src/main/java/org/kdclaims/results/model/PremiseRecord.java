package org.kdclaims.results.model;

/**
 * A condition the paper's claim takes for granted, checked on our own numbers, e.g. ("teacher more
 * accurate than student", "every teacher's test error is below the scratch student's", 46.1, 56.0,
 * "% test error", true). When a premise fails, the experiment did not reproduce the situation the
 * paper speaks about, and its verdict is not evidence for or against the paper.
 *
 * @param observed  our value of the premise's quantity
 * @param threshold the value it has to beat for the premise to hold
 * @param unit      the unit of both numbers
 */
public record PremiseRecord(String name, String statement, double observed, double threshold, String unit,
                      boolean holds) {
}
