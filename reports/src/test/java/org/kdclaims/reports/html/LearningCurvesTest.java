package org.kdclaims.reports.html;

import org.junit.jupiter.api.Test;
import org.kdclaims.results.model.EpochRecord;
import org.kdclaims.results.model.Plot;
import org.kdclaims.results.model.Point;
import org.kdclaims.results.model.TrainingRunRecord;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LearningCurvesTest {
    @Test
    void oneSeriesPerRoleAndArchWithTheMeanOverSeeds() {
        List<TrainingRunRecord> runs = List.of(
                run("student", 1, List.of(m(1, 0.5, 0.2), m(2, 0.3, 0.1))),
                run("student", 2, List.of(m(1, 0.7, 0.4), m(2, 0.5, 0.3), m(3, 0.4, 0.2))),
                run("teacher", 1, List.of(m(1, 0.6, null))));

        List<Plot> plots = LearningCurves.of(runs);

        assertThat(plots).hasSize(2);
        Plot test = plots.get(0);
        assertThat(test.xLabel()).isEqualTo("epoch");
        assertThat(test.series()).extracting(s -> s.name()).containsExactly("student \u00b7 WRN16-1", "teacher \u00b7 WRN16-1");
        assertThat(test.series().get(0).points()).extracting(Point::x, Point::y)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1.0, 0.6), org.assertj.core.groups.Tuple.tuple(2.0, 0.4),
                        org.assertj.core.groups.Tuple.tuple(3.0, 0.4));
        Plot kd = plots.get(1);
        assertThat(kd.series()).singleElement().satisfies(s -> assertThat(s.points()).hasSize(3));
    }

    @Test
    void noCurvesNoPlots() {
        assertThat(LearningCurves.of(List.of(run("teacher", 1, List.of())))).isEmpty();
    }

    private static TrainingRunRecord run(String role, long seed, List<EpochRecord> curve) {
        return new TrainingRunRecord(role, "WRN16-1", seed, "h", curve.size(), 1, 1, false, curve, Map.of());
    }

    private static EpochRecord m(int epoch, double testError, Double kdError) {
        return new EpochRecord(epoch, 0.1, 1, 0.1, 1, testError, kdError);
    }
}
