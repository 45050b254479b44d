package org.kdclaims.extension;

import java.lang.reflect.Method;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.kdclaims.annotations.Claim;
import org.kdclaims.api.Arm;
import org.kdclaims.extension.ClaimPlan.ArmPlan;

/**
 * The one extension behind {@link Claim}: validates every claim of a class before anything trains,
 * trains the {@link Arm} parameters of a claim (sharing models through the run's
 * {@link ExperimentRuntime}), and records each claim's result after it ran.
 */
public class KdClaimsExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver,
        AfterTestExecutionCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KdClaimsExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        // fail fast: one misconfigured claim must not be found after an hour of training others
        for (Method m : AnnotationSupport.findAnnotatedMethods(context.getRequiredTestClass(), Claim.class,
                org.junit.platform.commons.support.HierarchyTraversalMode.TOP_DOWN)) {
            ClaimPlan.of(m);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ClaimPlan plan = ClaimPlan.of(context.getRequiredTestMethod());
        ExperimentRuntime runtime = ExperimentRuntime.of(context);
        AllureClaim.labels(plan);
        context.getStore(NAMESPACE).put(ClaimRecorder.class, new ClaimRecorder(plan, runtime));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Arm.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ClaimRecorder recorder = recorder(context);
        ArmPlan arm = recorder.plan().arms().stream()
                .filter(a -> a.name().equals(parameter.getParameter().getName())).findFirst()
                .orElseThrow(() -> new ParameterResolutionException("no arm plan for " + parameter.getParameter()));
        return new ArmTrainer(recorder.plan(), ExperimentRuntime.of(context), recorder).train(arm);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        ClaimRecorder recorder = recorder(context);
        if (recorder != null) {
            recorder.finish(context, context.getExecutionException().orElse(null));
        }
    }

    private static ClaimRecorder recorder(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(ClaimRecorder.class, ClaimRecorder.class);
    }
}
