package org.kdclaims.reports.html;

import org.kdclaims.results.model.EpochRecord;
import org.kdclaims.results.model.Plot;
import org.kdclaims.results.model.Point;
import org.kdclaims.results.model.Series;
import org.kdclaims.results.model.TrainingRunRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Derives learning-curve plots from the training runs of a claim: one series per role and
 * architecture, the mean over seeds at each epoch with the seeds' min and max as its band
 * ({@link Point#yLow()}, {@link Point#yHigh()}; see {@link PlotChart#bands}). One line and one band
 * per arm reads where a line per seed did not. Computed here rather than stored, so every claim
 * gets them without the framework having to ask.
 */
public final class LearningCurves {
    private LearningCurves() {
    }

    /** Test error vs epoch, plus KD error vs epoch when any run recorded it. */
    public static List<Plot> of(List<TrainingRunRecord> runs) {
        List<Plot> plots = new ArrayList<>();
        Plot testError = plot(runs, "Learning curves: test error (mean over seeds, band min\u2013max)", "test error",
                m -> m.testError());
        if (testError != null) {
            plots.add(testError);
        }
        Plot kdError = plot(runs, "Student/teacher disagreement (KD error, mean over seeds, band min\u2013max)", "KD error",
                m -> m.kdError());
        if (kdError != null) {
            plots.add(kdError);
        }
        return plots;
    }

    private static Plot plot(List<TrainingRunRecord> runs, String title, String yLabel,
                             Function<EpochRecord, Double> metric) {
        Map<String, TreeMap<Integer, double[]>> groups = new LinkedHashMap<>();
        for (TrainingRunRecord run : runs) {
            for (EpochRecord m : run.curve()) {
                Double v = m == null ? null : metric.apply(m);
                if (v == null || Double.isNaN(v)) {
                    continue;
                }
                // {sum, count, min, max} per epoch; seeds may have different lengths (e.g. early-stopped)
                double[] acc = groups.computeIfAbsent(label(run), k -> new TreeMap<>())
                        .computeIfAbsent(m.epoch(), k -> new double[] {0, 0, Double.MAX_VALUE, -Double.MAX_VALUE});
                acc[0] += v;
                acc[1]++;
                acc[2] = Math.min(acc[2], v);
                acc[3] = Math.max(acc[3], v);
            }
        }
        if (groups.isEmpty()) {
            return null;
        }
        List<Series> series = new ArrayList<>();
        groups.forEach((name, byEpoch) -> {
            List<Point> points = new ArrayList<>();
            byEpoch.forEach((epoch, acc) -> points.add(acc[1] > 1
                    ? new Point(epoch, acc[0] / acc[1], acc[2], acc[3]) : Point.of(epoch, acc[0])));
            series.add(new Series(name, points));
        });
        return new Plot(title, "epoch", yLabel, series);
    }

    private static String label(TrainingRunRecord run) {
        String role = run.role() == null ? "" : run.role();
        String arch = run.arch() == null ? "" : run.arch();
        if (role.isBlank()) {
            return arch.isBlank() ? "run" : arch;
        }
        return arch.isBlank() ? role : role + " \u00b7 " + arch;
    }
}
