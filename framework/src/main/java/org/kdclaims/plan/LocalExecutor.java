package org.kdclaims.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.kdclaims.plan.SuitePlan.Node;
import org.kdclaims.training.NativeBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the plan on this machine: {@code workers} training runs at once, each with {@code threads}
 * compute threads, a run only after its teacher (and its teacher's orbit pass), and among ready runs
 * the one with the longest critical path first. A failed run fails the runs that learn from it
 * (BLOCKED) and nothing else; a failed orbit pass blocks nothing (its students run the teacher on
 * the fly, with the same numbers).
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
        Map<String, RunOutcome> outcomes = new HashMap<>();
        Map<String, Double> priority = plan.criticalPath();
        PriorityQueue<Node> ready = new PriorityQueue<>(Comparator
                .comparingDouble((Node n) -> -priority.get(n.run().key())).thenComparing(n -> n.run().key()));
        Map<String, List<Node>> waiting = new HashMap<>();
        Map<String, Integer> pending = new HashMap<>();
        for (Node n : plan.nodes()) {
            if (n.stored()) {
                outcomes.put(n.run().key(), new RunOutcome(n.run().key(), RunOutcome.Status.STORED, null, 0));
            }
        }
        for (Node n : plan.nodes()) {
            if (n.stored()) {
                continue;
            }
            List<String> open = n.dependencies().stream().filter(d -> !outcomes.containsKey(d)).toList();
            if (open.isEmpty()) {
                ready.add(n);
            } else {
                pending.put(n.run().key(), open.size());
                open.forEach(d -> waiting.computeIfAbsent(d, k -> new ArrayList<>()).add(n));
            }
        }
        ExecutorService pool = pool();
        CompletionService<RunOutcome> done = new ExecutorCompletionService<>(pool);
        int running = 0;
        try {
            while (!ready.isEmpty() || running > 0) {
                while (running < workers && !ready.isEmpty()) {
                    Node n = ready.poll();
                    progress.started(n);
                    done.submit(() -> trainOne(n, trainer));
                    running++;
                }
                progress.report();
                RunOutcome o = take(done);
                running--;
                outcomes.put(o.key(), o);
                Node n = plan.node(o.key());
                progress.finished(n, o);
                settle(n, o, n, o.error(), waiting, pending, outcomes, ready, progress);
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the suite was interrupted; a later run resumes where it stopped", e);
        } finally {
            pool.shutdown();
        }
        return outcomes;
    }

    private static RunOutcome take(CompletionService<RunOutcome> done) throws InterruptedException {
        Future<RunOutcome> f = done.take();
        try {
            return f.get();
        } catch (ExecutionException e) {
            // trainOne catches everything; this is a bug in the executor itself
            throw new IllegalStateException(e.getCause());
        }
    }

    private static RunOutcome trainOne(Node n, RunTrainer trainer) {
        long t0 = System.nanoTime();
        try {
            trainer.train(n.run());
            return new RunOutcome(n.run().key(), RunOutcome.Status.TRAINED, null, (System.nanoTime() - t0) / 1e9);
        } catch (Throwable t) { // NOPMD: a run that fails for any reason fails only its claims
            LOG.warn("training failed: {}; its claims fail, the other runs go on", n.run().label(), t);
            return new RunOutcome(n.run().key(), RunOutcome.Status.FAILED, t, (System.nanoTime() - t0) / 1e9);
        }
    }

    /**
     * After {@code n} ended with {@code o}: a run waiting for it becomes ready once nothing else is
     * pending, unless {@code n} is its teacher and failed: then it is BLOCKED with the failure as its
     * cause, and so is every run that learns from it, directly or not.
     */
    private static void settle(Node n, RunOutcome o, Node failed, Throwable cause, Map<String, List<Node>> waiting,
            Map<String, Integer> pending, Map<String, RunOutcome> outcomes, PriorityQueue<Node> ready,
            SuiteProgress progress) {
        for (Node m : waiting.getOrDefault(n.run().key(), List.of())) {
            if (outcomes.containsKey(m.run().key())) {
                continue;   // blocked already through its teacher
            }
            boolean needed = n.run().key().equals(m.run().parentKey());
            if (!o.ok() && needed) {
                IllegalStateException why = new IllegalStateException("not trained: the run it learns from, "
                        + failed.run().label() + ", failed: " + cause, cause);
                RunOutcome blocked = new RunOutcome(m.run().key(), RunOutcome.Status.BLOCKED, why, 0);
                outcomes.put(m.run().key(), blocked);
                progress.finished(m, blocked);
                settle(m, blocked, failed, cause, waiting, pending, outcomes, ready, progress);
            } else if (pending.merge(m.run().key(), -1, Integer::sum) == 0) {
                ready.add(m);
            }
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
