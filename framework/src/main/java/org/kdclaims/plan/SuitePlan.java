package org.kdclaims.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every training run the selected claims need, made before anything trains: a graph of runs keyed
 * by model key (a student's edge points at the teacher checkpoint it learns from), deduplicated
 * across claims, each marked stored or to train, with its estimated cost. The order in which runs
 * start is by critical path: the run with the longest chain of work behind it first.
 */
public final class SuitePlan {
    /** A run of the plan: the request, the claims that need it, whether it is stored, its cost. */
    public static final class Node {
        private final RunRequest run;
        private final Set<String> claims = new LinkedHashSet<>();
        /** Runs that should finish first without being needed (the teacher's orbit pass): ordering only. */
        private final Set<String> after = new LinkedHashSet<>();
        private final boolean stored;
        private double estimatedSeconds;

        Node(RunRequest run, boolean stored) {
            this.run = run;
            this.stored = stored;
        }

        public RunRequest run() {
            return run;
        }

        public Set<String> claims() {
            return claims;
        }

        public boolean stored() {
            return stored;
        }

        public double estimatedSeconds() {
            return stored ? 0 : estimatedSeconds;
        }

        /** The orbit pass this run waits for (ordering only: if it fails, the run goes on without it). */
        public Set<String> after() {
            return Set.copyOf(after);
        }

        /** Every run this one waits for: its teacher (needed) and what it runs {@link #after}. */
        public List<String> dependencies() {
            List<String> d = new ArrayList<>();
            if (run.hasParent()) {
                d.add(run.parentKey());
            }
            d.addAll(after);
            return d;
        }
    }

    /** A claim invocation the plan leaves out, and why (e.g. its data set is missing). */
    public record Skipped(String claim, String reason) {
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Skipped> skipped = new ArrayList<>();
    private final Set<String> claims = new LinkedHashSet<>();

    /** Adds a run needed by {@code claim}; a run already planned (by another claim) is shared. */
    public synchronized void add(RunRequest run, String claim, boolean stored) {
        Node n = nodes.computeIfAbsent(run.key(), k -> new Node(run, stored));
        n.claims.add(claim);
        claims.add(claim);
        if (run.hasParent() && !nodes.containsKey(run.parentKey())) {
            throw new IllegalStateException("run " + run.label() + " was planned before its teacher " + run.parentKey());
        }
    }

    /**
     * Adds an orbit pass ({@link RunRequest#isOrbit}) that {@code students} (planned already) wait
     * for; it serves their claims.
     */
    public synchronized void addOrbit(RunRequest orbit, boolean stored, Collection<String> students) {
        if (!orbit.isOrbit() || !nodes.containsKey(orbit.parentKey())) {
            throw new IllegalStateException("an orbit pass needs its teacher planned first: " + orbit.label());
        }
        Node n = nodes.computeIfAbsent(orbit.key(), k -> new Node(orbit, stored));
        for (String student : students) {
            Node s = nodes.get(student);
            s.after.add(orbit.key());
            n.claims.addAll(s.claims);
        }
    }

    public synchronized void skip(String claim, String reason) {
        skipped.add(new Skipped(claim, reason));
    }

    public synchronized void estimate(String key, double seconds) {
        nodes.get(key).estimatedSeconds = seconds;
    }

    public synchronized Collection<Node> nodes() {
        return List.copyOf(nodes.values());
    }

    public synchronized Node node(String key) {
        return nodes.get(key);
    }

    public synchronized boolean contains(String key) {
        return nodes.containsKey(key);
    }

    public synchronized List<Skipped> skipped() {
        return List.copyOf(skipped);
    }

    public synchronized Set<String> claims() {
        return Set.copyOf(claims);
    }

    public List<Node> toTrain() {
        return nodes().stream().filter(n -> !n.stored()).toList();
    }

    /** The runs that wait for {@code key}: the students of a teacher, and those of an orbit pass. */
    public List<Node> children(String key) {
        return nodes().stream().filter(n -> n.dependencies().contains(key)).toList();
    }

    /** The estimated seconds of a run plus the longest chain of runs that learn from it. */
    public Map<String, Double> criticalPath() {
        Map<String, Double> memo = new HashMap<>();
        Map<String, List<Node>> kids = new HashMap<>();
        for (Node n : nodes()) {
            for (String d : n.dependencies()) {
                kids.computeIfAbsent(d, k -> new ArrayList<>()).add(n);
            }
        }
        for (Node n : nodes()) {
            path(n, kids, memo);
        }
        return memo;
    }

    /**
     * The longest chain of runs still to train, first run first: a run, then the run waiting for it
     * with the longest chain behind it, and so on. No number of workers finishes the plan sooner
     * than this chain's estimated seconds. Empty when nothing is to train.
     */
    public List<Node> criticalChain() {
        Map<String, Double> path = criticalPath();
        List<Node> chain = new ArrayList<>();
        Comparator<Node> longest = Comparator.comparingDouble((Node n) -> path.get(n.run().key()))
                .thenComparing(n -> n.run().key(), Comparator.reverseOrder());
        Node at = toTrain().stream().max(longest).orElse(null);
        while (at != null) {
            chain.add(at);
            at = children(at.run().key()).stream().filter(n -> !n.stored()).max(longest).orElse(null);
        }
        return chain;
    }

    private static double path(Node n, Map<String, List<Node>> kids, Map<String, Double> memo) {
        Double known = memo.get(n.run().key());
        if (known != null) {
            return known;
        }
        double longest = 0;
        for (Node c : kids.getOrDefault(n.run().key(), List.of())) {
            longest = Math.max(longest, path(c, kids, memo));
        }
        double p = n.estimatedSeconds() + longest;
        memo.put(n.run().key(), p);
        return p;
    }

    /** Runs to train in the order a single worker would start them: teachers first, then by critical path. */
    public List<Node> order() {
        return schedule(1).order;
    }

    /** Estimated wall seconds with {@code workers} runs at once (list scheduling over the graph). */
    public double estimatedWallSeconds(int workers) {
        return schedule(workers).makespan;
    }

    private record Schedule(List<Node> order, double makespan) {
    }

    /** Simulates the local executor: a ready run starts on the first free worker, longest critical path first. */
    private Schedule schedule(int workers) {
        Map<String, Double> priority = criticalPath();
        Comparator<Node> byPriority = Comparator.comparingDouble((Node n) -> -priority.get(n.run().key()))
                .thenComparing(n -> n.run().key());
        PriorityQueue<Node> ready = new PriorityQueue<>(byPriority);
        Map<String, List<Node>> waiting = new HashMap<>();
        Map<String, Integer> pending = new HashMap<>();
        for (Node n : nodes()) {
            if (n.stored()) {
                continue;
            }
            List<String> open = n.dependencies().stream().filter(d -> !nodes.get(d).stored()).toList();
            if (open.isEmpty()) {
                ready.add(n);
            } else {
                pending.put(n.run().key(), open.size());
                open.forEach(d -> waiting.computeIfAbsent(d, k -> new ArrayList<>()).add(n));
            }
        }
        TreeMap<Double, List<Node>> finishing = new TreeMap<>();
        List<Node> order = new ArrayList<>();
        double now = 0;
        int busy = 0;
        while (!ready.isEmpty() || !finishing.isEmpty()) {
            while (busy < Math.max(1, workers) && !ready.isEmpty()) {
                Node n = ready.poll();
                order.add(n);
                finishing.computeIfAbsent(now + n.estimatedSeconds(), k -> new ArrayList<>()).add(n);
                busy++;
            }
            Map.Entry<Double, List<Node>> done = finishing.pollFirstEntry();
            now = done.getKey();
            for (Node n : done.getValue()) {
                busy--;
                for (Node m : waiting.getOrDefault(n.run().key(), List.of())) {
                    if (pending.merge(m.run().key(), -1, Integer::sum) == 0) {
                        ready.add(m);
                    }
                }
            }
        }
        return new Schedule(order, now);
    }

    /**
     * The part of this plan that {@code claimsOfPart} need on their own: their runs, the teachers
     * those learn from, and the orbit passes those wait for, with the same estimates. It is what a
     * run of only those claims (a part, {@code -Dtest=<their classes>}) would plan on the same store.
     */
    public synchronized SuitePlan restrictedTo(Set<String> claimsOfPart) {
        Set<String> keep = new LinkedHashSet<>();
        for (Node n : nodes.values()) {
            if (!Collections.disjoint(n.claims, claimsOfPart)) {
                for (Node at = n; at != null && keep.add(at.run.key()); ) {
                    at = at.run.hasParent() ? nodes.get(at.run.parentKey()) : null;   // a teacher comes along
                }
            }
        }
        SuitePlan part = new SuitePlan();
        for (Node n : nodes.values()) {   // insertion order: a teacher before its students
            if (keep.contains(n.run.key())) {
                Node copy = new Node(n.run, n.stored);
                copy.estimatedSeconds = n.estimatedSeconds;
                copy.claims.addAll(n.claims.stream().filter(claimsOfPart::contains).toList());
                n.after.stream().filter(keep::contains).forEach(copy.after::add);
                part.nodes.put(n.run.key(), copy);
                part.claims.addAll(copy.claims);
            }
        }
        return part;
    }

    /** Models by role ("teacher", "student", ...) and architecture: [to train, stored]. */
    public Map<String, int[]> byRoleAndArchitecture() {
        Map<String, int[]> counts = new TreeMap<>();
        for (Node n : nodes()) {
            String role = n.run().role().split(" ")[0];
            String k = role + " " + n.run().spec().architecture().name();
            counts.computeIfAbsent(k, x -> new int[2])[n.stored() ? 1 : 0]++;
        }
        return counts;
    }
}
