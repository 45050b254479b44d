package org.kdclaims.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.IntSupplier;

import org.kdclaims.plan.SuitePlan.Node;

/**
 * The walk over a plan's graph that every executor shares, so that they differ only in where a run
 * trains: a run starts once the run it learns from (and its teacher's orbit pass) is done, at most
 * {@code slots} at once, among
 * ready runs the longest critical path first; a failed run makes every run that learns from it,
 * directly or not, BLOCKED, and nothing else. {@code slots} is read before each start (a cluster's
 * slots change as its executors come and go). Outcomes and progress are kept on the calling thread
 * (the driver, on a cluster).
 */
public final class PlanWalk {
    /** Where a run trains: starts it and completes the future with its outcome (never exceptionally). */
    @FunctionalInterface
    public interface Launcher {
        CompletableFuture<RunOutcome> launch(Node run);
    }

    private PlanWalk() {
    }

    /** Trains every run of {@code plan} that is not stored through {@code launcher}; every run's outcome by key. */
    public static Map<String, RunOutcome> walk(SuitePlan plan, IntSupplier slots, Launcher launcher, SuiteProgress progress)
            throws InterruptedException {
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
        BlockingQueue<RunOutcome> done = new LinkedBlockingQueue<>();
        int running = 0;
        while (!ready.isEmpty() || running > 0) {
            while (running < slots.getAsInt() && !ready.isEmpty()) {
                Node n = ready.poll();
                progress.started(n);
                launcher.launch(n).whenComplete((o, t) -> done.add(o != null ? o
                        // a launcher bug, not a training failure: still only this run's claims fail
                        : new RunOutcome(n.run().key(), RunOutcome.Status.FAILED, t, 0)));
                running++;
            }
            progress.report();
            RunOutcome o = done.take();
            running--;
            outcomes.put(o.key(), o);
            Node n = plan.node(o.key());
            progress.finished(n, o);
            settle(n, o, n, o.error(), waiting, pending, outcomes, ready, progress);
        }
        return outcomes;
    }

    /**
     * After {@code n} ended with {@code o}: a run waiting for it becomes ready once nothing else is
     * pending, unless {@code n} is its teacher and failed: then it is BLOCKED with the failure as its
     * cause, and so is every run that learns from it, directly or not. A run that only waited for
     * {@code n} (a teacher's orbit pass) goes on whatever its outcome.
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
}
