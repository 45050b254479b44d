package org.kdclaims.plan;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import org.kdclaims.config.Settings;

/**
 * Makes the executor that {@code kd.executor} names, where it lives in another module: the
 * framework must not depend on a cluster engine (Spark), so an engine's module registers a factory
 * in {@code META-INF/services/org.kdclaims.plan.ExecutorFactory} and {@link #forSettings} finds it
 * on the class path. {@code local} is built in.
 */
public interface ExecutorFactory {
    /** The {@code kd.executor} value this factory serves, e.g. {@code spark}. */
    String name();

    /** The executor for these settings (it may start a cluster connection, shared by later suites of this JVM). */
    Executor create(Settings settings);

    /** The executor {@code settings} ask for: the local one, or the factory on the class path with that name. */
    static Executor forSettings(Settings settings) {
        String name = settings.executor();
        if (name.equals("local")) {
            return new LocalExecutor(settings.workers(), settings.threads());
        }
        List<ExecutorFactory> found = ServiceLoader.load(ExecutorFactory.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        return found.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalStateException("-D" + Settings.EXECUTOR + "=" + name + " needs the executor's module on"
                        + " the test class path (for spark: the test dependency org.kdclaims:kd-claims-spark); found "
                        + (found.isEmpty() ? "none" : found.stream().map(ExecutorFactory::name)
                                .collect(Collectors.joining(", ")))
                        + ". Or use -D" + Settings.EXECUTOR + "=local"))
                .create(settings);
    }
}
