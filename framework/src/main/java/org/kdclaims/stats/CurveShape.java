package org.kdclaims.stats;

/** The shapes a curve claim can state; lower values are better (see {@link Curve}). */
public enum CurveShape {
    /**
     * "Falls then rises": some point before the last is significantly lower than the last.
     * Refuted when the last point is significantly lower than every earlier point.
     */
    INTERIOR_MINIMUM("some point before the last is lower than the last"),
    /**
     * "Some early stop beats the fully trained one": the same test as {@link #INTERIOR_MINIMUM},
     * the end being the last point or, with {@link CurveClaims#bestBeforeEnd(Curve, Curve.Point, double)},
     * a separate reference arm (e.g. the fully trained teacher).
     */
    BEST_BEFORE_END("some earlier point beats the end"),
    /** The values tend to rise with the point index (slope test, {@link Trend}). */
    MONOTONE_INCREASING("the values increase along the curve"),
    /** The values tend to fall with the point index (slope test, {@link Trend}). */
    MONOTONE_DECREASING("the values decrease along the curve");

    private final String claim;

    CurveShape(String claim) {
        this.claim = claim;
    }

    /** The claim in words. */
    public String claim() {
        return claim;
    }
}
