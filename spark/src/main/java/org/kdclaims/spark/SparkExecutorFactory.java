package org.kdclaims.spark;

import org.kdclaims.config.Settings;
import org.kdclaims.plan.Executor;
import org.kdclaims.plan.ExecutorFactory;

/** {@code -Dkd.executor=spark}: found by the framework through {@code META-INF/services}. */
public final class SparkExecutorFactory implements ExecutorFactory {
    @Override
    public String name() {
        return "spark";
    }

    /** Connects on the first run, not here: {@code -Dkd.plan=only} prints the plan without a cluster. */
    @Override
    public Executor create(Settings settings) {
        return new SparkExecutor(settings, () -> SparkContexts.shared(settings), SparkExecutor::printResumed);
    }
}
