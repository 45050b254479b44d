package org.kdclaims.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kdclaims.config.Settings;
import org.kdclaims.plan.RunOutcome;
import org.kdclaims.plan.SuitePlan;
import org.kdclaims.store.ModelStore;

/**
 * Two drivers, each in its own JVM with Spark in local mode, on one store at once: each model is
 * trained once (the store's file lock per key makes the second read the first's model). And a
 * driver killed (kill -9) while its teacher trains: the rerun's plan counts what the store holds
 * as stored, trains only the rest, the teacher resuming from its journal, and the suite's numbers
 * are the local executor's. Drivers run {@link #main}.
 */
@Tag("spark")
class SparkDriverKilledTest {
    static final int TEACHER_EPOCHS = 20;

    /**
     * A driver in its own JVM: trains the tiny suite (teacher epochs {@code args[1]}, else
     * {@link #TEACHER_EPOCHS}) into the store {@code args[0]} with Spark local[2]; exits 1 if a run failed.
     */
    public static void main(String[] args) {
        Settings s = TinySuite.settings(Path.of(args[0]), "kd.executor", "spark", "kd.spark.master", "local[2]");
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : TEACHER_EPOCHS;
        Map<String, RunOutcome> out;
        try (JavaSparkContext sc = new JavaSparkContext(TestCluster.driverConf(s))) {
            out = TinySuite.execute(new SparkExecutor(s, () -> sc, r -> { }), TinySuite.plan(s, epochs), null);
        }
        out.values().stream().filter(o -> !o.ok()).forEach(o -> System.out.println("failed: " + o));
        System.exit(out.values().stream().allMatch(RunOutcome::ok) ? 0 : 1);
    }

    @Test
    void aRerunTrainsOnlyWhatIsMissingAndEndsWithTheSameNumbers(@TempDir Path dir) throws Exception {
        Map<String, String> reference = TinySuite.reference(TEACHER_EPOCHS);

        Path store = dir.resolve("store");
        Settings s = TinySuite.settings(store, "kd.executor", "spark", "kd.spark.master", "local[2]");
        SuitePlan first = TinySuite.plan(s, TEACHER_EPOCHS);
        String teacher = key(first, "teacher");
        String scratch = key(first, "scratch");
        Process driver = driverJvm(store, dir.resolve("driver.log"));
        try {
            // killed once the short run is stored and the teacher is mid-way
            awaitFile(store.resolve(scratch + ".kdm"), driver, dir.resolve("driver.log"));
            awaitFile(store.resolve(teacher + ".partial"), driver, dir.resolve("driver.log"));
            assertThat(store.resolve(teacher + ".kdm")).as("the teacher was still training").doesNotExist();
        } finally {
            driver.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        ModelStore models = ModelStore.of(s.modelsDir(), s.cachePolicy());
        SuitePlan rerun = TinySuite.plan(s, TEACHER_EPOCHS, models::usable);
        List<TaskResult> tasks = new CopyOnWriteArrayList<>();
        try (JavaSparkContext sc = new JavaSparkContext(TestCluster.driverConf(s))) {
            Map<String, RunOutcome> out = TinySuite.execute(new SparkExecutor(s, () -> sc, tasks::add), rerun, null);
            assertThat(out.values()).allMatch(RunOutcome::ok);
        }
        assertThat(rerun.node(scratch).stored()).isTrue();
        assertThat(tasks).extracting(TaskResult::key).doesNotContain(scratch).containsExactlyInAnyOrderElementsOf(
                rerun.toTrain().stream().map(n -> n.run().key()).toList());
        TaskResult t = tasks.stream().filter(r -> r.key().equals(teacher)).findFirst().orElseThrow();
        System.out.printf("driver killed: the rerun trained %d of %d runs; the teacher resumed after epoch %d%n",
                tasks.size(), rerun.nodes().size(), t.resumedFromEpoch());
        assertThat(t.resumedFromEpoch()).isBetween(1, TEACHER_EPOCHS - 1);
        assertThat(TinySuite.finals(s, rerun)).isEqualTo(reference);
    }

    @Test
    void twoDriversOnOneStoreTrainEachModelOnce(@TempDir Path dir) throws Exception {
        Map<String, String> reference = TinySuite.reference(8);
        Path store = dir.resolve("store");
        try (StoreWrites writes = new StoreWrites(store)) {
            Process a = driverJvm(store, dir.resolve("driver-a.log"), "8");
            Process b = driverJvm(store, dir.resolve("driver-b.log"), "8");
            try {
                assertThat(a.waitFor(120, TimeUnit.SECONDS) && b.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(List.of(a.exitValue(), b.exitValue())).as(Files.readString(dir.resolve("driver-a.log"))
                        + Files.readString(dir.resolve("driver-b.log"))).containsOnly(0);
            } finally {
                a.destroyForcibly();
                b.destroyForcibly();
            }
            Settings s = TinySuite.settings(store);
            SuitePlan plan = TinySuite.plan(s, 8);
            assertThat(writes.models()).as("model files created, by key").isEqualTo(plan.nodes().stream()
                    .collect(java.util.stream.Collectors.toMap(n -> n.run().key(), n -> 1)));
            assertThat(TinySuite.finals(s, plan)).isEqualTo(reference);
        }
    }

    private static Process driverJvm(Path store, Path log, String... epochs) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
        cmd.addAll(List.of("-Xmx1g", "-Djava.util.logging.config.file=" + TestCluster.loggingConfig(), "-cp",
                System.getProperty("java.class.path"), SparkDriverKilledTest.class.getName(), store.toString()));
        cmd.addAll(List.of(epochs));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String key(SuitePlan plan, String role) {
        return plan.nodes().stream().filter(n -> n.run().role().equals(role)).findFirst().orElseThrow().run().key();
    }

    private static void awaitFile(Path file, Process driver, Path log) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(file)) {
            if (!driver.isAlive() || System.nanoTime() > end) {
                throw new AssertionError("the driver to kill never wrote " + file
                        + (driver.isAlive() ? "" : " (the driver exited with " + driver.exitValue() + ")") + ":\n"
                        + Files.readString(log));
            }
            Thread.sleep(20);
        }
    }
}
