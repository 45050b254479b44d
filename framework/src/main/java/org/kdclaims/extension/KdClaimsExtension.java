package org.kdclaims.extension;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.kdclaims.annotations.Claim;
import org.kdclaims.data.DataSetId;
import org.kdclaims.config.Settings;

/**
 * The one extension behind {@link Claim}. Before a claim class runs it validates every claim (fail
 * fast, before anything trains) and makes sure the models of all its claims are trained, through the
 * suite's plan ({@link SuitePreparation}); then runs each claim once, or once per point of its
 * sweep, as a {@link ClaimInvocation} that reads its arms from the model store. A claim whose data
 * set is missing, or a run with {@code -Dkd.plan=only}, is skipped by an execution condition with
 * the reason and the fix.
 */
public class KdClaimsExtension implements ExecutionCondition, BeforeAllCallback, TestTemplateInvocationContextProvider {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        // plan only: the class still runs its beforeAll (which plans and prints), its claims do not
        Settings settings = ExperimentRuntime.settings(context);
        Optional<String> otherProtocol = context.getTestClass()
                .flatMap(c -> ProtocolFilter.skipReason(c, settings.scale()));
        if (otherProtocol.isPresent()) {
            return ConditionEvaluationResult.disabled(otherProtocol.get());
        }
        if (settings.planOnly() && context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.disabled("-Dkd.plan=only: the plan was printed and written to"
                    + " plan.json; nothing was trained and no claim was judged");
        }
        Optional<DataSetId> dataset;
        try {
            dataset = ClaimDataSets.of(context.getElement().orElse(null));
        } catch (IllegalArgumentException e) {
            return ConditionEvaluationResult.enabled("the claim's data set is misnamed; planning says why");
        }
        return dataset.flatMap(d -> settings.dataProvider().missing(d))
                .map(ConditionEvaluationResult::disabled)
                .orElse(ConditionEvaluationResult.enabled("the claim's data set is available"));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // fail fast: one misconfigured claim must not be found after an hour of training others
        List<ClaimPlan> invocations = new ArrayList<>();
        for (Method m : AnnotationSupport.findAnnotatedMethods(context.getRequiredTestClass(), Claim.class,
                HierarchyTraversalMode.TOP_DOWN)) {
            ClaimPlan plan = ClaimPlan.of(m);
            plan.points().forEach(p -> invocations.add(plan.at(p)));
        }
        // trains only what the suite's plan did not (all of it when no suite listener ran)
        SuitePreparation.prepare(ExperimentRuntime.of(context), invocations);
    }

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, Claim.class)).orElse(false);
    }

    /**
     * One invocation per sweep point; an adaptive claim ({@code @Seeds(min, max)}) gets one per look,
     * made lazily: JUnit asks for the next look only after the previous one ran, and it exists only
     * if that look did not decide the claim.
     */
    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        ClaimPlan plan = ClaimPlan.of(method);
        ExperimentRuntime runtime = ExperimentRuntime.of(context);
        return plan.points().stream().flatMap(point -> {
            ClaimPlan atPoint = plan.at(point);
            String name = point.dimension() == null ? method.getName() : method.getName() + " " + point.label();
            SequentialRounds rounds = SequentialRounds.of(atPoint, runtime.profile());
            if (rounds == null) {
                return Stream.of(invocation(name, new ClaimInvocation(atPoint)));
            }
            return IntStream.range(0, rounds.lookCount()).boxed().takeWhile(rounds::shouldRun)
                    .map(look -> invocation(name + " [seeds=" + rounds.seedsAt(look) + "]",
                            new ClaimInvocation(atPoint.withSeeds(rounds.seedsAt(look)), rounds, look)));
        });
    }

    private static TestTemplateInvocationContext invocation(String name, ClaimInvocation extension) {
        return new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int index) {
                return name;
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of(extension);
            }
        };
    }
}
