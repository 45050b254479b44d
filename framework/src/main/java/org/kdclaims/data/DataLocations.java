package org.kdclaims.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the real data sets are, worked out from the session's settings (read once, by
 * {@code config.Settings}; this class reads no global state). CIFAR-10 is looked up, in this order:
 * <ol>
 *   <li>the setting {@value #CIFAR_PROPERTY} (e.g. {@code mvn test -Dkd.cifar=/data/cifar-10});</li>
 *   <li>the environment variable {@value #CIFAR_ENV};</li>
 *   <li>{@value #SHARED_CIFAR} in the repository root (setting {@value #REPO_ROOT_PROPERTY},
 *       set by Surefire) or one of its parents, e.g. {@code ../shared/datasets/cifar-10};</li>
 *   <li>the same, walking up from the working directory.</li>
 * </ol>
 * An explicit setting is returned even if nothing is there, so that a typo fails loudly instead of
 * silently skipping the tests that need the data. Relative settings are resolved against the
 * repository root when known (Maven runs tests in the module folder).
 */
public final class DataLocations {
    public static final String CIFAR_PROPERTY = "kd.cifar";
    public static final String CIFAR_ENV = "KD_CIFAR";
    public static final String REPO_ROOT_PROPERTY = "kd.repo.root";
    static final String SHARED_CIFAR = "shared/datasets/cifar-10";

    private DataLocations() {
    }

    /**
     * The CIFAR-10 location, or empty when none is configured and none is found. {@code properties}
     * gives the settings ({@value #CIFAR_PROPERTY}, {@value #REPO_ROOT_PROPERTY}, {@code user.home};
     * null when unset), {@code environment} the environment variables.
     */
    public static Optional<Path> cifar10(UnaryOperator<String> properties, UnaryOperator<String> environment,
            Path workingDir) {
        Path repoRoot = repoRoot(properties);
        Optional<Path> configured = configured(CIFAR_PROPERTY, CIFAR_ENV, properties, environment, workingDir);
        if (configured.isPresent()) {
            return configured;
        }
        List<Path> starts = new ArrayList<>();
        if (repoRoot != null) {
            starts.add(repoRoot);
        }
        starts.add(workingDir);
        for (Path start : starts) {
            for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve(SHARED_CIFAR);
                if (Files.isDirectory(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static Path resolve(Path base, String value, UnaryOperator<String> properties) {
        String v = value.strip();
        String home = properties.apply("user.home");
        if (home != null && (v.equals("~") || v.startsWith("~/"))) {
            v = home + v.substring(1);
        }
        return base.resolve(v).toAbsolutePath().normalize();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public static final String FASHION_PROPERTY = "kd.fashionMnist";
    public static final String FASHION_ENV = "KD_FASHION_MNIST";

    /**
     * The Fashion-MNIST folder: the setting {@value #FASHION_PROPERTY}, else {@value #FASHION_ENV},
     * else Debian's {@link FashionMnistIdx#DEFAULT_DIRECTORY} when it exists; empty otherwise.
     * The lookups are those of {@link #cifar10(UnaryOperator, UnaryOperator, Path)}.
     */
    public static Optional<Path> fashionMnist(UnaryOperator<String> properties, UnaryOperator<String> environment,
            Path workingDir) {
        Optional<Path> configured = configured(FASHION_PROPERTY, FASHION_ENV, properties, environment, workingDir);
        if (configured.isPresent() || !Files.isDirectory(FashionMnistIdx.DEFAULT_DIRECTORY)) {
            return configured;
        }
        return Optional.of(FashionMnistIdx.DEFAULT_DIRECTORY);
    }

    private static Path repoRoot(UnaryOperator<String> properties) {
        String root = blankToNull(properties.apply(REPO_ROOT_PROPERTY));
        return root == null ? null : Path.of(root.strip());
    }

    /**
     * The location set by the setting, else by the environment variable, resolved against
     * the repository root when known, else the working directory; empty when neither is set.
     */
    private static Optional<Path> configured(String property, String env, UnaryOperator<String> properties,
            UnaryOperator<String> environment, Path workingDir) {
        Path root = repoRoot(properties);
        Path base = root != null ? root : workingDir;
        for (String setting : new String[] {properties.apply(property), environment.apply(env)}) {
            String value = blankToNull(setting);
            if (value != null) {
                return Optional.of(resolve(base, value, properties));
            }
        }
        return Optional.empty();
    }

    /**
     * The environment variable that a user's data setting falls back to: upper case, every
     * character other than a letter or digit an underscore ({@code kd.shapes} -> {@code KD_SHAPES}).
     */
    public static String environmentVariable(String setting) {
        return setting.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /**
     * Where the data sets named by a claim's own setting are: the setting, then its
     * {@link #environmentVariable environment variable}, resolved as {@value #CIFAR_PROPERTY} is.
     * The setting is named by the claim ({@code @ImageFolder("kd.shapes")}), so it cannot be read
     * with the session's fixed settings; this keeps the session's lookups to read it later.
     */
    public record Finder(UnaryOperator<String> properties, UnaryOperator<String> environment, Path workingDir) {
        /** No settings, no environment: nothing is found. */
        public static Finder none() {
            return new Finder(k -> null, k -> null, Path.of("").toAbsolutePath());
        }

        public Optional<Path> find(String setting) {
            return configured(setting, environmentVariable(setting), properties, environment, workingDir);
        }
    }

    /** How to point a claim at its image-folder data set, for skip and error messages. */
    public static String howToProvideImageFolder(String setting) {
        return "Point the claim at its data set with -D" + setting + "=/path (a JUnit configuration parameter"
                + " such as " + setting + "=/path in src/test/resources/junit-platform.properties works too) or"
                + " the environment variable " + environmentVariable(setting) + "=/path. The path is a folder"
                + " holding train/<class>/*.png|*.jpg and test/<class>/*.png|*.jpg (any number of classes, one"
                + " image size), a .tar.gz or .zip of that tree, or a folder holding exactly one such archive.";
    }

    /** How to point the project at Fashion-MNIST, for skip messages. */
    public static String howToProvideFashionMnist() {
        return "Install Debian's dataset-fashion-mnist (apt-get install dataset-fashion-mnist, which fills "
                + FashionMnistIdx.DEFAULT_DIRECTORY + "), or point the project at a folder holding the four IDX files"
                + " (gzipped or not) with -D" + FASHION_PROPERTY + "=/path or " + FASHION_ENV + "=/path.";
    }

    /** How to point the project at CIFAR-10, for error and skip messages. */
    public static String howToProvideCifar10() {
        return "Point the project at CIFAR-10 with the system property " + CIFAR_PROPERTY
                + " (mvn test -D" + CIFAR_PROPERTY + "=/path) or the environment variable " + CIFAR_ENV
                + "=/path. The path may be the official binary release (the cifar-10-batches-bin folder"
                + " or the folder holding it), an image tree train/<class>/*.png|*.jpg + test/<class>/...,"
                + " a .tar.gz of that tree, or a folder holding exactly one such archive. Without a setting,"
                + " " + SHARED_CIFAR + " is looked for in the repository root and its parents"
                + " (e.g. ../" + SHARED_CIFAR + ").";
    }
}
