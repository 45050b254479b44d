package org.kdclaims.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.kdclaims.data.DataCache;
import org.kdclaims.data.DataLocations;
import org.kdclaims.data.DataProvider;
import org.kdclaims.data.DataSetId;

/**
 * How the suite runs on this machine, read once per test session from JUnit configuration
 * parameters ({@code junit-platform.properties}, the launcher's or EngineTestKit's parameters),
 * which fall back to {@code -Dkd.*} system properties (and, for the data locations, to environment
 * variables). The layers below the extension get these values passed down and read no global state:
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
 *       model key, so fresh seeds train fresh models;</li>
 *   <li>{@code kd.data}: {@code real} (set by {@code -Dgroups=...}) or {@code synthetic} (default);</li>
 *   <li>{@code kd.scale} and its overrides ({@link ScaleProfile}): the scale profile;</li>
 *   <li>{@code kd.models.dir}: the model store (default {@code ~/.cache/kd-claims/models}; a path or
 *       a {@code file:} URI) and {@code kd.cache}: {@code off}, {@code read} or {@code readwrite}
 *       (default);</li>
 *   <li>{@code kd.teacherLogitCacheMb}: memory for shared teacher logits (default 256, 0 = off);</li>
 *   <li>{@code kd.orbitMb}: memory for teacher orbit tables, each teacher checkpoint's outputs on
 *       every augmented view of the training set, computed once and stored beside the models
 *       (default 2048; 0 = off: every student runs its teacher on the fly). A table larger than this
 *       is not built; its students run the teacher on the fly, with a message. The numbers are the
 *       same either way;</li>
 *   <li>{@code kd.cost.dir}: where the cost model keeps its calibrated speeds (default
 *       {@code ~/.cache/kd-claims/cost});</li>
 *   <li>{@code kd.cifar} (else the environment variable {@code KD_CIFAR}, else
 *       {@code shared/datasets/cifar-10} beside the checkout) and {@code kd.fashionMnist} (else
 *       {@code KD_FASHION_MNIST}, else Debian's folder): where the real data sets are, resolved
 *       once ({@link DataLocations}); empty when none is set or found;</li>
 *   <li>{@code kd.data.cache}: the decoded-data cache (default {@code ~/.cache/kd-claims/data};
 *       {@code off}: empty, no cache);</li>
 *   <li>{@code kd.executor}: where the plan's runs train: {@code local} (default: this JVM's
 *       worker threads) or {@code spark} (one Spark task per run; needs the kd-claims-spark module
 *       on the class path, found through {@link org.kdclaims.plan.ExecutorFactory});</li>
 *   <li>{@code kd.spark.master}: the Spark master for {@code kd.executor=spark} (default
 *       {@code local[W x T]}: the local executor's W workers of T threads), e.g.
 *       {@code spark://host:7077};</li>
 *   <li>the setting a claim names with {@code @ImageFolder("kd.shapes")} (else its environment
 *       variable, {@code KD_SHAPES}): read through the same lookups when the claim asks
 *       ({@link #location}), since no fixed list can hold the names users choose.</li>
 * </ul>
 * The results folder ({@code kd.results.dir}, read by the reports module too) stays a system
 * property: the README's settings table lists every key, and a test keeps it complete.
 *
 * @param values every setting that was given, by key ({@link #KEYS}, {@link ScaleProfile#KEYS} and
 *     the repository root): what {@link #valuesForAnotherJvm} hands to another JVM
 */
