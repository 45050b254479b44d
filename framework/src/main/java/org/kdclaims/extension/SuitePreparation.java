package org.kdclaims.extension;

import java.util.List;
import java.util.Optional;

import org.kdclaims.config.Settings;
import org.kdclaims.plan.RunRequest;
import org.kdclaims.plan.SuitePlan;
import org.kdclaims.plan.SuiteRun;

/**
 * Plan first, then train: turns claim invocations into one plan of training runs (shared runs
 * once, stored runs marked) and hands it to {@link SuiteRun}, which estimates, prints and trains
 * it, so that the claims read their models from the store. Runs planned earlier in the session are
 * not planned again.
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
        runtime.recordOutcomes(SuiteRun.execute(plan, s, runtime.results().directory(), runtime.loadedData(),
                runtime::data, runtime.trainer(), runtime.models()));
    }

    static String name(ClaimPlan c) {
        String point = c.points().size() == 1 ? c.points().get(0).label() : "";
        return c.claim().id() + " " + c.method().getName() + (point.isEmpty() ? "" : " " + point);
    }
}
