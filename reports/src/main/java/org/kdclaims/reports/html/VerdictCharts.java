package org.kdclaims.reports.html;

import org.kdclaims.results.model.ClaimResult;

import java.util.ArrayList;
import java.util.List;

/**
 * The charts that show what a verdict rests on, as SVG: the two learning curves of a crossover
 * claim, the curve of a shape claim, or the arms and their difference against the margin for a
 * two-arm claim with statistics. Public so that the
 * Allure side can attach the same pictures the report shows.
 */
public final class VerdictCharts {
    /** One chart: a title for a caption or attachment name, and the inline SVG (no namespace). */
    public record Figure(String title, String svg) {
    }

    private static final int ROW_HEIGHT = 44;
    private static final int PANEL_CHROME = 90;
    private static final int DIFFERENCE_HEIGHT = 150;

    private VerdictCharts() {
    }

    /** The verdict's charts for {@code c}; empty for claims written before curves and statistics existed. */
    public static List<Figure> of(ClaimResult c) {
        List<Figure> figures = new ArrayList<>();
        if (c.crossover() != null && !c.crossover().firstCurve().isEmpty()) {
            figures.add(new Figure("Learning curves: " + c.crossover().first() + " and " + c.crossover().second()
                    + " by epoch", SvgCharts.svg(CrossoverChart.create(c.crossover(), c.metric()))));
        } else if (c.curve() != null && !c.curve().points().isEmpty()) {
            figures.add(new Figure("Curve: test error over " + c.curve().dimension(),
                    SvgCharts.svg(CurveChart.create(c.curve(), c.metric()))));
        } else if (DifferenceChart.applies(c)) {
            int armsHeight = PANEL_CHROME + ROW_HEIGHT * c.arms().size();
            figures.add(new Figure("Arms and their difference vs the margin", SvgCharts.stacked(
                    DifferenceChart.panels(c), new int[] {armsHeight, DIFFERENCE_HEIGHT})));
        }
        return figures;
    }
}
