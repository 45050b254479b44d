package org.kdclaims.results.model;

/**
 * One point of a {@link CurveRecord}: an arm measured at one position of the curve's dimension.
 *
 * @param label      what the point is, e.g. "WRN16-3" or "stop at 25 %"
 * @param x          its position along the dimension (used for order and spacing)
 * @param arm        our measurement over seeds
 * @param paperValue the paper's value at this point; null if it gives none
 * @param marked     true for the points the verdict rests on (e.g. the minimum and the end point)
 */
public record CurvePoint(String label, double x, ArmResult arm, Double paperValue, boolean marked) {
}
