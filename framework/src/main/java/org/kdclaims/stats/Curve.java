package org.kdclaims.stats;

import java.util.Arrays;
import java.util.List;

/**
 * A curve measured over seeds: ordered points (e.g. teacher checkpoints by epoch, temperatures),
 * each with its per-seed values and the seeds that produced them. Lower values are better in the
 * shapes of {@link CurveClaims} (errors, losses); negate accuracies before building the curve.
 */
public record Curve(String name, List<Point> points) {

    public Curve {
        points = List.copyOf(points);
    }

    public static Curve of(String name, Point... points) {
        return new Curve(name, List.of(points));
    }

    /** One point: its label (e.g. "epoch 40"), its x value, and per-seed values. */
    public record Point(String label, double x, long[] seeds, double[] values) {
        public Point {
            if (seeds.length != values.length) {
                throw new IllegalArgumentException(label + ": " + seeds.length + " seeds for " + values.length
                        + " values");
            }
            seeds = seeds.clone();
            values = values.clone();
        }

        public Summary summary() {
            return Summary.of(values);
        }
    }

    public int size() {
        return points.size();
    }

    public Point point(int i) {
        return points.get(i);
    }

    /** Whether every point has the same seeds (then comparisons are paired and slopes per seed). */
    public boolean sharedSeeds() {
        return points.stream().allMatch(p -> Comparisons.sameSeeds(p.seeds(), points.get(0).seeds()));
    }

    /** The values of point i, ordered by seed (meaningful when {@link #sharedSeeds()}). */
    double[] valuesBySeed(int i) {
        Point p = points.get(i);
        long[] order = p.seeds().clone();
        Arrays.sort(order);
        return Comparisons.Pairing.bySeed(order, p.seeds(), p.values());
    }
}