public record Settings(int workers, int threads, boolean planOnly, Duration progressEvery, Long seedBase,
        boolean realData, ScaleProfile scale, String modelsDir, String cachePolicy, double teacherLogitCacheMb,
        double orbitMb, Path costDir, Optional<Path> cifar, Optional<Path> fashionMnist, Optional<Path> dataCache,
        DataLocations.Finder dataLocations, String executor, String sparkMaster, Map<String, String> values) {
    public static final String WORKERS = "kd.workers";
    public static final String THREADS = "kd.threads";
    public static final String PLAN = "kd.plan";
    public static final String PROGRESS_SECONDS = "kd.progressSeconds";
    public static final String SEED_BASE = "kd.seedBase";
    public static final String DATA = "kd.data";
    public static final String MODELS_DIR = "kd.models.dir";
    public static final String CACHE = "kd.cache";
    public static final String TEACHER_LOGIT_CACHE_MB = "kd.teacherLogitCacheMb";
    public static final String ORBIT_MB = "kd.orbitMb";
    public static final String COST_DIR = "kd.cost.dir";
    public static final String CIFAR = DataLocations.CIFAR_PROPERTY;
    public static final String FASHION_MNIST = DataLocations.FASHION_PROPERTY;
    public static final String DATA_CACHE = DataCache.DIRECTORY_PROPERTY;
    public static final String EXECUTOR = "kd.executor";
    public static final String SPARK_MASTER = "kd.spark.master";
    /** Every key this record reads (the scale profile's are in {@link ScaleProfile#KEYS}). */
    public static final List<String> KEYS = List.of(WORKERS, THREADS, PLAN, PROGRESS_SECONDS,
            SEED_BASE, DATA, MODELS_DIR, CACHE, TEACHER_LOGIT_CACHE_MB, ORBIT_MB, COST_DIR, CIFAR, FASHION_MNIST,
            DATA_CACHE, EXECUTOR, SPARK_MASTER);
    static final int MAX_DEFAULT_WORKERS = 8;

    public Settings {
        if (workers < 1 || threads < 1) {
            throw new IllegalArgumentException("-D" + WORKERS + " and -D" + THREADS + " must be >= 1, got "
                    + workers + " and " + threads);
        }
        Objects.requireNonNull(cifar, "cifar");
        Objects.requireNonNull(fashionMnist, "fashionMnist");
        Objects.requireNonNull(dataCache, "dataCache");
        Objects.requireNonNull(dataLocations, "dataLocations");
        if (!executor.equals("local") && !executor.equals("spark")) {
            throw new IllegalArgumentException("-D" + EXECUTOR + "=" + executor + ": use local (this machine's cores)"
                    + " or spark (a Spark cluster, with -D" + SPARK_MASTER + "=spark://host:7077)");
        }
        values = Map.copyOf(values);
    }

    /**
     * What another JVM reads the same settings from with {@link #from}, e.g. a cluster's executor
     * that trains a run: the values set here, with the data locations resolved here (the workers
     * must see them at the same paths; their environment must not move them).
     */
    public Map<String, String> valuesForAnotherJvm() {
        Map<String, String> v = new TreeMap<>(values);
        cifar.ifPresent(p -> v.put(CIFAR, p.toAbsolutePath().toString()));
        fashionMnist.ifPresent(p -> v.put(FASHION_MNIST, p.toAbsolutePath().toString()));
        return v;
    }

    /** Where {@code id} is: the located CIFAR-10 or Fashion-MNIST, or the location its claim's setting names. */
    public Optional<Path> location(DataSetId id) {
        return switch (id.kind()) {
            case CIFAR10 -> cifar;
            case FASHION_MNIST -> fashionMnist;
            case IMAGE_FOLDER -> dataLocations.find(id.setting());
        };
    }

    /** The data sets as these settings say: real or generated, where, and through which cache. */
    public DataProvider dataProvider() {
        return new DataProvider(realData, this::location, DataCache.of(dataCache));
    }

    /** The sizes the scale profile trains at. */
    public DataProvider.Scale dataScale() {
        return new DataProvider.Scale(scale.trainPerClass(), scale.testPerClass(), scale.resolution());
    }

    /** The settings from a configuration lookup alone: no environment variables are consulted. */
    public static Settings from(Function<String, Optional<String>> config) {
        return from(config, k -> Optional.empty());
    }

    /**
     * The settings from a configuration lookup, with {@code environment} for the data locations'
     * environment variables ({@value DataLocations#CIFAR_ENV}, {@value DataLocations#FASHION_ENV}).
     * The lookup also gives {@value DataLocations#REPO_ROOT_PROPERTY} and {@code user.home}, against
     * which relative and {@code ~} data locations are resolved (else the working directory).
     */
    public static Settings from(Function<String, Optional<String>> config,
            Function<String, Optional<String>> environment) {
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
        String data = text(config, DATA, "synthetic").toLowerCase(Locale.ROOT);
        if (!data.equals("real") && !data.equals("synthetic")) {
            throw new IllegalArgumentException("-D" + DATA + "=" + data + ": use real (the data set on disk) or"
                    + " synthetic (the generated stand-in)");
        }
        double cacheMb = megabytes(config, TEACHER_LOGIT_CACHE_MB, "256");
        double orbitMb = megabytes(config, ORBIT_MB, "2048");
        String cost = text(config, COST_DIR, "");
        Path costDir = cost.isEmpty() ? Path.of(System.getProperty("user.home"), ".cache", "kd-claims", "cost")
                : Path.of(cost);
        UnaryOperator<String> properties = k -> config.apply(k).orElse(null);
        UnaryOperator<String> env = k -> environment.apply(k).orElse(null);
        Path workingDir = Path.of("").toAbsolutePath();
        String executor = text(config, EXECUTOR, "local").toLowerCase(Locale.ROOT);
        // local mode: the cores of W workers x T threads, as each task asks for T (spark.task.cpus)
        String sparkMaster = text(config, SPARK_MASTER, "local[" + workers * threads + "]");
        Map<String, String> values = new TreeMap<>();
        for (String k : allKeys()) {
            config.apply(k).map(String::trim).filter(v -> !v.isEmpty()).ifPresent(v -> values.put(k, v));
        }
        return new Settings(workers, threads, plan.equals("only"), Duration.ofSeconds(Math.max(1, progress)), base,
                data.equals("real"), ScaleProfile.from(config), text(config, MODELS_DIR, ""),
                text(config, CACHE, "readwrite"), cacheMb, orbitMb, costDir,
                DataLocations.cifar10(properties, env, workingDir),
                DataLocations.fashionMnist(properties, env, workingDir), dataCache(text(config, DATA_CACHE, "")),
                new DataLocations.Finder(properties, env, workingDir), executor, sparkMaster, values);
    }

    /** The keys whose values {@link #values} keeps: this record's, the scale profile's and the repository root. */
    private static List<String> allKeys() {
        List<String> keys = new ArrayList<>(KEYS);
        keys.addAll(ScaleProfile.KEYS);
        keys.add(DataLocations.REPO_ROOT_PROPERTY);
        return keys;
    }

    /** The data cache folder: the setting, {@code off} for none, else {@code ~/.cache/kd-claims/data}. */
    private static Optional<Path> dataCache(String setting) {
        if (setting.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        return Optional.of((setting.isEmpty() ? Path.of(System.getProperty("user.home"), ".cache", "kd-claims", "data")
                : Path.of(setting)).toAbsolutePath());
    }

    private static String text(Function<String, Optional<String>> config, String key, String fallback) {
        return config.apply(key).map(String::trim).filter(v -> !v.isEmpty()).orElse(fallback);
    }

    /**
     * The settings from JUnit's configuration parameters, then {@code -D} system properties, then
     * (for the data locations) environment variables: JUnit consults system properties itself only
     * where implicit parameters are on (the launcher; not EngineTestKit), and {@code -Dkd.*} must
     * work everywhere.
     */
    public static Settings fromParametersOrSystem(Function<String, Optional<String>> parameters) {
        return layered(parameters, System::getProperty, System::getenv);
    }

    /** {@link #fromParametersOrSystem} with the system properties and environment given (null: unset). */
    static Settings layered(Function<String, Optional<String>> parameters, UnaryOperator<String> systemProperties,
            UnaryOperator<String> environment) {
        return from(k -> parameters.apply(k).or(() -> Optional.ofNullable(systemProperties.apply(k))),
                k -> Optional.ofNullable(environment.apply(k)));
    }

    private static double megabytes(Function<String, Optional<String>> config, String key, String fallback) {
        String v = text(config, key, fallback);
        double mb;
        try {
            mb = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + key + "=" + v + " is not a number of megabytes");
        }
        if (!(mb >= 0) || Double.isInfinite(mb)) {
            throw new IllegalArgumentException("-D" + key + "=" + v + " must be >= 0 megabytes (0 = off)");
        }
        return mb;
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
