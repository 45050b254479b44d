package org.kdclaims.extension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.TreeSet;

import org.kdclaims.api.Metric;
import org.kdclaims.results.model.Replication;
import org.kdclaims.stats.PowerAnalysis;
import org.kdclaims.stats.VarianceComponents;

/**
 * The replication behind a verdict on two metrics: what was replicated, the variance between and
 * within teachers of the tested difference, and how many teachers with how many students each would
 * detect the paper's difference. The test itself ran on per-teacher means paired by teacher seed;
 * the components say where its noise comes from, and so which of teachers or students to add.
 */
final class ReplicationStatistics {
    private ReplicationStatistics() {
    }

    /**
     * @param a      the first arm's per-student metric
     * @param b      the second arm's
     * @param alpha  the alpha the test's power is computed at
     * @param effect the paper's effect in the direction of the claim, NaN when the paper gives none
     */
    static Replication of(Metric a, Metric b, double alpha, double effect) {
        boolean conditional = a.conditionalOnOneTeacher() || b.conditionalOnOneTeacher();
        if (!a.byTeacher() && !b.byTeacher()) {
            int n = Math.min(a.values().length, b.values().length);
            String design = conditional
                    ? n + " students per arm paired by seed, all students of an arm taught by one teacher: the verdict"
                            + " is conditional on these teachers and says nothing about teachers made the same way"
                    : n + " seeds per arm";
            return new Replication(Replication.UNIT_SEED, n, 1, null, null, conditional, design, null);
        }
        VarianceComponents c = components(a, b);
        int k = c.teachers();
        int m = Math.max(1, c.students() / Math.max(1, k));
        String design = String.format(Locale.ROOT, "%d teachers x %d student%s per arm; paired t-test on per-teacher"
                + " means of the difference, paired by teacher seed (%d pairs)", k, m, m == 1 ? "" : "s", k);
        return new Replication(Replication.UNIT_TEACHER, k, m, finite(c.between()), finite(c.within()), conditional,
                design, needed(c, k, m, alpha, effect));
    }

    /**
     * The components of the student-level difference a - b when the arms share their student seeds
     * (every pair shares initialisation and data order, and the teacher seed); otherwise of each arm,
     * added (independent arms).
     */
    static VarianceComponents components(Metric a, Metric b) {
        if (Arrays.equals(a.seeds(), b.seeds()) && Arrays.equals(a.units(), b.units())) {
            double[] d = new double[a.values().length];
            for (int i = 0; i < d.length; i++) {
                d[i] = a.values()[i] - b.values()[i];
            }
            return VarianceComponents.of(a.units(), d);
        }
        VarianceComponents x = VarianceComponents.of(a.units(), a.values());
        VarianceComponents y = VarianceComponents.of(b.units(), b.values());
        return new VarianceComponents(Math.min(x.teachers(), y.teachers()), Math.min(x.students(), y.students()),
                x.between() + y.between(), x.within() + y.within(), x.total() + y.total());
    }

    /** e.g. "14 teachers x 1 student, 9 x 2, 7 x 8"; null when the paper gives no effect. */
    private static String needed(VarianceComponents c, int k, int m, double alpha, double effect) {
        if (!(effect > 0)) {
            return null;
        }
        List<String> options = new ArrayList<>();
        for (int perTeacher : new TreeSet<>(List.of(1, m, 2 * m, 8))) {
            double variance = c.ofTeacherMean(perTeacher, m);
            if (!(variance > 0)) {
                continue; // unknown for this design, or no spread at all (then any two teachers decide)
            }
            OptionalInt teachers = PowerAnalysis.paired(k, Math.sqrt(variance), alpha, effect).requiredN();
            options.add((teachers.isPresent() ? Integer.toString(teachers.getAsInt()) : "more than "
                    + PowerAnalysis.MAX_N) + " teachers x " + perTeacher + " student" + (perTeacher == 1 ? "" : "s"));
        }
        String split = c.separable() ? "" : " (one student per teacher: the components cannot be separated, so only"
                + " this design's count is known; train 2 or more students per teacher to split them)";
        return String.format(Locale.ROOT, "80%% power at the paper's effect (%.3g from the test's null boundary)"
                + " needs %s%s", effect, String.join(", ", options), split);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
