package org.kdclaims.extension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.kdclaims.api.ClaimVerdicts;
import org.kdclaims.api.CurveMetric;
import org.kdclaims.api.Metric;
import org.kdclaims.config.Settings;
import org.kdclaims.extension.ClaimPlan.SweepPoint;
import org.kdclaims.io.Console;
import org.kdclaims.results.model.ArmResult;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.CurvePoint;
import org.kdclaims.results.model.CurveRecord;
import org.kdclaims.results.model.EpochRecord;
import org.kdclaims.results.model.PaperValueRecord;
import org.kdclaims.results.model.PremiseRecord;
import org.kdclaims.results.model.Replication;
import org.kdclaims.results.model.Statistics;
import org.kdclaims.results.model.TeacherRecord;
import org.kdclaims.results.model.TestResult;
import org.kdclaims.results.model.TrainingRunRecord;
import org.kdclaims.stats.ArmComparison;
import org.kdclaims.stats.Crossover;
import org.kdclaims.stats.CrossoverResult;
import org.kdclaims.stats.CurveResult;
import org.kdclaims.stats.Summary;
import org.kdclaims.stats.Verdict;
import org.kdclaims.stats.VerdictPolicy;
import org.kdclaims.training.EpochMetrics;
import org.kdclaims.training.TrainedModel;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Collects what one claim invocation trained, checked and concluded, turns the verdict into the JUnit
 * outcome, and writes the claim's result after the test, whatever happened, so that nothing is lost
 * when a claim fails or training breaks: into the results store, then to the claim event listeners
 * (the Allure writer). It is the running claim's
 * {@link ClaimVerdicts}: the API reaches it through that interface only.
 * <p>A claim whose premises failed is OUTSIDE_REGIME: its statistics are recorded (as
 * {@code statisticalVerdict}) and the test aborts at every scale, because neither a pass nor a
 * failure would be a statement about the paper.
 */
final class ClaimRecorder implements ClaimVerdicts {
    private final ClaimPlan plan;
    private final ExperimentRuntime runtime;
    private final List<TrainingRunRecord> runs = new ArrayList<>();
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final List<PaperValueRecord> paper;
    private final long started = System.nanoTime();
    private List<PremiseRecord> premises = List.of();
    private Metric a;
    private Metric b;
    private ArmComparison comparison;
    private CurveMetric curve;
    private CurveResult curveResult;
    private CurveMetric crossing;
    private CurveMetric crossed;
    private CrossoverResult crossover;
    private Statistics statistics;
    private final SequentialRounds rounds;
    private final int look;
    private boolean continued;

    ClaimRecorder(ClaimPlan plan, ExperimentRuntime runtime) {
        this(plan, runtime, null, 0);
    }

    /** The recorder of look {@code look} of an adaptive claim's {@code rounds} (null: judged once). */
    ClaimRecorder(ClaimPlan plan, ExperimentRuntime runtime, SequentialRounds rounds, int look) {
        this.plan = plan;
        this.runtime = runtime;
        this.rounds = rounds;
        this.look = look;
        this.paper = Arrays.stream(plan.claim().paper())
                .map(p -> new PaperValueRecord(p.label(), p.value(), p.unit(), p.note())).toList();
        parameters.put("scale", runtime.profile().describe());
        parameters.put("data", runtime.runInfo().dataset());
        parameters.put("native build", runtime.runInfo().nativeBuild() + ", " + runtime.runInfo().threads() + " threads");
        long seedBase = plan.seedBase(runtime.settings());
        parameters.put("seeds", plan.replication().describe(runtime.profile().seeds(plan.seeds()), seedBase));
        parameters.put("seed base", seedBase + (runtime.settings().seedBase() == null ? " (the claim's)"
                : " (-D" + Settings.SEED_BASE + ")"));
        parameters.put("distillation", plan.distillation().describe());
        parameters.put("alpha", Double.toString(plan.claim().alpha()));
        plan.points().stream().filter(p -> p.dimension() != null)
                .forEach(p -> parameters.put("sweep " + p.dimension().key(), p.value()));
        plan.curves().forEach(c -> parameters.put("curve " + c.name(), c.dimension().key() + " = "
                + c.points().stream().map(SweepPoint::value).toList()));
        if (rounds != null) {
            parameters.put("adaptive seeds", rounds.describe(look));
        }
        if (!plan.premises().isEmpty()) {
            parameters.put("premises", plan.premises().stream().map(Enum::name).sorted().toList().toString());
        }
    }

    /** The claim's alpha; for a look of adaptive seeds, the part of it the spending function allots that look. */
    @Override
    public double alpha() {
        return rounds == null ? plan.claim().alpha() : rounds.alphaAt(look);
    }

    void parameter(String name, String value) {
        parameters.put(name, value);
    }

    Map<String, String> parameters() {
        return parameters;
    }

    /** The claim's premises as checked on its models (before the test body runs). */
    void premises(List<PremiseRecord> checked) {
        this.premises = List.copyOf(checked);
    }

