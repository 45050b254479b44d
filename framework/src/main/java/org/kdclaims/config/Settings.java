package org.kdclaims.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the suite runs on this machine, read once per test session from JUnit configuration
 * parameters ({@code junit-platform.properties}, the launcher's or EngineTestKit's parameters),
 * which fall back to {@code -Dkd.*} system properties:
 * <ul>
 *   <li>{@code kd.workers}: training runs at once (default: the number of cores, at most 8);</li>
 *   <li>{@code kd.threads}: compute threads per run (default 1). Part of every model key: the same
 *       key gives bitwise the same numbers, another thread count gives other (equally valid)
 *       numbers and trains new models;</li>
 *   <li>{@code kd.plan}: {@code run} (default) or {@code only}: print and write the plan, train
 *       nothing, run no claim;</li>
 *   <li>{@code kd.progressSeconds}: how often the suite's progress line is printed (default 60);</li>
 *   <li>{@code kd.seedBase}: replaces every claim's seed base, teachers included, for a replication
 *       with fresh seeds (null: each claim's own {@code @Seeds(base)}). The seeds are part of every
 *       model key, so fresh seeds train fresh models.</li>
 * </ul>
 */
public record Settings(int workers, int threads, boolean planOnly, Duration progressEvery, Long seedBase) {
    public static final String WORKERS = "kd.workers";
    public static final String THREADS = "kd.threads";
    public static final String PLAN = "kd.plan";
    public static final String PROGRESS_SECONDS = "kd.progressSeconds";
    public static final String SEED_BASE = "kd.seedBase";
    static final int MAX_DEFAULT_WORKERS = 8;

    public Settings {
        if (workers < 1 || threads < 1) {
            throw new IllegalArgumentException("-D" + WORKERS + " and -D" + THREADS + " must be >= 1, got "
                    + workers + " and " + threads);
        }
    }

    /** The settings from a configuration lookup (JUnit's, which falls back to system properties). */
    public static Settings from(Function<String, Optional<String>> config) {
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = integer(config, THREADS, 1);
        int workers = integer(config, WORKERS, Math.max(1, Math.min(MAX_DEFAULT_WORKERS, cores / threads)));
        String plan = config.apply(PLAN).map(String::trim).filter(s -> !s.isEmpty()).orElse("run")
                .toLowerCase(Locale.ROOT);
        if (!plan.equals("run") && !plan.equals("only")) {
            throw new IllegalArgumentException("-D" + PLAN + "=" + plan + ": use only (print the plan, train nothing)"
                    + " or run");
        }
        int progress = integer(config, PROGRESS_SECONDS, 60);
        Optional<String> seedBase = config.apply(SEED_BASE).map(String::trim).filter(s -> !s.isEmpty());
        Long base;
        try {
            base = seedBase.map(Long::parseLong).orElse(null);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + SEED_BASE + "=" + seedBase.get() + " is not a whole number");
        }
        return new Settings(workers, threads, plan.equals("only"), Duration.ofSeconds(Math.max(1, progress)), base);
    }

    public static Settings fromSystemProperties() {
        return from(k -> Optional.ofNullable(System.getProperty(k)));
    }

    private static int integer(Function<String, Optional<String>> config, String key, int fallback) {
        Optional<String> v = config.apply(key).map(String::trim).filter(s -> !s.isEmpty());
        try {
            return v.map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + key + "=" + v.get() + " is not a whole number");
        }
    }
}
