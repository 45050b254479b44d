package org.kdclaims.extension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.kdclaims.api.Metric;
import org.kdclaims.reports.model.ArmResult;
import org.kdclaims.reports.model.ClaimResult;
import org.kdclaims.reports.model.PaperValue;
import org.kdclaims.reports.model.TestResult;
import org.kdclaims.reports.model.TrainingRunRecord;
import org.kdclaims.stats.Comparison;
import org.kdclaims.stats.Summary;
import org.kdclaims.stats.VerdictPolicy;
import org.kdclaims.training.EpochMetrics;
import org.kdclaims.training.TrainedModel;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Collects what one claim invocation trained and concluded, turns the verdict into the JUnit
 * outcome, and writes the claim's result (results store and Allure) after the test, whatever
 * happened, so that nothing is lost when a claim fails or training breaks.
 */
public final class ClaimRecorder {
    private final ClaimPlan plan;
    private final ExperimentRuntime runtime;
    private final List<TrainingRunRecord> runs = new ArrayList<>();
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final long started = System.nanoTime();
    private Metric a;
    private Metric b;
    private Comparison comparison;

    ClaimRecorder(ClaimPlan plan, ExperimentRuntime runtime) {
        this.plan = plan;
        this.runtime = runtime;
        parameters.put("scale", runtime.profile().describe());
        parameters.put("data", runtime.runInfo().dataset());
        parameters.put("native build", runtime.runInfo().nativeBuild() + ", " + runtime.runInfo().threads() + " threads");
        parameters.put("seeds", runtime.profile().seeds(plan.seeds()) + " from " + plan.seedBase());
        parameters.put("distillation", plan.distillation().describe());
        parameters.put("alpha", Double.toString(plan.claim().alpha()));
        plan.points().stream().filter(p -> p.dimension() != null)
                .forEach(p -> parameters.put("sweep " + p.dimension(), p.value()));
    }

    public double alpha() {
        return plan.claim().alpha();
    }

    public ClaimPlan plan() {
        return plan;
    }

    void parameter(String name, String value) {
        parameters.put(name, value);
    }

    Map<String, String> parameters() {
        return parameters;
    }

    /** Records a training run once per claim, however many arms use it (a shared teacher). */
    void run(String role, TrainedModel model, String key, boolean fromStore) {
        if (runs.stream().anyMatch(r -> r.role().equals(role) && r.configHash().equals(key))) {
            return;
        }
        List<org.kdclaims.reports.model.EpochMetrics> curve = model.curve().stream()
                .map(m -> new org.kdclaims.reports.model.EpochMetrics(m.epoch(), m.learningRate(), m.trainLoss(),
                        100 * m.trainError(), m.testCrossEntropy(), 100 * m.testError(),
                        Double.isNaN(m.testKdError()) ? null : 100 * m.testKdError()))
                .toList();
        EpochMetrics last = model.last();
        Map<String, Double> fin = new LinkedHashMap<>();
        fin.put("test error %", 100 * last.testError());
        fin.put("test CE", last.testCrossEntropy());
        fin.put("train error %", 100 * last.trainError());
        fin.put("train CE", last.trainCrossEntropy());
        if (!Double.isNaN(last.testKdError())) {
            fin.put("test KD error %", 100 * last.testKdError());
            fin.put("test KD loss", last.testKdLoss());
        }
        runs.add(new TrainingRunRecord(role, model.spec().architecture().name(), model.spec().seed(), key,
                model.spec().epochs(), model.wallSeconds(), model.imagesPerSecond(), fromStore, curve, fin));
    }

    /** Records the verdict, then passes, fails (REFUTED) or aborts (INCONCLUSIVE) the test. */
    public void conclude(Metric actual, Metric other, Comparison c) {
        this.a = actual;
        this.b = other;
        this.comparison = c;
        String message = plan.claim().id() + " " + c.describe(actual.name());
        boolean asserted = runtime.profile().assertVerdicts();
        System.err.println("[kd] " + message + (asserted ? "" : " (" + runtime.profile().name() + " scale: recorded, not asserted)"));
        VerdictPolicy.apply(c.verdict(), asserted, runtime.profile().name(), message);
    }

    /** Writes the claim's result; {@code error} is what the test threw, if anything. */
    ClaimResult finish(ExtensionContext context, Throwable error) {
        String outcome = error == null ? (runtime.profile().assertVerdicts() ? "passed" : "recorded")
                : error instanceof TestAbortedException ? "aborted" : "failed";
        String note = error == null || comparison != null && (error instanceof AssertionFailedError
                || error instanceof TestAbortedException) ? null : "the claim did not reach a verdict: " + error;
        List<ArmResult> arms = new ArrayList<>();
        TestResult test = null;
        String hypothesis = null;
        String metric = null;
        if (comparison != null) {
            arms.add(arm(a, comparison.a()));
            arms.add(arm(b, comparison.b()));
            test = new TestResult(Comparison.METHOD, comparison.alternative(), comparison.t(), comparison.df(),
                    comparison.pValue(), comparison.effectSize(), comparison.alpha());
            hypothesis = a.name() + ": " + comparison.alternative();
            metric = a.name();
        }
        List<PaperValue> paper = Arrays.stream(plan.claim().paper())
                .map(p -> new PaperValue(p.label(), p.value(), p.unit(), p.note())).toList();
        ClaimResult result = new ClaimResult(plan.claim().id(), context.getDisplayName(), plan.claim().source(),
                plan.claim().statement(), hypothesis, metric, paper, arms, test,
                comparison == null ? null : comparison.verdict().name(), outcome, Map.copyOf(parameters), List.copyOf(runs),
                List.of(), (System.nanoTime() - started) / 1e9, note);
        runtime.results().writeClaim(result);
        AllureClaim.write(result);
        return result;
    }

    private static ArmResult arm(Metric m, Summary s) {
        List<Long> seeds = Arrays.stream(m.seeds()).boxed().toList();
        List<Double> values = Arrays.stream(m.values()).boxed().toList();
        return new ArmResult(m.arm().name(), seeds, values, s.mean(), s.sd(), s.ciLow(), s.ciHigh());
    }
}
