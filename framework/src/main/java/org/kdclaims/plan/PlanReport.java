package org.kdclaims.plan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.kdclaims.io.AtomicFiles;
import org.kdclaims.plan.SuitePlan.Node;

/**
 * The plan as a person reads it (printed before anything trains) and as {@code plan.json}: models
 * to train and already stored by role and architecture, the teachers' orbit passes, the estimated
 * wall time on this machine, the longest chain of runs (the wall time no number of workers can go
 * below), what each claim would cost on its own (to split a long run into parts that each fit the
 * time a machine stays up), and the order in which runs start.
 */
public final class PlanReport {
    private PlanReport() {
    }

    public static String text(SuitePlan plan, Executor executor, int workers, String machine) {
        StringBuilder s = new StringBuilder();
        List<Node> train = plan.toTrain();
        long models = plan.nodes().stream().filter(n -> !n.run().isOrbit()).count();
        long modelsToTrain = train.stream().filter(n -> !n.run().isOrbit()).count();
        long orbits = plan.nodes().size() - models;
        long orbitsToCompute = train.size() - modelsToTrain;
        s.append(String.format(Locale.ROOT, "[kd] plan: %d claim invocation%s, %d models: %d to train, %d stored%s%n",
                plan.claims().size(), plan.claims().size() == 1 ? "" : "s", models, modelsToTrain,
                models - modelsToTrain, orbits == 0 ? "" : String.format(Locale.ROOT,
                        "; %d teacher orbit passes: %d to compute, %d stored", orbits, orbitsToCompute,
                        orbits - orbitsToCompute)));
        plan.byRoleAndArchitecture().forEach((k, c) -> s.append(String.format(Locale.ROOT,
                "[kd]   %-28s %3d to train, %3d stored%n", k, c[0], c[1])));
        double serial = train.stream().mapToDouble(Node::estimatedSeconds).sum();
        s.append(String.format(Locale.ROOT, "[kd] estimated wall time: %s with %s (%s of training one after another) on %s%n",
                SuiteProgress.duration(plan.estimatedWallSeconds(workers)), executor.describe(),
                SuiteProgress.duration(serial), machine));
        List<Node> chain = plan.criticalChain();
        if (chain.size() > 1) {
            double length = chain.stream().mapToDouble(Node::estimatedSeconds).sum();
            s.append(String.format(Locale.ROOT, "[kd] longest chain: %s (%s): no number of workers trains this plan"
                    + " sooner; beyond %d workers this chain, not the amount of work, sets the wall time%n",
                    SuiteProgress.duration(length), chainText(chain), workersBeforeChainBinds(serial, length)));
        }
        if (plan.claims().size() > 1 && !train.isEmpty()) {
            s.append("[kd] each claim on its own (what a run of only its claims would train, e.g. one part of a long"
                    + " run with -Dtest=<its class>; a model that several claims need counts in each):\n");
            List<ClaimAlone> alone = claimsAlone(plan, workers);
            int width = alone.stream().mapToInt(c -> c.claim().length()).max().orElse(1);   // one column for all
            for (ClaimAlone c : alone) {
                s.append(String.format(Locale.ROOT, "[kd]   %-" + width + "s %3d models, %3d orbit passes to compute  ~%s%n",
                        c.claim(), c.models(), c.orbitPasses(), SuiteProgress.duration(c.wallSeconds())));
            }
        }
        for (SuitePlan.Skipped k : plan.skipped()) {
            s.append("[kd] skipped: ").append(k.claim()).append(": ").append(k.reason()).append('\n');
        }
        if (!train.isEmpty()) {
            s.append("[kd] order (longest chain of work first, a run after its teacher):\n");
            int i = 1;
            for (Node n : plan.order()) {
                s.append(String.format(Locale.ROOT, "[kd]   %3d. %-44s ~%s%n", i++, n.run().label(),
                        SuiteProgress.duration(n.estimatedSeconds())));
            }
        }
        return s.toString();
    }

    /**
     * One claim's share of the plan, as if it ran alone: the models and orbit passes still to
     * compute that it needs (its teachers included) and their estimated wall time on the same workers.
     */
    record ClaimAlone(String claim, long models, long orbitPasses, double wallSeconds) {
    }

