package org.kdclaims.results.model;

import java.util.List;

/**
 * A claim about the shape of a curve (e.g. student error over teacher width has an interior
 * minimum) rather than about two arms.
 *
 * @param dimension what varies along the curve, e.g. "teacher width", "teacher stop (fraction of training)"
 * @param shape     the shape the verdict is about, e.g. "INTERIOR_MINIMUM", "BEST_BEFORE_END", "MONOTONE_INCREASING"
 * @param points    the curve's points in the order of the dimension
 */
public record CurveRecord(String dimension, String shape, List<CurvePoint> points) {
    public CurveRecord {
        points = points == null ? List.of() : points;
    }
}
