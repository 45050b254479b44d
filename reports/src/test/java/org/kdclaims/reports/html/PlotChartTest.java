package org.kdclaims.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kdclaims.results.model.Plot;
import org.kdclaims.results.model.Point;
import org.kdclaims.results.model.Series;

/** Axis ticks read as plain numbers: whole epochs on x, decimals (never "4E0") on y. */
class PlotChartTest {
    private static Point p(double x, double y) {
        return new Point(x, y, null, null);
    }

    @Test
    void ticksArePlainNumbers() {
        Plot plot = new Plot("curve", "epoch", "test error (%)", List.of(
                new Series("a", List.of(p(1, 4.1), p(2, 4.05), p(3, 3.98), p(4, 3.96))),
                new Series("b", List.of(p(1, 4.2), p(2, 4.0), p(3, 3.99), p(4, 3.97)))));
        String svg = SvgCharts.svg(PlotChart.create(plot));
        assertThat(svg).doesNotContainPattern(">\\s*-?[0-9.]+E-?[0-9]+\\s*<");
        assertThat(svg).containsPattern(">\\s*4\\.0+\\s*<");   // a y tick as a decimal
        assertThat(svg).doesNotContainPattern(">\\s*1\\.5\\s*<");  // no half epochs on x
    }
}
