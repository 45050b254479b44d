package org.kdclaims.reports.html;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.kdclaims.reports.format.Fmt;
import org.kdclaims.results.model.ArmResult;
import org.kdclaims.results.model.CrossoverRecord;
import org.kdclaims.results.model.CurvePoint;
import org.kdclaims.results.model.Plot;
import org.kdclaims.results.model.Point;
import org.kdclaims.results.model.Series;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The two learning curves a crossover claim is about, on one chart over epochs: each arm's mean with
 * its 95 % CI at every evaluated epoch (the error-bar chart of {@link PlotChart}), the early part of
 * training shaded, and the epochs the verdict rests on (the best early one and the final one) marked,
 * so a reader sees where the first curve is below the second and whether it ends above it.
 */
public final class CrossoverChart {
    public static final String EARLY = "early part";
    public static final String MARKED = "epochs the verdict rests on";
    private static final Color EARLY_SHADE = new Color(0xF6F8FA);
    /** Not a palette colour: the marks must not read as a third arm, nor as the second (orange) one. */
    private static final Color MARK = new Color(0x24292F);
    /** Each arm's bars are moved this share of the epochs' spacing sideways, so two CIs at one epoch stay apart. */
    private static final double DODGE = 0.08;

    private CrossoverChart() {
    }

    /** {@code metric} labels the y axis, e.g. "test error (%)". */
    public static JFreeChart create(CrossoverRecord c, String metric) {
        String y = metric == null ? "test error" : metric;
        double dodge = DODGE * spacing(c.firstCurve());
        Plot plot = new Plot("Learning curves: " + y + " by epoch (mean \u00b1 95 % CI)", "epoch", y,
                List.of(series(c.first(), c.firstCurve(), -dodge), series(c.second(), c.secondCurve(), dodge)));
        JFreeChart chart = PlotChart.create(plot);
        XYPlot xy = chart.getXYPlot();
        // whole epochs on the axis, although the dodged bars sit between them
        ((NumberAxis) xy.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        IntervalMarker early = new IntervalMarker(0, c.earlyUntil(), EARLY_SHADE);
        early.setLabel(EARLY + " (\u2264 epoch " + Fmt.num(c.earlyUntil()) + ")");
        early.setLabelFont(new Font(PlotChart.FONT, Font.PLAIN, 10));
        early.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        early.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        xy.addDomainMarker(early, Layer.BACKGROUND);
        xy.setDataset(1, marked(c, dodge));
        xy.setRenderer(1, markRenderer());
        return chart;
    }

    private static Series series(String name, List<CurvePoint> curve, double dodge) {
        List<Point> points = new ArrayList<>();
        for (CurvePoint p : curve) {
            ArmResult a = p.arm();
            if (a == null || Double.isNaN(a.mean())) {
                continue;
            }
            // one seed: no CI, a zero-length bar
            double lo = Double.isNaN(a.ciLow()) ? a.mean() : a.ciLow();
            double hi = Double.isNaN(a.ciHigh()) ? a.mean() : a.ciHigh();
            points.add(new Point(p.x() + dodge, a.mean(), lo, hi));
        }
        return new Series(name == null ? "" : name, points);
    }

    /** Both arms' means at the marked epochs: hollow squares over the curves' points. */
    private static XYSeriesCollection marked(CrossoverRecord c, double dodge) {
        XYSeries s = new XYSeries(MARKED, false, true);
        add(s, c.firstCurve(), -dodge);
        add(s, c.secondCurve(), dodge);
        return new XYSeriesCollection(s);
    }

    private static void add(XYSeries s, List<CurvePoint> curve, double dodge) {
        for (CurvePoint p : curve) {
            if (p.marked() && p.arm() != null && !Double.isNaN(p.arm().mean())) {
                s.add(p.x() + dodge, p.arm().mean());
            }
        }
    }

    private static XYLineAndShapeRenderer markRenderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesPaint(0, MARK);
        r.setSeriesShape(0, new Rectangle2D.Double(-5.5, -5.5, 11, 11));
        r.setSeriesShapesFilled(0, false);
        r.setSeriesStroke(0, new BasicStroke(2.2f));
        return r;
    }

    /** The smallest gap between evaluated epochs (1 with fewer than two). */
    private static double spacing(List<CurvePoint> curve) {
        double gap = Double.POSITIVE_INFINITY;
        for (int i = 1; i < curve.size(); i++) {
            gap = Math.min(gap, Math.abs(curve.get(i).x() - curve.get(i - 1).x()));
        }
        return Double.isFinite(gap) && gap > 0 ? gap : 1;
    }
}
