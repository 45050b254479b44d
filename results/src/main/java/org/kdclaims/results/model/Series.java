package org.kdclaims.results.model;

import java.util.List;

/** A named line of a plot. */
public record Series(String name, List<Point> points) {
    public Series {
        points = points == null ? List.of() : points;
    }
}
