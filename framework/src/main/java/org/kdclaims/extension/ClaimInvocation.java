package org.kdclaims.extension;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.kdclaims.api.Arm;
import org.kdclaims.extension.ClaimPlan.ArmPlan;

/**
 * One invocation of a claim (one sweep point): builds its {@link Arm} parameters from the models the
 * suite's plan trained (nothing trains here), and records the
 * claim's result after the test ran, whatever its outcome.
 */
final class ClaimInvocation implements BeforeEachCallback, ParameterResolver, AfterTestExecutionCallback {
    private final ClaimPlan plan;
    private ClaimRecorder recorder;

    ClaimInvocation(ClaimPlan plan) {
        this.plan = plan;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ExperimentRuntime runtime = ExperimentRuntime.of(context);
        AllureClaim.labels(plan);
        recorder = new ClaimRecorder(plan, runtime);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Arm.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ArmPlan arm = plan.arms().stream().filter(a -> a.name().equals(parameter.getParameter().getName())).findFirst()
                .orElseThrow(() -> new ParameterResolutionException("no arm plan for " + parameter.getParameter()));
        return new ArmModels(plan, ExperimentRuntime.of(context)).assemble(arm, recorder);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (recorder != null) {
            recorder.finish(context, context.getExecutionException().orElse(null));
        }
    }
}
