package org.kdclaims.extension;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.engine.support.store.NamespacedHierarchicalStore;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.kdclaims.annotations.Claim;
import org.kdclaims.config.Settings;
import org.kdclaims.io.Console;

/**
 * Sees the whole selection when the launcher starts: every selected claim (class, sweep point and
 * arm, at the active scale) becomes one plan, trained before the first claim runs. Registered on
 * each launcher session by {@link ClaimSessionListener}, whose store holds the session's runtime
 * from the start of the test plan to its end; does nothing when no claim is selected. A claim that
 * cannot be planned (a configuration error) is left to the extension, which fails it with the reason.
 */
final class SuitePlanListener implements TestExecutionListener {
    private final NamespacedHierarchicalStore<Namespace> session;

    SuitePlanListener(NamespacedHierarchicalStore<Namespace> session) {
        this.session = session;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        Set<Method> methods = new LinkedHashSet<>();
        for (TestIdentifier root : testPlan.getRoots()) {
            collect(testPlan, root, methods);
        }
        if (methods.isEmpty()) {
            return;
        }
        Settings settings = Settings.fromParametersOrSystem(testPlan.getConfigurationParameters()::get);
        ExperimentRuntime runtime = ExperimentRuntime.startSession(session, settings);
        List<ClaimPlan> invocations = new ArrayList<>();
        for (Method m : methods) {
            if (ProtocolFilter.skipReason(m.getDeclaringClass(), settings.scale()).isPresent()) {
                continue;   // another protocol's claim: skipped by the extension's condition, never planned
            }
            try {
                ClaimPlan plan = ClaimPlan.of(m);
                plan.points().forEach(p -> invocations.add(plan.at(p)));
            } catch (RuntimeException e) {
                Console.line("[kd] not planned: " + m.getDeclaringClass().getSimpleName() + "." + m.getName()
                        + ": " + e.getMessage());
            }
        }
        SuitePreparation.prepare(runtime, invocations);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        ExperimentRuntime.endSession(session);
    }

    private static void collect(TestPlan plan, TestIdentifier id, Set<Method> methods) {
        id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast).ifPresent(src -> {
            try {
                Method m = src.getJavaMethod();
                if (AnnotationSupport.isAnnotated(m, Claim.class)) {
                    methods.add(m);
                }
            } catch (RuntimeException e) {
                // not a method we can load: not a claim
            }
        });
        for (TestIdentifier child : plan.getChildren(id)) {
            collect(plan, child, methods);
        }
    }
}
