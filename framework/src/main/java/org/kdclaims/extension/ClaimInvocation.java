package org.kdclaims.extension;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.kdclaims.api.Arm;
import org.kdclaims.api.ArmCurve;
import org.kdclaims.api.ClaimVerdicts;
import org.kdclaims.extension.ClaimPlan.ArmPlan;
import org.kdclaims.extension.ClaimPlan.CurvePlan;
import org.kdclaims.extension.ClaimPlan.SweepPoint;
import org.kdclaims.results.events.ClaimStart;

/**
 * One invocation of a claim (one sweep point): builds its {@link Arm} and {@link ArmCurve} parameters
 * from the models the suite's plan trained (nothing trains here), checks the claim's premises on
 * them, binds the claim's {@link ClaimVerdicts} to the test method's thread, and records the claim's
 * result after the test ran, whatever its outcome.
 */
final class ClaimInvocation implements BeforeEachCallback, AfterEachCallback, ParameterResolver, BeforeTestExecutionCallback,
        AfterTestExecutionCallback {
    private final ClaimPlan plan;
    private final SequentialRounds rounds;
    private final int look;
    private ClaimRecorder recorder;
    private ArmModels models;

    ClaimInvocation(ClaimPlan plan) {
        this(plan, null, 0);
    }

    /** Look {@code look} of an adaptive claim: {@code plan} has that look's seeds. */
    ClaimInvocation(ClaimPlan plan, SequentialRounds rounds, int look) {
        this.plan = plan;
        this.rounds = rounds;
        this.look = look;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ExperimentRuntime runtime = ExperimentRuntime.of(context);
        if (look > 0) {
            // the new seeds of this look: re-planned and trained before the claim reads them
            SuitePreparation.prepare(runtime, List.of(plan));
        }
        runtime.events().claimStarted(new ClaimStart(plan.claim().id(), context.getDisplayName(), plan.claim().source(),
                plan.claim().statement()));
        recorder = new ClaimRecorder(plan, runtime, rounds, look);
        models = new ArmModels(plan, runtime);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Arm.class || type == ArmCurve.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String name = parameter.getParameter().getName();
        if (parameter.getParameter().getType() == ArmCurve.class) {
            CurvePlan curve = plan.curves().stream().filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow(() -> new ParameterResolutionException("no curve plan for " + parameter.getParameter()));
            List<ArmCurve.Point> points = new ArrayList<>();
            for (int i = 0; i < curve.points().size(); i++) {
                SweepPoint p = curve.points().get(i);
                points.add(new ArmCurve.Point(p.value(), curve.dimension().x(p.value(), i),
                        models.assemble(arm(curve.arms().get(i)), recorder)));
            }
            return new ArmCurve(name, curve.dimension().description(), points);
        }
        return models.assemble(arm(name), recorder);
    }

    private ArmPlan arm(String name) {
        return plan.arms().stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new ParameterResolutionException("no arm plan for " + name));
    }

    /** Premises first (on the stored models), then the claim's verdicts for the assertions on this thread. */
    @Override
    public void beforeTestExecution(ExtensionContext context) {
        if (!plan.premises().isEmpty()) {
            ArmModels.PremiseFacts facts = models.premiseFacts(recorder);
            recorder.premises(PremiseCheck.evaluate(plan.premises(), facts.teachers(), facts.scratchError(),
                    facts.scratchStudents()));
        }
        ClaimVerdicts.bind(recorder);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        ClaimVerdicts.bind(null);
        try {
            if (recorder != null) {
                recorder.finish(context, context.getExecutionException().orElse(null));
            }
        } finally {
            ClaimVerdicts.bind(null);
        }
    }

    /** Runs even when beforeEach or the test failed: the next look (if any) may be decided now. */
    @Override
    public void afterEach(ExtensionContext context) {
        if (rounds != null) {
            rounds.ended(look);
        }
    }
}
