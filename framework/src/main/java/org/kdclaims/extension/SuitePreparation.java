package org.kdclaims.extension;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.kdclaims.config.Settings;
import org.kdclaims.io.Console;
import org.kdclaims.plan.CostModel;
import org.kdclaims.plan.LocalExecutor;
import org.kdclaims.plan.PlanReport;
import org.kdclaims.plan.RunOutcome;
import org.kdclaims.plan.RunRequest;
import org.kdclaims.plan.SuitePlan;
import org.kdclaims.plan.SuiteProgress;
import org.kdclaims.training.EpochMetrics;
import org.kdclaims.training.NativeBackend;

/**
 * Plan first, then train: turns claim invocations into one plan of training runs (shared runs
 * once, stored runs marked), estimates it on this machine, prints it and writes {@code plan.json},
 * then trains what is missing with the local executor, so that the claims read their models from
 * the store. Runs planned earlier in the session are not planned again.
 */
final class SuitePreparation {
    private SuitePreparation() {
    }

    static void prepare(ExperimentRuntime runtime, List<ClaimPlan> invocations) {
        SuitePlan plan = new SuitePlan();
        boolean anyNew = false;
        for (ClaimPlan c : invocations) {
            String name = name(c);
            Optional<String> missing = runtime.settings().dataProvider().missing(c.dataset());
            if (missing.isPresent()) {
                plan.skip(name, missing.get());
                continue;
            }
            for (RunRequest r : new ArmModels(c, runtime).runs()) {
                boolean planned = runtime.wasPlanned(r.key());
                anyNew |= !planned;
                // a run already in this plan keeps its first verdict: each stored file is verified once
                plan.add(r, name, planned || plan.contains(r.key()) || runtime.models().usable(r.key()));
            }
        }
        plan.nodes().forEach(n -> runtime.plan(n.run()));
        ExperimentRuntime.hooks.planMade(plan);
        Settings s = runtime.settings();
        // a class whose runs the suite's plan already covered (or that has nothing to train) says nothing
        if (!anyNew || plan.toTrain().isEmpty() && !s.planOnly()) {
            return;
        }
        LocalExecutor executor = new LocalExecutor(s.workers(), s.threads());
        String machine = String.format(Locale.ROOT, "%s, %d cores, %s", NativeBackend.cpuIsa(),
                Runtime.getRuntime().availableProcessors(), NativeBackend.buildId());
        CostModel costs = new CostModel(s.costDir(), s.threads(), s.workers());
        costs.estimate(plan, runtime.loadedData());
        Console.printf("%s", PlanReport.text(plan, executor, s.workers(), machine));
        try {
            Path json = PlanReport.writeJson(plan, executor, s.workers(), machine, runtime.results().directory());
            Console.line("[kd] plan written to " + json);
        } catch (IOException e) {
            Console.line("[kd] plan.json not written: " + e);
        }
        if (s.planOnly()) {
            return;
        }
        Map<String, RunOutcome> outcomes;
        try (SuiteProgress progress = new SuiteProgress(plan, s.workers(), System.err, s.progressEvery())) {
            outcomes = executor.execute(plan, runtime.trainer(), progress);
        }
        runtime.recordOutcomes(outcomes);
        learnSpeeds(runtime, plan, outcomes, costs);
    }

    /** The median training img/s of every run trained from scratch here goes back into the cost model. */
    private static void learnSpeeds(ExperimentRuntime runtime, SuitePlan plan, Map<String, RunOutcome> outcomes,
            CostModel costs) {
        outcomes.values().stream().filter(o -> o.status() == RunOutcome.Status.TRAINED).forEach(o -> {
            RunRequest r = plan.node(o.key()).run();
            runtime.models().find(r.key()).ifPresent(m -> costs.observe(r.spec(), runtime.data(r.data()),
                    m.curve().stream().mapToDouble(EpochMetrics::imagesPerSecond).sorted()
                            .skip(m.curve().size() / 2).findFirst().orElse(Double.NaN)));
        });
    }

    static String name(ClaimPlan c) {
        String point = c.points().size() == 1 ? c.points().get(0).label() : "";
        return c.claim().id() + " " + c.method().getName() + (point.isEmpty() ? "" : " " + point);
    }
}
