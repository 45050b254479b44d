package org.kdclaims.results.model;

import java.util.List;

/** A chart a claim asks for (e.g. student error vs teacher size), drawn by the report as an x-y line chart. */
public record Plot(String title, String xLabel, String yLabel, List<Series> series) {
    public Plot {
        series = series == null ? List.of() : series;
    }
}
