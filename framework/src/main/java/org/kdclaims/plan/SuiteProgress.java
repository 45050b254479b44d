package org.kdclaims.plan;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.kdclaims.plan.SuitePlan.Node;

/**
 * Progress of the whole suite, besides each run's per-epoch lines: models done out of the plan,
 * time elapsed and time left, printed when runs end (once the executor has started the next ones)
 * and at least every {@code every}. Time left
 * is the estimate of the runs not yet done, spread over the workers and corrected by how far the
 * finished runs were from their estimates.
 */
public final class SuiteProgress implements AutoCloseable {
    private final PrintStream out;
    private final int workers;
    private final int total;
    private final int stored;
    private final double planned;
    private final long start = System.nanoTime();
    private final Map<String, Long> running = new HashMap<>();
    private final ScheduledExecutorService ticker;
    private boolean changed;
    private int trained;
    private int failed;
    private final int orbitTotal;
    private int orbitsDone;
    private double remainingEstimate;
    private double finishedEstimate;
    private double finishedActual;

    public SuiteProgress(SuitePlan plan, int workers, PrintStream out, Duration every) {
        this.out = out;
        this.workers = Math.max(1, workers);
        this.total = (int) plan.toTrain().stream().filter(n -> !n.run().isOrbit()).count();
        this.orbitTotal = plan.toTrain().size() - total;
        this.stored = (int) plan.nodes().stream().filter(n -> n.stored() && !n.run().isOrbit()).count();
        this.planned = plan.estimatedWallSeconds(workers);
        this.remainingEstimate = plan.toTrain().stream().mapToDouble(Node::estimatedSeconds).sum();
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kd-suite-progress");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(1, every.toMillis());
        ticker.scheduleAtFixedRate(() -> out.println(line()), ms, ms, TimeUnit.MILLISECONDS);
    }

    synchronized void started(Node n) {
        running.put(n.run().key(), System.nanoTime());
    }

    synchronized void finished(Node n, RunOutcome o) {
        running.remove(n.run().key());
        remainingEstimate -= n.estimatedSeconds();
        if (n.run().isOrbit()) {
            orbitsDone++;   // a failed orbit pass fails nothing: its students run the teacher on the fly
        } else if (o.status() == RunOutcome.Status.TRAINED) {
            trained++;
        } else {
            failed++;
        }
        if (o.status() == RunOutcome.Status.TRAINED) {
            finishedEstimate += n.estimatedSeconds();
            finishedActual += o.seconds();
        }
        changed = true;
    }

    /** Prints the line if a run ended since the last print (called once the freed workers have new runs). */
    synchronized void report() {
        if (changed) {
            changed = false;
            out.println(line());
        }
    }

    /** e.g. "[kd] suite: 12/40 models trained (15 stored, 0 failed), 2 running; 4m10s elapsed, about 18m left (plan: 31m)". */
    public synchronized String line() {
        double elapsed = (System.nanoTime() - start) / 1e9;
        double ratio = finishedEstimate > 0 ? finishedActual / finishedEstimate : 1;
        double runningDone = 0;
        for (long t : running.values()) {
            runningDone += (System.nanoTime() - t) / 1e9;
        }
        double left = Math.max(0, (remainingEstimate * ratio - runningDone) / workers);
        String orbits = orbitTotal == 0 ? "" : String.format(Locale.ROOT, ", %d/%d orbit passes", orbitsDone, orbitTotal);
        return String.format(Locale.ROOT,
                "[kd] suite: %d/%d models trained (%d stored, %d failed)%s, %d running; %s elapsed, about %s left (plan: %s)",
                trained, total, stored, failed, orbits, running.size(), duration(elapsed), duration(left),
                duration(planned));
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s == 0 && seconds > 0) {
            return "<1s"; // work that takes time never reads as none (a smoke plan's runs take fractions of a second)
        }
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        out.println(line());
    }
}
