package org.kdclaims.reports.html;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.kdclaims.reports.Fixtures;
import org.kdclaims.results.model.ArmResult;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.CurvePoint;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The verdict charts draw what the verdict rests on: points with CI bars, marked points, the paper apart, the margin. */
class VerdictChartsTest {
    private static final ClaimResult C5 = Fixtures.c5Curve();

    @Test
    void curveHasEveryPointInOrderWithItsConfidenceInterval() {
        XYPlot plot = CurveChart.create(C5.curve(), C5.metric()).getXYPlot();
        assertThat(((SymbolAxis) plot.getDomainAxis()).getSymbols())
                .containsExactly("WRN16-1", "WRN16-3", "WRN16-8", "WRN16-10");
        IntervalXYDataset ours = (IntervalXYDataset) plot.getDataset(0);
        assertThat(ours.getSeriesKey(0)).isEqualTo(CurveChart.OURS);
        assertThat(ours.getItemCount(0)).isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            ArmResult a = C5.curve().points().get(i).arm();
            assertThat(ours.getXValue(0, i)).isEqualTo(i);
            assertThat(ours.getYValue(0, i)).isCloseTo(a.mean(), within(1e-12));
            assertThat(ours.getStartYValue(0, i)).isCloseTo(a.ciLow(), within(1e-12));
            assertThat(ours.getEndYValue(0, i)).isCloseTo(a.ciHigh(), within(1e-12));
        }
    }

    @Test
    void theVerdictsPointsAreHighlighted() {
        XYPlot plot = CurveChart.create(C5.curve(), C5.metric()).getXYPlot();
        XYDataset ours = plot.getDataset(0);
        assertThat(ours.getSeriesKey(1)).isEqualTo(CurveChart.MARKED);
        assertThat(ours.getItemCount(1)).isEqualTo(2);
        assertThat(List.of(ours.getXValue(1, 0), ours.getXValue(1, 1))).containsExactly(1.0, 2.0);
        assertThat(plot.getRenderer(0).getSeriesPaint(1)).isNotEqualTo(plot.getRenderer(0).getSeriesPaint(0));
    }

    @Test
    void thePaperIsOnItsOwnLabelledRightHandAxis() {
        XYPlot plot = CurveChart.create(C5.curve(), C5.metric()).getXYPlot();
        assertThat(plot.getRangeAxis(1).getLabel()).isEqualTo("paper: test error %");
        assertThat(plot.getRangeAxis(0).getLabel()).isEqualTo("ours: test error %");
        assertThat(plot.getRangeAxisLocation(1).toString()).contains("RIGHT");
        assertThat(plot.getRangeAxisIndex(plot.getRangeAxis(1))).isEqualTo(1);
        XYDataset paper = plot.getDataset(1);
        assertThat(plot.getRangeAxisForDataset(1)).isSameAs(plot.getRangeAxis(1));
        // the last point has no paper value: three paper points, at the positions of their own points
        assertThat(paper.getItemCount(0)).isEqualTo(3);
        assertThat(paper.getYValue(0, 1)).isEqualTo(7.61);
        assertThat(plot.getRangeAxis(1).getRange().contains(7.61)).isTrue();
        assertThat(plot.getRangeAxis(0).getRange().contains(7.61)).isFalse();
    }

    @Test
    void aCurveWithoutPaperValuesHasNoPaperAxis() {
        List<CurvePoint> points = C5.curve().points().stream()
                .map(p -> new CurvePoint(p.label(), p.x(), p.arm(), null, p.marked())).toList();
        XYPlot plot = CurveChart.create(new org.kdclaims.results.model.CurveRecord("teacher width", null, points), null)
                .getXYPlot();
        assertThat(plot.getRangeAxis(1)).isNull();
    }

    @Test
    void armsPanelShowsEachArmsMeanAndInterval() {
        ClaimResult c4 = Fixtures.c4WithStatistics();
        XYPlot plot = DifferenceChart.armsPanel(c4).getXYPlot();
        assertThat(plot.getOrientation()).isEqualTo(PlotOrientation.HORIZONTAL);
        assertThat(Arrays.asList(((SymbolAxis) plot.getDomainAxis()).getSymbols())).containsExactly("ESKD", "full KD");
        IntervalXYDataset d = (IntervalXYDataset) plot.getDataset();
        ArmResult fullKd = c4.arms().get(0);
        assertThat(d.getXValue(0, 0)).isEqualTo(1.0); // first arm on top
        assertThat(d.getYValue(0, 0)).isEqualTo(fullKd.mean());
        assertThat(d.getStartYValue(0, 0)).isEqualTo(fullKd.ciLow());
        assertThat(d.getEndYValue(0, 0)).isEqualTo(fullKd.ciHigh());
    }

    @Test
    void differencePanelDrawsTheCiAgainstZeroAndMinusTheMargin() {
        ClaimResult c4 = Fixtures.c4WithStatistics();
        ClaimResult withMargin = Fixtures.withVerdictFields(c4, c4.verdict(),
                new org.kdclaims.results.model.Statistics("Welch's t-test, one-sided", "unpaired", null, -0.4, -0.7,
                        -0.1, 0.5, 0.01, 0.05, 0.3, null, null, null, null, null),
                c4.premises(), c4.regime(), null, null);
        JFreeChart chart = DifferenceChart.differencePanel(withMargin);
        XYPlot plot = chart.getXYPlot();
        IntervalXYDataset d = (IntervalXYDataset) plot.getDataset();
        assertThat(d.getYValue(0, 0)).isEqualTo(-0.4);
        assertThat(d.getStartYValue(0, 0)).isEqualTo(-0.7);
        assertThat(d.getEndYValue(0, 0)).isEqualTo(-0.1);
        List<Double> lines = plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).stream()
                .map(m -> ((ValueMarker) m).getValue()).toList();
        assertThat(lines).containsExactlyInAnyOrder(0.0, -0.5);
        assertThat(plot.getRangeAxis().getRange().contains(-0.5)).isTrue();
        assertThat(plot.getRangeAxis().getRange().contains(-0.7)).isTrue();
        assertThat(chart.getTitle().getText()).contains("margin 0.5");
    }

    @Test
    void onlyClaimsWithStatisticsOrACurveGetVerdictCharts() {
        assertThat(VerdictCharts.of(Fixtures.c4Supported())).isEmpty();
        assertThat(VerdictCharts.of(Fixtures.c4WithStatistics())).singleElement()
                .satisfies(f -> assertThat(f.svg()).startsWith("<svg").contains("Arms: mean and 95 % CI",
                        "Difference with 95 % CI"));
        assertThat(VerdictCharts.of(C5)).singleElement()
                .satisfies(f -> assertThat(f.svg()).contains("paper (right axis)", "WRN16-3"));
    }
}
