package org.kdclaims.reports.html;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.kdclaims.results.model.Plot;
import org.kdclaims.results.model.Point;
import org.kdclaims.results.model.Series;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;

/**
 * Turns a {@link Plot} into a JFreeChart x-y line chart; points with yLow/yHigh get error bars.
 * Styled by hand (no JFreeChart theme) so the charts match the page: white, light grid,
 * a colour-blind-safe palette.
 */
public final class PlotChart {
    /** Okabe-Ito palette: distinguishable with the common colour-vision deficiencies. */
    static final Color[] PALETTE = {
            new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
            new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};
    static final String FONT = "SansSerif";

    private PlotChart() {
    }

    /**
     * The colour of series {@code i}: the palette, then hues spread by the golden angle, so that
     * a chart with more series than the palette still gives every series its own colour.
     */
    static Color color(int i) {
        if (i < PALETTE.length - 2) {
            return PALETTE[i];
        }
        // black and yellow (the palette's last two) are kept out: black reads as an axis, yellow vanishes on white
        return Color.getHSBColor((float) ((0.07 + (i - PALETTE.length + 2) * 0.618034) % 1.0), 0.75f, 0.72f);
    }

    /** "#0072b2", for an HTML legend drawn in the same colours as the chart. */
    static String hex(Color c) {
        return String.format(java.util.Locale.ROOT, "#%06x", c.getRGB() & 0xFFFFFF);
    }

    /**
     * Lines with a translucent band from yLow to yHigh (e.g. the seeds' min and max), one colour per
     * series. {@code legend} false leaves the legend to the page, so a long one does not squeeze the plot.
     */
    public static JFreeChart bands(Plot plot, boolean legend) {
        YIntervalSeriesCollection data = (YIntervalSeriesCollection) intervalData(plot);
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setAlpha(0.16f);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            r.setSeriesPaint(i, color(i));
            r.setSeriesFillPaint(i, color(i));
            r.setSeriesStroke(i, new BasicStroke(1.8f));
        }
        NumberAxis x = axis(plot.xLabel());
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = axis(plot.yLabel());
        y.setStandardTickUnits(NumberAxis.createStandardTickUnits());
        return styled(plot.title(), new XYPlot(data, x, y, r), legend);
    }

    public static JFreeChart create(Plot plot) {
        boolean errorBars = plot.series().stream()
                .flatMap(s -> s.points().stream()).anyMatch(Point::hasErrorBar);
        XYDataset data = errorBars ? intervalData(plot) : lineData(plot);
        XYLineAndShapeRenderer renderer = errorBars ? errorRenderer() : new XYLineAndShapeRenderer(true, true);
        // one SVG path per series instead of one element per segment: 200-epoch curves stay small
        renderer.setDrawSeriesLineAsPath(true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            Color c = color(i);
            renderer.setSeriesPaint(i, c);
            renderer.setSeriesStroke(i, new BasicStroke(1.6f));
            renderer.setSeriesShape(i, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
            // long curves (learning curves) read better without a marker on every epoch
            renderer.setSeriesShapesVisible(i, data.getItemCount(i) <= 12);
        }
        NumberAxis x = axis(plot.xLabel());
        NumberAxis y = axis(plot.yLabel());
        // plain decimals ("4", "0.5"), never JFreeChart's automatic "4E0"; whole ticks for epochs and seeds
        boolean wholeX = plot.series().stream().flatMap(s -> s.points().stream()).allMatch(p -> p.x() == Math.rint(p.x()));
        x.setStandardTickUnits(wholeX ? NumberAxis.createIntegerTickUnits() : NumberAxis.createStandardTickUnits());
        y.setStandardTickUnits(NumberAxis.createStandardTickUnits());
        return styled(plot.title(), new XYPlot(data, x, y, renderer), true);
    }

    /** The page's look for any x-y plot: white, light grid, bold title, legend below (if wanted). */
    static JFreeChart styled(String title, XYPlot xy, boolean legend) {
        xy.setBackgroundPaint(Color.WHITE);
        xy.setDomainGridlinePaint(new Color(0xE1E4E8));
        xy.setRangeGridlinePaint(new Color(0xE1E4E8));
        xy.setOutlinePaint(new Color(0xD0D7DE));
        xy.setAxisOffset(RectangleInsets.ZERO_INSETS);

        JFreeChart chart = new JFreeChart(null, null, xy, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setTitle(new TextTitle(title == null ? "" : title, new Font(FONT, Font.BOLD, 14)));
        if (legend) {
            LegendTitle l = chart.getLegend();
            l.setPosition(RectangleEdge.BOTTOM);
            l.setItemFont(new Font(FONT, Font.PLAIN, 11));
            l.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        chart.setAntiAlias(true);
        return chart;
    }

    static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis(label == null ? "" : label);
        a.setAutoRangeIncludesZero(false);
        a.setLabelFont(new Font(FONT, Font.PLAIN, 12));
        a.setTickLabelFont(new Font(FONT, Font.PLAIN, 11));
        return a;
    }

    static XYErrorRenderer errorRenderer() {
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDrawYError(true);
        r.setDefaultLinesVisible(true);
        r.setCapLength(6);
        r.setErrorStroke(new BasicStroke(1.2f));
        return r;
    }

    private static XYDataset lineData(Plot plot) {
        XYSeriesCollection c = new XYSeriesCollection();
        for (Series s : plot.series()) {
            XYSeries xs = new XYSeries(uniqueKey(c, s.name()), false, true);
            for (Point p : s.points()) {
                xs.add(p.x(), p.y());
            }
            c.addSeries(xs);
        }
        return c;
    }

    private static XYDataset intervalData(Plot plot) {
        YIntervalSeriesCollection c = new YIntervalSeriesCollection();
        for (Series s : plot.series()) {
            YIntervalSeries ys = new YIntervalSeries(uniqueKey(c, s.name()), false, true);
            for (Point p : s.points()) {
                // a point without bounds in an error-bar chart gets a zero-length bar
                double lo = p.hasErrorBar() ? p.yLow() : p.y();
                double hi = p.hasErrorBar() ? p.yHigh() : p.y();
                ys.add(p.x(), p.y(), lo, hi);
            }
            c.addSeries(ys);
        }
        return c;
    }

    /** JFreeChart rejects two series with the same key; the results may contain that. */
    private static String uniqueKey(XYDataset c, String name) {
        String base = name == null || name.isBlank() ? "series" : name;
        String key = base;
        for (int i = 2; c.indexOf(key) >= 0; i++) {
            key = base + " (" + i + ")";
        }
        return key;
    }
}
