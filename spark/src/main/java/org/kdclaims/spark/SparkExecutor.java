package org.kdclaims.spark;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.spark.api.java.JavaSparkContext;
import org.kdclaims.config.Settings;
import org.kdclaims.io.Console;
import org.kdclaims.plan.Executor;
import org.kdclaims.plan.PlanWalk;
import org.kdclaims.plan.RunOutcome;
import org.kdclaims.plan.RunTrainer;
import org.kdclaims.plan.SuitePlan;
import org.kdclaims.plan.SuiteProgress;
import org.kdclaims.store.ModelStore;

/**
 * Runs the plan on Apache Spark: one Spark job of one task per training run, submitted (from a
 * driver thread per running run) as soon as the run it learns from is done, through the same
 * {@link PlanWalk} as the local executor, so that the order, the BLOCKED runs after a failure and
 * the outcomes are the local executor's. Planning, judging and reports stay on the driver; a task
 * trains its run into the shared model store ({@link RemoteRun}) and sends back plain values.
 *
 * <p>The driver's {@link RunTrainer} is not shipped: it holds the session. The task re-creates the
 * same trainer from the run's {@link RunTicket} and the driver's settings instead, so test hooks of
 * the driver's trainer do not apply on a cluster. Spark retries a task whose executor was lost (the
 * retry resumes from the run's journal in the store); a run whose training throws is not retried.
 */
public final class SparkExecutor implements Executor {
    private final Settings settings;
    private final Supplier<JavaSparkContext> context;
    private final Consumer<TaskResult> observer;

    /**
     * {@code context}: the Spark context to submit to, asked for on the first run (see
     * {@link SparkContexts}); {@code observer}: sees every task's result on the driver (where it ran,
     * whether it resumed).
     */
    public SparkExecutor(Settings settings, Supplier<JavaSparkContext> context, Consumer<TaskResult> observer) {
        this.settings = settings;
        this.context = context;
        this.observer = observer;
    }

    /** Prints where a run that resumed from its journal ran (a retried task after a lost executor). */
    public static void printResumed(TaskResult r) {
        if (r.resumedFromEpoch() > 0) {
            Console.line("[kd] spark: " + r.key() + " resumed from its journal after epoch " + r.resumedFromEpoch()
                    + " on executor " + r.executor());
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "spark: %s, one task per run x %d thread%s", settings.sparkMaster(),
                settings.threads(), settings.threads() == 1 ? "" : "s");
    }

    @Override
    public Map<String, RunOutcome> execute(SuitePlan plan, RunTrainer trainer, SuiteProgress progress) {
        JavaSparkContext sc = context.get();
        Map<String, String> values = new TreeMap<>(settings.valuesForAnotherJvm());
        // the store as the driver resolved it (its default is under the driver's home): one store for all
        ModelStore store = ModelStore.of(settings.modelsDir(), settings.cachePolicy());
        values.put(Settings.MODELS_DIR, store.directory().toAbsolutePath().toUri().toString());
        // the orbit tables this plan chose (their keys are the passes' bases): executors use those only
        TreeSet<String> planned = plan.nodes().stream().filter(n -> n.run().isOrbit()).map(n -> n.run().basis())
                .collect(Collectors.toCollection(TreeSet::new));
        AtomicInteger count = new AtomicInteger();
        ExecutorService submitters = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "kd-spark-submit-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            // the cluster's task slots now (executors may come and go): as many runs at once, no more,
            // so that ready runs start by critical path as on the local executor
            return PlanWalk.walk(plan, () -> Math.max(1, sc.defaultParallelism() / settings.threads()),
                    n -> CompletableFuture.supplyAsync(
                            () -> submit(sc, RunTicket.of(n.run(), settings, values, planned), observer), submitters),
                    progress);
        } catch (InterruptedException e) {
            sc.cancelAllJobs();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the suite was interrupted; a later run resumes where it stopped", e);
        } finally {
            submitters.shutdownNow();
        }
    }

    /** One job of one task for the run; a job that Spark gave up on (executors lost again and again) fails the run. */
    private static RunOutcome submit(JavaSparkContext sc, RunTicket ticket, Consumer<TaskResult> observer) {
        long t0 = System.nanoTime();
        try {
            sc.setJobGroup("kd-" + ticket.key(), ticket.label(), true);
            List<TaskResult> r = sc.parallelize(List.of(ticket), 1).map(RemoteRun::train).collect();
            observer.accept(r.get(0));
            return r.get(0).outcome();
        } catch (Exception e) { // SparkException (checked, but undeclared through the Java API)
            return new RunOutcome(ticket.key(), RunOutcome.Status.FAILED, new IllegalStateException("Spark gave up on "
                    + ticket.label() + " (model " + ticket.key() + "): " + e.getMessage(), e),
                    (System.nanoTime() - t0) / 1e9);
        }
    }
}