    /** Every claim of the plan on its own, in claim order. */
    static List<ClaimAlone> claimsAlone(SuitePlan plan, int workers) {
        List<ClaimAlone> out = new ArrayList<>();
        for (String claim : plan.claims().stream().sorted().toList()) {
            SuitePlan alone = plan.restrictedTo(Set.of(claim));
            List<Node> train = alone.toTrain();
            long orbits = train.stream().filter(n -> n.run().isOrbit()).count();
            out.add(new ClaimAlone(claim, train.size() - orbits, orbits, alone.estimatedWallSeconds(workers)));
        }
        return out;
    }

    /** "a -> b -> c", or the first two and the last with the count between them when long. */
    private static String chainText(List<Node> chain) {
        List<String> labels = chain.stream().map(n -> n.run().label()).toList();
        if (labels.size() <= 4) {
            return String.join(" -> ", labels);
        }
        return labels.get(0) + " -> " + labels.get(1) + " -> ... (" + (labels.size() - 3) + " more) -> "
                + labels.get(labels.size() - 1);
    }

    /** The most workers that still shorten the plan: total work over the longest chain, rounded up. */
    static int workersBeforeChainBinds(double serialSeconds, double chainSeconds) {
        return chainSeconds <= 0 ? 1 : Math.max(1, (int) Math.ceil(serialSeconds / chainSeconds - 1e-9));
    }

    /** Writes {@code plan.json} atomically into {@code dir}. */
    public static Path writeJson(SuitePlan plan, Executor executor, int workers, String machine, Path dir)
            throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("executor", executor.describe());
        json.put("machine", machine);
        json.put("estimatedWallSeconds", plan.estimatedWallSeconds(workers));
        List<Node> chain = plan.criticalChain();
        json.put("longestChainSeconds", chain.stream().mapToDouble(Node::estimatedSeconds).sum());
        json.put("longestChain", chain.stream().map(n -> n.run().key()).toList());
        json.put("claims", plan.claims().stream().sorted().toList());
        json.put("skipped", plan.skipped());
        List<Map<String, Object>> alone = new ArrayList<>();
        for (ClaimAlone c : claimsAlone(plan, workers)) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("claim", c.claim());
            a.put("modelsToTrain", c.models());
            a.put("orbitPassesToCompute", c.orbitPasses());
            a.put("estimatedWallSeconds", c.wallSeconds());
            alone.add(a);
        }
        json.put("claimsAlone", alone);
        List<Map<String, Object>> runs = new ArrayList<>();
        List<Map<String, Object>> orbits = new ArrayList<>();
        List<Node> ordered = new ArrayList<>(plan.order());
        plan.nodes().stream().filter(Node::stored).forEach(ordered::add);
        for (Node n : ordered) {
            if (n.run().isOrbit()) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("key", n.run().key());
                o.put("role", n.run().role());
                o.put("teacher", n.run().parentKey());
                o.put("teacherEpoch", n.run().parentEpoch());
                o.put("architecture", n.run().spec().architecture().name());
                o.put("status", n.stored() ? "stored" : "to compute");
                o.put("estimatedSeconds", n.estimatedSeconds());
                o.put("students", plan.children(n.run().key()).size());
                o.put("table", n.run().basis());
                orbits.add(o);
                continue;
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("key", n.run().key());
            r.put("role", n.run().role());
            r.put("architecture", n.run().spec().architecture().name());
            r.put("seed", n.run().spec().seed());
            r.put("epochs", n.run().spec().epochs());
            r.put("teacher", n.run().parentKey());
            r.put("teacherEpoch", n.run().hasParent() ? n.run().parentEpoch() : null);
            r.put("status", n.stored() ? "stored" : "to train");
            r.put("estimatedSeconds", n.estimatedSeconds());
            r.put("claims", List.copyOf(n.claims()));
            r.put("spec", n.run().spec().describe());
            runs.add(r);
        }
        json.put("runs", runs);
        json.put("orbitPasses", orbits);
        Path out = dir.resolve("plan.json");
        AtomicFiles.write(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(json));
        return out;
    }
}
