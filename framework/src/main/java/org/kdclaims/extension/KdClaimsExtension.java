package org.kdclaims.extension;

import java.lang.reflect.Method;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.kdclaims.annotations.Claim;

/**
 * The one extension behind {@link Claim}: validates every claim of a class before anything trains,
 * and runs each claim once, or once per point of its sweep, as a {@link ClaimInvocation} named by
 * its point. Models are shared through the run's {@link ExperimentRuntime}.
 */
public class KdClaimsExtension implements BeforeAllCallback, TestTemplateInvocationContextProvider {

    @Override
    public void beforeAll(ExtensionContext context) {
        // fail fast: one misconfigured claim must not be found after an hour of training others
        for (Method m : AnnotationSupport.findAnnotatedMethods(context.getRequiredTestClass(), Claim.class,
                HierarchyTraversalMode.TOP_DOWN)) {
            ClaimPlan.of(m);
        }
    }

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, Claim.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        ClaimPlan plan = ClaimPlan.of(method);
        return plan.points().stream().map(point -> new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int index) {
                return point.dimension() == null ? method.getName() : method.getName() + " " + point.label();
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of(new ClaimInvocation(plan.at(point)));
            }
        });
    }
}
