package org.kdclaims.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.kdclaims.config.Settings;
import org.kdclaims.plan.RunOutcome;
import org.kdclaims.plan.SuitePlan;

/**
 * A real Spark standalone cluster: a master and two one-core workers, each in its own JVM on
 * 127.0.0.1. The tiny suite trained there gives the local executor's numbers bit for bit, each
 * model written once; then, with a worker killed (kill -9) while the teacher trains on it, the
 * teacher's task moves to the other worker, resumes from its journal, and the numbers are still
 * the local executor's. The second test kills a worker, so it runs last.
 */
@Tag("spark")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkStandaloneClusterTest {
    @TempDir
    static Path dir;
    private TestCluster cluster;
    private JavaSparkContext sc;
    /** Which executor each run's task started on, by model key (the latest attempt). */
    private final Map<String, String> executorOfRun = new ConcurrentHashMap<>();

    @BeforeAll
    void startCluster() throws Exception {
        cluster = TestCluster.start(dir.resolve("cluster"), 2);
        try {
            sc = new JavaSparkContext(cluster.clusterConf(settings("unused")));
            sc.sc().addSparkListener(new RunsOnExecutors(executorOfRun));
            TestCluster.awaitExecutors(sc, 2, Duration.ofSeconds(120));
        } catch (Exception | Error e) {
            stopCluster();
            throw e;
        }
    }

    @AfterAll
    void stopCluster() {
        try {
            if (sc != null) {
                sc.stop();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    private Settings settings(String store) {
        return TinySuite.settings(dir.resolve(store), "kd.executor", "spark", "kd.spark.master", cluster.url());
    }

    @Test
    @Order(1)
    void twoWorkersGiveTheLocalExecutorsNumbersAndWriteEachModelOnce() throws Exception {
        Map<String, String> reference = TinySuite.reference(8);
        Settings s = settings("store");
        SuitePlan plan = TinySuite.plan(s, 8);
        List<TaskResult> tasks = new CopyOnWriteArrayList<>();
        try (StoreWrites writes = new StoreWrites(dir.resolve("store"))) {
            long t0 = System.nanoTime();
            Map<String, RunOutcome> out = TinySuite.execute(new SparkExecutor(s, () -> sc, tasks::add), plan, null);
            System.out.printf("two-worker cluster: %.1f s%n", (System.nanoTime() - t0) / 1e9);
            assertThat(out.values()).allMatch(o -> o.status() == RunOutcome.Status.TRAINED, "every run trained");
            assertThat(writes.models()).isEqualTo(plan.nodes().stream()
                    .collect(Collectors.toMap(n -> n.run().key(), n -> 1)));
        }
        assertThat(TinySuite.finals(s, plan)).isEqualTo(reference);
        assertThat(tasks).allMatch(TaskResult::trained);
        assertThat(tasks.stream().map(TaskResult::executor).distinct()).as("tasks ran on both workers").hasSize(2);
    }

    @Test
    @Order(2)
    void aWorkerKilledMidRunLosesNothing() throws Exception {
        int epochs = SparkDriverKilledTest.TEACHER_EPOCHS;
        Map<String, String> reference = TinySuite.reference(epochs);
        Settings s = settings("store-killed");
        SuitePlan plan = TinySuite.plan(s, epochs);
        String teacher = plan.nodes().stream().filter(n -> n.run().role().equals("teacher")).findFirst().orElseThrow()
                .run().key();
        List<TaskResult> tasks = new CopyOnWriteArrayList<>();
        CompletableFuture<Map<String, RunOutcome>> suite = CompletableFuture.supplyAsync(
                () -> TinySuite.execute(new SparkExecutor(s, () -> sc, tasks::add), plan, null));

        Path journal = dir.resolve("store-killed").resolve(teacher + ".partial");
        awaitFile(journal, suite, Duration.ofSeconds(120));
        String killed = executorOfRun.get(teacher);
        int worker = cluster.workerOf(sc.sc().applicationId(), killed);
        assertThat(worker).as("the worker of executor " + killed).isNotNegative();
        cluster.killWorker(worker);

        Map<String, RunOutcome> out = suite.get(180, TimeUnit.SECONDS);
        assertThat(out.values()).allMatch(o -> o.status() == RunOutcome.Status.TRAINED, "every run trained");
        TaskResult t = tasks.stream().filter(r -> r.key().equals(teacher)).findFirst().orElseThrow();
        System.out.printf("killed worker %d (executor %s); the teacher resumed after epoch %d on executor %s%n", worker,
                killed, t.resumedFromEpoch(), t.executor());
        assertThat(t.resumedFromEpoch()).as("the retried teacher resumed from its journal").isBetween(1, epochs - 1);
        assertThat(t.executor()).as("the retry ran on the other worker").doesNotStartWith(killed + "@");
        assertThat(TinySuite.finals(s, plan)).isEqualTo(reference);
    }

    private static void awaitFile(Path f, CompletableFuture<?> suite, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(f)) {
            if (suite.isDone() || System.nanoTime() > end) {
                throw new AssertionError("the teacher's journal " + f + " never appeared while it trained"
                        + (suite.isDone() ? " (the suite ended: " + suite.join() + ")" : ""));
            }
            Thread.sleep(20);
        }
    }

    /** Keeps the executor each run's latest task attempt started on (a job per run, named by its key). */
    private static final class RunsOnExecutors extends SparkListener {
        private final Map<Integer, String> runOfStage = new ConcurrentHashMap<>();
        private final Map<String, String> executorOfRun;

        RunsOnExecutors(Map<String, String> executorOfRun) {
            this.executorOfRun = executorOfRun;
        }

        @Override
        public void onJobStart(SparkListenerJobStart job) {
            String group = job.properties().getProperty("spark.jobGroup.id", "");
            scala.jdk.javaapi.CollectionConverters.asJava(job.stageIds())
                    .forEach(id -> runOfStage.put((Integer) id, group.replaceFirst("^kd-", "")));
        }

        @Override
        public void onTaskStart(SparkListenerTaskStart task) {
            String run = runOfStage.get(task.stageId());
            if (run != null) {
                executorOfRun.put(run, task.taskInfo().executorId());
            }
        }
    }
}
