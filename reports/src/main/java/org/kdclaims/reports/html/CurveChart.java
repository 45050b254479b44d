package org.kdclaims.reports.html;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.kdclaims.results.model.ArmResult;
import org.kdclaims.results.model.CurveRecord;
import org.kdclaims.results.model.CurvePoint;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;

/**
 * The curve a shape claim is about: our mean test error with its 95 % CI at each point, in the
 * curve's order, with the points the verdict rests on highlighted. The paper's values are drawn
 * beside ours on a right-hand axis of their own, labelled "paper": their scale differs from ours
 * (e.g. 7.6 % on full CIFAR-10 vs 55 % at small scale), so only their shape is comparable.
 */
public final class CurveChart {
    public static final String OURS = "ours: mean \u00b1 95 % CI";
    public static final String MARKED = "points the verdict rests on";
    public static final String PAPER = "paper";
    private static final Color MARK = new Color(0xD55E00);
    private static final Color PAPER_COLOR = new Color(0x6E7781);

    private CurveChart() {
    }

    /** {@code metric} labels our axis, e.g. "test error %". */
    public static JFreeChart create(CurveRecord curve, String metric) {
        String[] labels = curve.points().stream().map(p -> p.label() == null ? "" : p.label()).toArray(String[]::new);
        SymbolAxis x = new SymbolAxis(curve.dimension(), labels);
        x.setLabelFont(new Font(PlotChart.FONT, Font.PLAIN, 12));
        x.setTickLabelFont(new Font(PlotChart.FONT, Font.PLAIN, 11));
        x.setGridBandsVisible(false);
        NumberAxis ours = PlotChart.axis("ours: " + (metric == null ? "test error" : metric));
        ours.setStandardTickUnits(NumberAxis.createStandardTickUnits());

        XYPlot plot = new XYPlot(ourData(curve), x, ours, ourRenderer());
        XYSeriesCollection paper = paperData(curve);
        if (paper.getSeries(0).getItemCount() > 0) {
            NumberAxis paperAxis = PlotChart.axis(PAPER + ": " + (metric == null ? "test error" : metric));
            paperAxis.setStandardTickUnits(NumberAxis.createStandardTickUnits());
            paperAxis.setLabelPaint(PAPER_COLOR);
            paperAxis.setTickLabelPaint(PAPER_COLOR);
            plot.setRangeAxis(1, paperAxis);
            plot.setDataset(1, paper);
            plot.mapDatasetToRangeAxis(1, 1);
            plot.setRenderer(1, paperRenderer());
        }
        String title = "Test error over " + curve.dimension() + (curve.shape() == null ? "" : " (" + curve.shape() + ")");
        return PlotChart.styled(title, plot, true);
    }

    private static YIntervalSeriesCollection ourData(CurveRecord curve) {
        YIntervalSeries all = new YIntervalSeries(OURS, false, true);
        YIntervalSeries marked = new YIntervalSeries(MARKED, false, true);
        for (int i = 0; i < curve.points().size(); i++) {
            CurvePoint p = curve.points().get(i);
            ArmResult a = p.arm();
            if (a == null || Double.isNaN(a.mean())) {
                continue;
            }
            // one seed: no CI, a zero-length bar
            double lo = Double.isNaN(a.ciLow()) ? a.mean() : a.ciLow();
            double hi = Double.isNaN(a.ciHigh()) ? a.mean() : a.ciHigh();
            all.add(i, a.mean(), lo, hi);
            if (p.marked()) {
                marked.add(i, a.mean(), lo, hi);
            }
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(all);
        data.addSeries(marked);
        return data;
    }

    private static XYSeriesCollection paperData(CurveRecord curve) {
        XYSeries paper = new XYSeries(PAPER + " (right axis)", false, true);
        for (int i = 0; i < curve.points().size(); i++) {
            Double v = curve.points().get(i).paperValue();
            if (v != null && !Double.isNaN(v)) {
                paper.add(i, v);
            }
        }
        return new XYSeriesCollection(paper);
    }

    private static XYErrorRenderer ourRenderer() {
        XYErrorRenderer r = PlotChart.errorRenderer();
        r.setSeriesPaint(0, PlotChart.PALETTE[0]);
        r.setSeriesStroke(0, new BasicStroke(1.6f));
        r.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        // the verdict's points: same place, larger and in another colour, no line of their own
        r.setSeriesPaint(1, MARK);
        r.setSeriesLinesVisible(1, false);
        r.setSeriesShape(1, new Rectangle2D.Double(-5.5, -5.5, 11, 11));
        r.setSeriesShapesFilled(1, false);
        r.setSeriesStroke(1, new BasicStroke(2.2f));
        return r;
    }

    private static XYLineAndShapeRenderer paperRenderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, PAPER_COLOR);
        r.setSeriesStroke(0, new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {5f, 4f}, 0f));
        r.setSeriesShape(0, new Rectangle2D.Double(-3, -3, 6, 6));
        return r;
    }
}
