package org.kdclaims.reports.html;

import org.jfree.chart.JFreeChart;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import java.awt.Rectangle;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Renders a chart as an inline {@code <svg>} element: vector, small, and needs no file beside
 * the page. Each chart gets its own id prefix because clip-path ids of several SVGs share one
 * HTML document.
 */
public final class SvgCharts {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 380;
    /**
     * Namespace declarations are redundant in HTML5 inline SVG, and removing them keeps the page
     * free of any http:// string, so "no external reference" is trivially checkable.
     */
    private static final Pattern XMLNS = Pattern.compile("\\s+xmlns(:\\w+)?=('[^']*'|\"[^\"]*\")");
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private SvgCharts() {
    }

    public static String svg(JFreeChart chart) {
        return stacked(List.of(chart), new int[] {HEIGHT});
    }

    /**
     * Several charts one above the other in one SVG, each {@link #WIDTH} wide and as high as
     * {@code heights} says: panels with their own scales that belong together (e.g. arm means
     * and their difference).
     */
    public static String stacked(List<JFreeChart> charts, int[] heights) {
        if (charts.size() != heights.length) {
            throw new IllegalArgumentException(charts.size() + " charts but " + heights.length + " heights");
        }
        int total = 0;
        for (int h : heights) {
            total += h;
        }
        String id = "kdchart" + COUNTER.incrementAndGet();
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, total);
        g.setDefsKeyPrefix(id + "-");
        // two decimals are plenty at screen resolution and halve the page size
        g.setGeomDoubleConverter(SvgCharts::twoDecimals);
        g.setTransformDoubleConverter(SvgCharts::twoDecimals);
        int top = 0;
        for (int i = 0; i < charts.size(); i++) {
            charts.get(i).draw(g, new Rectangle(0, top, WIDTH, heights[i]));
            top += heights[i];
        }
        String svg = g.getSVGElement(id, false, new ViewBox(0, 0, WIDTH, total),
                PreserveAspectRatio.XMID_YMID, MeetOrSlice.MEET);
        return XMLNS.matcher(svg).replaceAll("");
    }

    private static String twoDecimals(double d) {
        double r = Math.round(d * 100) / 100.0;
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }
}
