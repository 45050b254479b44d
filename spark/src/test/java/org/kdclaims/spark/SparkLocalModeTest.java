package org.kdclaims.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kdclaims.config.Settings;
import org.kdclaims.plan.RunOutcome;
import org.kdclaims.plan.RunRequest;
import org.kdclaims.plan.SuitePlan;

/**
 * Spark in local mode ({@code local[2]}, in this JVM) trains the tiny suite as the local executor does,
 * and fails a run as it does: only the runs that need it.
 */
@Tag("spark")
class SparkLocalModeTest {

    @Test
    void localModeGivesTheLocalExecutorsNumbersAndTrainsEachModelOnce(@TempDir Path dir) {
        long t0 = System.nanoTime();
        Map<String, String> reference = TinySuite.reference(8);
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

    @Test
    void aFailedRunBlocksOnlyTheRunsThatLearnFromItAndIsNotRetried(@TempDir Path dir) {
        Settings spark = TinySuite.settings(dir, "kd.executor", "spark", "kd.spark.master", "local[2]");
        SuitePlan good = TinySuite.plan(spark, 2);
        // the teacher fails on the executor: its key basis names another thread count than the worker's
        SuitePlan plan = new SuitePlan();
        for (var n : good.nodes()) {
            RunRequest r = n.run();
            String basis = r.role().equals("teacher") ? r.basis().replace("threads=1", "threads=7") : r.basis();
            plan.add(new RunRequest(r.key(), basis, r.spec(), r.data(), r.role(), r.parentKey(), r.parentEpoch()),
                    "C", false);
        }
        List<TaskResult> tasks = new CopyOnWriteArrayList<>();
        Map<String, RunOutcome> out;
        try (JavaSparkContext sc = new JavaSparkContext(TestCluster.driverConf(spark))) {
            out = TinySuite.execute(new SparkExecutor(spark, () -> sc, tasks::add), plan, null);
        }
        Map<String, RunOutcome.Status> byRole = new TreeMap<>();
        plan.nodes().forEach(n -> byRole.merge(n.run().role(), out.get(n.run().key()).status(),
                (a, b) -> a == b ? a : null));
        assertThat(byRole).containsEntry("teacher", RunOutcome.Status.FAILED)
                .containsEntry("student", RunOutcome.Status.BLOCKED).containsEntry("scratch", RunOutcome.Status.TRAINED);
        String teacher = plan.nodes().stream().filter(n -> n.run().role().equals("teacher")).findFirst().orElseThrow()
                .run().key();
        assertThat(out.get(teacher).error()).hasMessageContaining("threads=7");
        // one task for the teacher (a training failure is not retried), one for the run of its own
        assertThat(tasks).extracting(TaskResult::key).hasSize(2).contains(teacher);
    }
}
