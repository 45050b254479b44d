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
 * trains: a run starts once the run it learns from is done, at most {@code slots} at once, among
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
        for (Node n : plan.nodes()) {
            if (n.stored()) {
                outcomes.put(n.run().key(), new RunOutcome(n.run().key(), RunOutcome.Status.STORED, null, 0));
            }
        }
        for (Node n : plan.nodes()) {
            if (n.stored()) {
                continue;
            }
            if (n.run().hasParent() && !outcomes.containsKey(n.run().parentKey())) {
                waiting.computeIfAbsent(n.run().parentKey(), k -> new ArrayList<>()).add(n);
            } else {
                ready.add(n);
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
            List<Node> next = waiting.getOrDefault(o.key(), List.of());
            if (o.ok()) {
                ready.addAll(next);
            } else {
                block(next, n, o.error(), waiting, outcomes, progress);
            }
        }
        return outcomes;
    }

    /** Every run that learns, directly or not, from a failed one is BLOCKED, with the failure as its cause. */
    private static void block(List<Node> runs, Node failed, Throwable cause, Map<String, List<Node>> waiting,
            Map<String, RunOutcome> outcomes, SuiteProgress progress) {
        for (Node n : runs) {
            IllegalStateException why = new IllegalStateException("not trained: the run it learns from, "
                    + failed.run().label() + ", failed: " + cause, cause);
            RunOutcome o = new RunOutcome(n.run().key(), RunOutcome.Status.BLOCKED, why, 0);
            outcomes.put(n.run().key(), o);
            progress.finished(n, o);
            block(waiting.getOrDefault(n.run().key(), List.of()), failed, cause, waiting, outcomes, progress);
        }
    }
}
