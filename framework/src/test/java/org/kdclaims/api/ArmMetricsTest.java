package org.kdclaims.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kdclaims.training.EpochMetrics;

/**
 * The named metrics of an arm, and of a curve at each point, are one definition: the same name, the
 * same unit and the same seeds, units and teachers, so a curve's point is judged as its arm would be.
 */
class ArmMetricsTest {

    private static EpochMetrics last(double testCrossEntropy, double testError, double testKdError) {
        double n = Double.NaN;
        return new EpochMetrics(10, n, n, n, n, n, testCrossEntropy, testError, n, testKdError, n, n);
    }

    /** Two students of two teachers (seeds 7 and 8), replicated by teacher. */
    private static Arm arm(String name, double shift) {
        List<Arm.SeedResult> seeds = List.of(
                new Arm.SeedResult(1, last(0.5 + shift, 0.25 + shift, 0.125), List.of(), 7, 7L),
                new Arm.SeedResult(2, last(0.75 + shift, 0.5 + shift, 0.25), List.of(), 8, 8L));
        return new Arm(name, "recipe", seeds, true,
                List.of(new Arm.TeacherInfo(7, "teacher 7", 5), new Arm.TeacherInfo(8, "teacher 8", 6)));
    }

    @Test
    void anArmsMetricsAreInThePapersUnitsWithTheirReplicationDesign() {
        Arm a = arm("kd", 0);
        assertThat(a.testError().name()).isEqualTo("test error (%)");
        assertThat(a.testError().values()).containsExactly(25, 50);
        assertThat(a.testKdError().name()).isEqualTo("test KD error (%)");
        assertThat(a.testKdError().values()).containsExactly(12.5, 25);
        assertThat(a.testCrossEntropy().name()).isEqualTo("test cross-entropy");
        assertThat(a.testCrossEntropy().values()).containsExactly(0.5, 0.75);
        Metric m = a.testError();
        assertThat(m.arm()).isEqualTo("kd");
        assertThat(m.seeds()).containsExactly(1, 2);
        assertThat(m.units()).containsExactly(7, 8);
        assertThat(m.byTeacher()).isTrue();
        assertThat(m.teacherSeeds()).containsExactly(7, 8);
    }

    @Test
    void aCurvesMetricAtEachPointIsItsArmsMetric() {
        Arm small = arm("small", 0);
        Arm large = arm("large", 0.125);
        ArmCurve curve = new ArmCurve("students", "teacher", List.of(new ArmCurve.Point("wrn-16-1", 1, small),
                new ArmCurve.Point("wrn-16-2", 2, large)));
        assertThat(curve.testError().name()).isEqualTo(small.testError().name());
        assertThat(curve.testKdError().name()).isEqualTo(small.testKdError().name());
        assertThat(curve.testCrossEntropy().name()).isEqualTo(small.testCrossEntropy().name());
        assertThat(curve.testError().points()).extracting(p -> p.metric().values())
                .containsExactly(small.testError().values(), large.testError().values());
        assertThat(curve.testCrossEntropy().points().get(1).metric().values())
                .containsExactly(large.testCrossEntropy().values());
        assertThat(curve.metric("epochs", EpochMetrics::epoch).points().get(0).metric().values())
                .containsExactly(10, 10);
    }
}
