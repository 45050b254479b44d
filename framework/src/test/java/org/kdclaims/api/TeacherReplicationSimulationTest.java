package org.kdclaims.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.kdclaims.stats.ArmComparison;
import org.kdclaims.stats.Comparisons;
import org.kdclaims.stats.Verdict;

/**
 * Why a claim about teachers replicates teachers: simulated claims, no training. A student's error is
 * {@code 58 + teacher effect + seed effect + own noise}: every teacher shifts its students by a normal
 * effect of sd {@link #TEACHER_SD} (two WRN-10-3 teachers of the v2 runs, seeds 1 and 7001, gave
 * students 1.04 points apart), a seed shifts the students of both arms alike ({@link #SEED_SD}: same
 * initialisation and data order), and each student has its own noise ({@link #STUDENT_SD}). With no
 * difference between the arms' procedures, "mean(A) &lt; mean(B)" is tested
 * <ul>
 *   <li>as protocol v2 did: one teacher per arm, 3 students paired by seed (the students counted as
 *       the replications), and</li>
 *   <li>as now: 3 teachers per arm with 2 students each, the paired t-test on per-teacher means
 *       ({@link Metric#perUnit()}, the production path).</li>
 * </ul>
 * It prints the rates and the new design's power at the paper's differences, which README.md quotes.
 */
class TeacherReplicationSimulationTest {
    private static final double ALPHA = 0.05;
    private static final int CLAIMS = 4000;
    static final double TEACHER_SD = 0.6;
    static final double SEED_SD = 0.4;
    static final double STUDENT_SD = 0.5;
    private static final double LIMIT = ALPHA + 3 * Math.sqrt(ALPHA * (1 - ALPHA) / CLAIMS);

    @Test
    void studentSeedTestIsInflatedAndTeacherLevelTestKeepsAlpha() {
        Rates old = simulate(1, 3, false, 0, 101L);
        Rates now = simulate(3, 2, true, 0, 101L);
        System.out.printf(Locale.ROOT, "teacher replication, %d simulated claims per design, no true difference,"
                + " teacher sd %.2f, seed sd %.2f, student sd %.2f (points of test error)%n"
                + "  v2 design (1 teacher x 3 students, paired by student seed): false SUPPORTED %.4f, false REFUTED %.4f%n"
                + "  teacher-level (3 teachers x 2 students, per-teacher means): false SUPPORTED %.4f, false REFUTED %.4f"
                + " (limit alpha + 3 SE = %.4f)%n", CLAIMS, TEACHER_SD, SEED_SD, STUDENT_SD, old.supported,
                old.refuted, now.supported, now.refuted, LIMIT);
        assertThat(old.supported).as("the v2 test's false SUPPORTED rate").isGreaterThan(2 * ALPHA);
        assertThat(old.refuted).as("the v2 test's false REFUTED rate").isGreaterThan(2 * ALPHA);
        assertThat(now.supported).isLessThanOrEqualTo(LIMIT);
        assertThat(now.refuted).isLessThanOrEqualTo(LIMIT);
        // one teacher per arm stays inflated however many students: more students only sharpen that teacher
        Rates manyStudents = simulate(1, 20, false, 0, 102L);
        assertThat(manyStudents.supported + manyStudents.refuted).isGreaterThan(old.supported + old.refuted);
    }

    @Test
    void teacherLevelPowerAtThePapersDifferences() {
        StringBuilder table = new StringBuilder("teacher-level power (SUPPORTED rate) for a true difference of d points:\n");
        double[] effects = {0.18, 0.43, 1.0};
        int[][] designs = {{3, 2}, {5, 2}, {10, 1}, {10, 2}, {20, 2}};
        double[][] power = new double[designs.length][effects.length];
        for (int i = 0; i < designs.length; i++) {
            table.append(String.format(Locale.ROOT, "  %2d teachers x %d students:", designs[i][0], designs[i][1]));
            for (int e = 0; e < effects.length; e++) {
                power[i][e] = simulate(designs[i][0], designs[i][1], true, effects[e], 200L + i).supported;
                table.append(String.format(Locale.ROOT, "  d=%.2f %.3f", effects[e], power[i][e]));
            }
            table.append('\n');
        }
        System.out.print(table);
        for (int e = 0; e < effects.length; e++) {
            assertThat(power[3][e]).as("more teachers, more power").isGreaterThan(power[0][e]);
            assertThat(power[4][e]).isGreaterThan(power[3][e]);
        }
        assertThat(power[3][2]).as("10 teachers x 2 students see a 1-point difference").isGreaterThan(0.8);
    }

    private record Rates(double supported, double refuted) {
    }

    /**
     * {@code CLAIMS} claims "A &lt; B" with A better by {@code effect}; {@code byTeacher}: the new test on
     * per-teacher means, else every student a replication (v2).
     */
    private static Rates simulate(int teachers, int perTeacher, boolean byTeacher, double effect, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = teachers * perTeacher;
        int supported = 0;
        int refuted = 0;
        for (int c = 0; c < CLAIMS; c++) {
            double[] a = new double[n];
            double[] b = new double[n];
            long[] seeds = new long[n];
            long[] units = new long[n];
            for (int t = 0; t < teachers; t++) {
                double teacherA = TEACHER_SD * rnd.nextGaussian();
                double teacherB = TEACHER_SD * rnd.nextGaussian();
                for (int j = 0; j < perTeacher; j++) {
                    int i = t * perTeacher + j;
                    double seedEffect = SEED_SD * rnd.nextGaussian();
                    a[i] = 58 - effect + teacherA + seedEffect + STUDENT_SD * rnd.nextGaussian();
                    b[i] = 58 + teacherB + seedEffect + STUDENT_SD * rnd.nextGaussian();
                    seeds[i] = 1 + i;
                    units[i] = 1 + t;
                }
            }
            Metric ma = new Metric("a", "test error (%)", seeds, a, byTeacher ? units : seeds, byTeacher,
                    units, List.of()).perUnit();
            Metric mb = new Metric("b", "test error (%)", seeds, b, byTeacher ? units : seeds, byTeacher,
                    units, List.of()).perUnit();
            ArmComparison r = Comparisons.lessThan("a", ma.seeds(), ma.values(), "b", mb.seeds(), mb.values(), ALPHA);
            supported += r.verdict() == Verdict.SUPPORTED ? 1 : 0;
            refuted += r.verdict() == Verdict.REFUTED ? 1 : 0;
        }
        return new Rates((double) supported / CLAIMS, (double) refuted / CLAIMS);
    }
}