    /** Records a training run once per claim, however many arms use it (a shared teacher). */
    void run(TrainingRunRecord run) {
        if (runs.stream().anyMatch(r -> r.role().equals(run.role()) && r.configHash().equals(run.configHash()))) {
            return;
        }
        runs.add(run);
    }

    /** A run's record: its learning curve and final metrics in percent, as the results store keeps them. */
    static TrainingRunRecord record(String role, TrainedModel model, String key, boolean fromStore) {
        List<EpochRecord> curve = model.curve().stream()
                .map(m -> new EpochRecord(m.epoch(), m.learningRate(), m.trainLoss(),
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
        return new TrainingRunRecord(role, model.spec().architecture().name(), model.spec().seed(), key,
                model.spec().epochs(), model.wallSeconds(), model.imagesPerSecond(), fromStore, curve, fin);
    }

    /** Records a two-arm verdict with its statistics, then passes, fails, or aborts the test. */
    @Override
    public void conclude(Metric actual, Metric other, ArmComparison c) {
        this.a = actual;
        this.b = other;
        this.comparison = c;
        this.statistics = VerdictStatistics.of(c, PaperValues.difference(paper, actual.arm(), other.arm()), actual, other);
        judge(c.verdict(), c.describeWithPower(actual.name(), Double.NaN) + replicationNote(), Math.min(c.nA(), c.nB()));
    }

    /** Records a curve's single verdict with its statistics, then passes, fails, or aborts the test. */
    @Override
    public void conclude(CurveMetric curve, CurveResult result) {
        this.curve = curve;
        this.curveResult = result;
        int d = result.decisiveIndex();
        Double paperDifference = d < 0 ? null : difference(pointPaperValue(d), pointPaperValue(curve.points().size() - 1));
        this.statistics = VerdictStatistics.of(result, paperDifference, curve);
        judge(result.verdict(), result.describe() + replicationNote(), curve.points().stream()
                .mapToInt(p -> p.metric().perUnit().values().length).min().orElse(0));
    }

    /** Records the verdict on two learning curves crossing, then passes, fails, or aborts the test. */
    @Override
    public void conclude(CurveMetric first, CurveMetric second, CrossoverResult result) {
        this.crossing = first;
        this.crossed = second;
        this.crossover = result;
        this.statistics = CrossoverStatistics.of(result, first, second);
        judge(result.verdict(), result.describe() + replicationNote(), Math.min(
                CrossoverStatistics.end(first).perUnit().values().length,
                CrossoverStatistics.end(second).perUnit().values().length));
    }

    private void judge(Verdict verdict, String description, int seeds) {
        String message = plan.claim().id() + " " + description
                + VerdictStatistics.detectability(statistics, seeds).map(s -> "; " + s).orElse("");
        List<PremiseRecord> failed = premises.stream().filter(p -> !p.holds()).toList();
        if (!failed.isEmpty()) {
            String outside = plan.claim().id() + " " + ClaimResult.OUTSIDE_REGIME + ": the experiment is outside the"
                    + " paper's regime, so its statistics (" + verdict + ") are not evidence for or against the paper; "
                    + failed.stream().map(p -> "premise " + p.name() + " fails: " + p.statement() + " (observed "
                    + number(p.observed()) + ", threshold " + number(p.threshold()) + " " + p.unit() + ")")
                    .collect(Collectors.joining("; ")) + ". Statistics: " + message;
            Console.line("[kd] " + outside);
            throw new TestAbortedException(outside);
        }
        if (rounds != null) {
            statistics = statistics == null ? null : statistics.withSequential(rounds.describe(look));
            rounds.looked(look, verdict);
            if (verdict == Verdict.INCONCLUSIVE && !rounds.isLast(look)) {
                continued = true;
                String more = plan.claim().id() + " undecided at " + rounds.seedsAt(look) + " seeds (look " + (look + 1)
                        + " of " + rounds.lookCount() + "): adding seeds and looking again. " + message;
                Console.line("[kd] " + more);
                throw new TestAbortedException(more);
            }
        }
        boolean asserted = runtime.profile().assertVerdicts();
        Console.line("[kd] " + message + (asserted ? "" : " (" + runtime.profile().name() + " scale: recorded, not asserted)"));
        VerdictPolicy.apply(verdict, asserted, runtime.profile().name(), message);
    }

    /** Writes the claim's result; {@code error} is what the test threw, if anything. */
    ClaimResult finish(ExtensionContext context, Throwable error) {
        if (continued) {
            return null; // an undecided look of adaptive seeds: the claim's result is the last look's
        }
        boolean concluded = comparison != null || curveResult != null || crossover != null;
        String outcome = error == null ? (runtime.profile().assertVerdicts() ? "passed" : "recorded")
                : error instanceof TestAbortedException ? "aborted" : "failed";
        String note = error == null || concluded && (error instanceof AssertionFailedError
                || error instanceof TestAbortedException) ? null : "the claim did not reach a verdict: " + error;
        List<ArmResult> arms = new ArrayList<>();
        TestResult test = null;
        String hypothesis = null;
        String metric = null;
        Verdict statistical = null;
        if (comparison != null) {
            arms.add(arm(a));
            arms.add(arm(b));
            test = new TestResult(comparison.test(), comparison.alternative(), comparison.t(), comparison.df(),
                    comparison.pValue(), comparison.effectSize(), comparison.alpha());
            hypothesis = a.name() + ": " + comparison.alternative();
            metric = a.name();
            statistical = comparison.verdict();
        } else if (curveResult != null) {
            test = new TestResult(curveResult.method(), curveResult.shape().claim(), Double.NaN, Double.NaN,
                    statistics.pValue(), Double.NaN, curveResult.alpha());
            hypothesis = curve.curve() + " " + curve.name() + ": " + curveResult.shape().claim();
            metric = curve.name();
            statistical = curveResult.verdict();
        } else if (crossover != null) {
            // the arms at the end of training, as a two-arm claim shows them; the curves go in the crossover record
            arms.add(arm(CrossoverStatistics.end(crossing)));
            arms.add(arm(CrossoverStatistics.end(crossed)));
            test = new TestResult(crossover.method(), Crossover.CLAIM, Double.NaN, Double.NaN, crossover.pValue(),
                    Double.NaN, crossover.alpha());
            hypothesis = crossing.curve() + " " + crossing.name() + " crosses above " + crossed.curve() + "'s: "
                    + Crossover.CLAIM;
            metric = crossing.name();
            statistical = crossover.verdict();
        }
        String regime = premises.isEmpty() ? null
                : premises.stream().allMatch(PremiseRecord::holds) ? ClaimResult.IN_REGIME : ClaimResult.OUTSIDE_REGIME;
        boolean outside = ClaimResult.OUTSIDE_REGIME.equals(regime);
        String verdict = statistical == null ? null : outside ? ClaimResult.OUTSIDE_REGIME : statistical.name();
        ClaimResult result = new ClaimResult(plan.claim().id(), context.getDisplayName(), plan.claim().source(),
                plan.claim().statement(), hypothesis, metric, paper, arms, test, verdict, outcome, parameters,
                List.copyOf(runs), List.of(), (System.nanoTime() - started) / 1e9, note, statistics, premises, regime,
                outside && statistical != null ? statistical.name() : null, curveResult == null ? null : curveModel(),
                crossover == null ? null : CrossoverStatistics.record(crossover, crossing, crossed));
        runtime.results().writeClaim(result);
        runtime.events().claimFinished(result);
        return result;
    }

    /**
     * The curve for the report: every point with its arm summary and the paper's value there, the points
     * the verdict rests on marked (the decisive point and the last point it was compared with; every
     * point for a slope test).
     */
    private CurveRecord curveModel() {
        int decisive = curveResult.decisiveIndex();
        int last = curve.points().size() - 1;
        List<CurvePoint> points = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            CurveMetric.Point p = curve.points().get(i);
            points.add(new CurvePoint(p.label(), p.x(), arm(p.metric()), pointPaperValue(i),
                    decisive < 0 || i == decisive || i == last));
        }
        return new CurveRecord(curve.dimension(), curveResult.shape().name(), points);
    }

    /** The paper's value at point i: labelled "&lt;point&gt;: ..." or "&lt;arm&gt;: ...". */
    private Double pointPaperValue(int i) {
        CurveMetric.Point p = curve.points().get(i);
        return PaperValues.of(paper, p.label(), p.metric().arm());
    }

    private static Double difference(Double x, Double y) {
        return x == null || y == null ? null : x - y;
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /**
     * An arm for the results: every student's value, with its teacher; the mean, sd and CI of what the
     * claim replicates (per-teacher means in a claim about teachers, so the spread between teachers is
     * in them).
     */
    static ArmResult arm(Metric m) {
        Summary s = Summary.of(m.perUnit().values());
        List<Long> seeds = Arrays.stream(m.seeds()).boxed().toList();
        List<Double> values = Arrays.stream(m.values()).boxed().toList();
        List<TeacherRecord> teachers = m.teachers().stream()
                .map(t -> new TeacherRecord(t.seed(), t.label(), Double.isFinite(t.testError()) ? t.testError() : null))
                .toList();
        return new ArmResult(m.arm(), seeds, values, s.mean(), s.sd(), s.ciLow(), s.ciHigh(),
                m.byTeacher() ? ArmResult.UNIT_TEACHER : ArmResult.UNIT_SEED,
                Arrays.stream(m.teacherSeeds()).boxed().toList(), teachers);
    }

    /** "; conditional on one teacher ..." for the console and the failure message, when it is. */
    private String replicationNote() {
        Replication r = statistics == null ? null : statistics.replication();
        if (r == null) {
            return "";
        }
        return "; " + r.design() + (r.needed() == null ? "" : "; " + r.needed());
    }
}
