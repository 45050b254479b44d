package org.kdclaims.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kdclaims.config.Settings;
import org.kdclaims.plan.RunOutcome;
import org.kdclaims.plan.SuitePlan;

/** Spark in local mode ({@code local[2]}, in this JVM) trains the tiny suite as the local executor does. */
@Tag("spark")
class SparkLocalModeTest {

    @Test
    void localModeGivesTheLocalExecutorsNumbersAndTrainsEachModelOnce(@TempDir Path dir) {
        long t0 = System.nanoTime();
        Settings local = TinySuite.settings(dir.resolve("local"));
        Map<String, String> reference = TinySuite.trainLocally(local, TinySuite.plan(local, 8));
        System.out.printf("local executor: %.1f s%n", (System.nanoTime() - t0) / 1e9);

        Settings spark = TinySuite.settings(dir.resolve("spark"), "kd.executor", "spark", "kd.spark.master", "local[2]");
        SuitePlan plan = TinySuite.plan(spark, 8);
        List<TaskResult> tasks = new CopyOnWriteArrayList<>();
        long t1 = System.nanoTime();
        try (JavaSparkContext sc = new JavaSparkContext(TestCluster.driverConf(spark))) {
            Map<String, RunOutcome> out = TinySuite.execute(new SparkExecutor(spark, () -> sc, tasks::add), plan,
                    r -> {
                        throw new AssertionError("the driver's trainer must not be used: tasks re-create it");
                    });
            assertThat(out.values()).allMatch(o -> o.status() == RunOutcome.Status.TRAINED, "every run trained");
        }
        System.out.printf("spark local[2]: %.1f s%n", (System.nanoTime() - t1) / 1e9);
        assertThat(TinySuite.finals(spark, plan)).isEqualTo(reference);
        // each model written once: one task per run, and each task trained (none found it already stored)
        assertThat(tasks).hasSize(plan.nodes().size()).allMatch(TaskResult::trained)
                .extracting(TaskResult::key).doesNotHaveDuplicates();
    }
}
