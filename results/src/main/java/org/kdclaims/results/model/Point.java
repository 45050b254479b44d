package org.kdclaims.results.model;

/** A point of a plot series; {@code yLow}/{@code yHigh} (both or neither) give an error bar. */
public record Point(double x, double y, Double yLow, Double yHigh) {
    /** A point without an error bar. */
    public static Point of(double x, double y) {
        return new Point(x, y, null, null);
    }

    public boolean hasErrorBar() {
        return yLow != null && yHigh != null;
    }
}
