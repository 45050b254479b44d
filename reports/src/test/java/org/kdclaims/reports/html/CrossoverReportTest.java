package org.kdclaims.reports.html;

import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.kdclaims.reports.Fixtures;
import org.kdclaims.reports.allure.AllureClaimText;
import org.kdclaims.reports.format.FindingText;
import org.kdclaims.results.model.ArmResult;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.CrossoverRecord;
import org.kdclaims.results.model.RunResults;

import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A crossover claim (the paper's Fig. 3) in the report: both learning curves on one chart with their
 * 95 % CIs and the early part shaded, the epochs as numbers, and both decisive tests (the best early
 * epoch's and the final one's) in the statistics, the one-line finding and Allure.
 */
class CrossoverReportTest {
    private static final ClaimResult C4A = Fixtures.c4aCrossover();
    private static final CrossoverRecord X = C4A.crossover();

    @Test
    void bothLearningCurvesAreDrawnOnOneChartWithTheirIntervals() {
        XYPlot plot = CrossoverChart.create(X, C4A.metric()).getXYPlot();
        IntervalXYDataset curves = (IntervalXYDataset) plot.getDataset(0);
        assertThat(curves.getSeriesCount()).isEqualTo(2);
        assertThat(curves.getSeriesKey(0)).isEqualTo("fullKd");
        assertThat(curves.getSeriesKey(1)).isEqualTo("scratch");
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("epoch");
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("test error (%)");
        for (int s = 0; s < 2; s++) {
            List<org.kdclaims.results.model.CurvePoint> points = s == 0 ? X.firstCurve() : X.secondCurve();
            assertThat(curves.getItemCount(s)).isEqualTo(10);
            for (int i = 0; i < 10; i++) {
                ArmResult a = points.get(i).arm();
                // at its epoch, moved a little sideways so that the two arms' bars do not hide each other
                assertThat(curves.getXValue(s, i)).isCloseTo(10 * (i + 1), within(1.0));
                assertThat(curves.getYValue(s, i)).isCloseTo(a.mean(), within(1e-12));
                assertThat(curves.getStartYValue(s, i)).isCloseTo(a.ciLow(), within(1e-12));
                assertThat(curves.getEndYValue(s, i)).isCloseTo(a.ciHigh(), within(1e-12));
            }
        }
        // the curves cross: fullKd lower at epoch 20, higher at the end
        assertThat(curves.getYValue(0, 1)).isLessThan(curves.getYValue(1, 1));
        assertThat(curves.getYValue(0, 9)).isGreaterThan(curves.getYValue(1, 9));
    }

    @Test
    void theEarlyPartIsShadedAndTheVerdictsEpochsMarked() {
        XYPlot plot = CrossoverChart.create(X, C4A.metric()).getXYPlot();
        Collection<?> markers = plot.getDomainMarkers(Layer.BACKGROUND);
        assertThat(markers).singleElement().satisfies(m -> {
            assertThat(m).isInstanceOf(IntervalMarker.class);
            assertThat(((IntervalMarker) m).getEndValue()).isEqualTo(40.0);
            assertThat(((Marker) m).getLabel()).isEqualTo(CrossoverChart.EARLY + " (\u2264 epoch 40)");
        });
        XYDataset marked = plot.getDataset(1);
        assertThat(marked.getSeriesKey(0)).isEqualTo(CrossoverChart.MARKED);
        // the best early epoch (20) and the final one (100), for both arms
        assertThat(marked.getItemCount(0)).isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            double x = marked.getXValue(0, i);
            assertThat(Math.min(Math.abs(x - 20), Math.abs(x - 100))).isLessThan(1);
        }
    }

    @Test
    void theClaimSectionShowsTheChartTheEpochsAndBothTests() {
        String html = ClaimReport.render(new RunResults(RunResults.SCHEMA, Fixtures.run(), List.of(C4A)), null);
        String section = html.substring(html.indexOf("<section class=\"card claim"));
        assertThat(section).contains("<figure class=\"chart verdict-chart\" title=\"Learning curves: fullKd and"
                + " scratch by epoch\"><svg");
        // the arms' difference panel belongs to two-arm claims: a crossover's difference is per epoch
        assertThat(section).doesNotContain("Arms and their difference");
        assertThat(section).contains("<h3>Learning curves</h3>", "<table class=\"ours crossover\">");
        for (int e = 10; e <= 100; e += 10) {
            assertThat(section).contains("<tr><td>epoch " + e);
        }
        assertThat(section).contains("early: d &lt; 0? (best early)", "0.0084 (Holm)", "final: d &gt; 0?",
                "not tested");
        // the best early epoch has the larger p of the two parts: it decides
        assertThat(section).contains("<tr><td>epoch 20 <span class=\"marked\"");
        assertThat(section).contains("best early epoch (d &lt; 0)</dt><dd>epoch 20: d = -2.53 points [-3.1, -1.96],"
                + " Holm-adjusted p(d &lt; 0) 0.0084 (unadjusted 0.0021), detectable 0.8; decisive");
        assertThat(section).contains("final epoch (d &gt; 0)</dt><dd>epoch 100: d = +1 points [0.6, 1.4], p(d &gt; 0)"
                + " 0.0032", "decision rule");
        assertThat(html).doesNotContain("http://", "https://", "<script");
    }

    @Test
    void theFindingAndAllureNameBothDecisiveTests() {
        assertThat(FindingText.difference(C4A)).hasValue("fullKd \u2212 scratch: -2.53 points [-3.1, -1.96] at"
                + " epoch 20, +1 points [0.6, 1.4] at epoch 100");
        String allure = AllureClaimText.statistics(C4A);
        assertThat(allure).contains("best early epoch (d < 0): epoch 20", "final epoch (d > 0): epoch 100",
                "decision rule: d = fullKd - scratch");
    }
}
