package org.kdclaims.plan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.kdclaims.config.Settings;
import org.kdclaims.data.DataSetId;
import org.kdclaims.data.TrainingData;
import org.kdclaims.io.Console;
import org.kdclaims.store.ModelStore;
import org.kdclaims.training.EpochMetrics;
import org.kdclaims.training.NativeBackend;
import org.kdclaims.training.TeacherOrbits;

/**
 * Runs a suite's plan: estimates it on this machine, prints it and writes {@code plan.json}, then
 * (unless {@code kd.plan=only}) trains what is missing with the executor {@code kd.executor} names
 * (the local one by default) and feeds the speeds it saw back into the cost model, when it had the
 * machine to itself ({@link MachineShare}).
 */
public final class SuiteRun {
    private SuiteRun() {
    }

    /**
     * @param data the data sets loaded for the plan (for the estimate)
     * @param load a data set by id, loading it if needed (for the speeds learned)
     * @return each run's outcome by key; empty when only the plan was asked for
     */
    public static Map<String, RunOutcome> execute(SuitePlan plan, Settings s, Path resultsDir,
            Map<DataSetId, TrainingData> data, Function<DataSetId, TrainingData> load, RunTrainer trainer,
            ModelStore models) {
        Executor executor = ExecutorFactory.forSettings(s);
        String machine = String.format(Locale.ROOT, "%s, %d cores, %s", NativeBackend.cpuIsa(),
                Runtime.getRuntime().availableProcessors(), NativeBackend.buildId());
        // the trainer's own tables, told which ones the plan chose (another trainer: the settings' rule)
        TeacherOrbits orbits = trainer instanceof StoreTrainer st ? st.orbits()
                : new TeacherOrbits((long) (1e6 * s.orbitMb()), models.orbits());
        OrbitPlanner.plan(plan, data, orbits, models);
        CostModel costs = new CostModel(s.costDir(), s.threads(), s.workers());
        costs.estimate(plan, data);
        Console.printf("%s", PlanReport.text(plan, executor, s.workers(), machine));
        try {
            Path json = PlanReport.writeJson(plan, executor, s.workers(), machine, resultsDir);
            Console.line("[kd] plan written to " + json);
        } catch (IOException e) {
            Console.line("[kd] plan.json not written: " + e);
        }
        if (s.planOnly()) {
            return Map.of();
        }
        Map<String, RunOutcome> outcomes;
        MachineShare share = MachineShare.start();
        try (SuiteProgress progress = new SuiteProgress(plan, s.workers(), System.err, s.progressEvery())) {
            outcomes = executor.execute(plan, trainer, progress);
        }
        double others = share.others();
        if (MachineShare.quiet(others)) {
            learnSpeeds(plan, outcomes, costs, load, models);
        } else if (outcomes.values().stream().anyMatch(o -> o.status() == RunOutcome.Status.TRAINED)) {
            Console.printf("[kd] speeds not learned: other processes used %s while this suite trained, so its"
                    + " speeds are not this machine's; the next plan keeps the earlier ones%n", MachineShare.describe(others));
        }
        return outcomes;
    }

    /** The median training img/s of every run trained from scratch here goes back into the cost model. */
    private static void learnSpeeds(SuitePlan plan, Map<String, RunOutcome> outcomes, CostModel costs,
            Function<DataSetId, TrainingData> load, ModelStore models) {
        outcomes.values().stream().filter(o -> o.status() == RunOutcome.Status.TRAINED)
                .filter(o -> !plan.node(o.key()).run().isOrbit()).forEach(o -> {
            RunRequest r = plan.node(o.key()).run();
            models.find(r.key()).ifPresent(m -> costs.observe(r.spec(), load.apply(r.data()),
                    m.curve().stream().mapToDouble(EpochMetrics::imagesPerSecond).sorted()
                            .skip(m.curve().size() / 2).findFirst().orElse(Double.NaN)));
        });
    }
}
