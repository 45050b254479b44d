package org.kdclaims.plan;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.kdclaims.training.NativeBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the plan on this machine: {@code workers} training runs at once, each with {@code threads}
 * compute threads, a run only after its teacher, and among ready runs the one with the longest
 * critical path first ({@link PlanWalk}). A failed run fails the runs that learn from it (BLOCKED)
 * and nothing else.
 */
public final class LocalExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(LocalExecutor.class);
    private final int workers;
    private final int threads;

    public LocalExecutor(int workers, int threads) {
        if (workers < 1 || threads < 1) {
            throw new IllegalArgumentException("workers and threads must be >= 1, got " + workers + " x " + threads);
        }
        this.workers = workers;
        this.threads = threads;
    }

    public int workers() {
        return workers;
    }

    public int threads() {
        return threads;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "local: %d worker%s x %d thread%s", workers, workers == 1 ? "" : "s",
                threads, threads == 1 ? "" : "s");
    }

    @Override
    public Map<String, RunOutcome> execute(SuitePlan plan, RunTrainer trainer, SuiteProgress progress) {
        ExecutorService pool = pool();
        try {
            return PlanWalk.walk(plan, () -> workers,
                    n -> CompletableFuture.supplyAsync(() -> trainOne(n.run(), trainer), pool), progress);
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the suite was interrupted; a later run resumes where it stopped", e);
        } finally {
            pool.shutdown();
        }
    }

    /** Trains one run; any failure becomes its FAILED outcome (it fails only the claims that need it). */
    public static RunOutcome trainOne(RunRequest run, RunTrainer trainer) {
        long t0 = System.nanoTime();
        try {
            trainer.train(run);
            return new RunOutcome(run.key(), RunOutcome.Status.TRAINED, null, (System.nanoTime() - t0) / 1e9);
        } catch (Throwable t) { // NOPMD: a run that fails for any reason fails only its claims
            LOG.warn("training failed: {}; its claims fail, the other runs go on", run.label(), t);
            return new RunOutcome(run.key(), RunOutcome.Status.FAILED, t, (System.nanoTime() - t0) / 1e9);
        }
    }

    /** Worker threads that set their own OpenMP thread count (it is per calling thread). */
    private ExecutorService pool() {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(() -> {
                NativeBackend.useThreadsOnThisThread(threads);
                r.run();
            }, "kd-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
