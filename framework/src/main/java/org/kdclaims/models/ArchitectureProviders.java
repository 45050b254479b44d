package org.kdclaims.models;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.kdclaims.spi.ArchitectureProvider;

/**
 * The architecture families registered through {@link ServiceLoader}, found once per class loader
 * (the test class path does not change during a run). A family name that is invalid, built in or
 * registered twice is an error naming both providers, so that a name always means one network.
 */
final class ArchitectureProviders {
    static final Set<String> BUILT_IN = Set.of("wrn", "resnet", "densenet", "cnn");
    private static final Pattern FAMILY = Pattern.compile("[a-z][a-z0-9.]*");
    private static volatile Map<String, ArchitectureProvider> registered;

    private ArchitectureProviders() {
    }

    /** The families by name, sorted. */
    static Map<String, ArchitectureProvider> families() {
        Map<String, ArchitectureProvider> r = registered;
        if (r == null) {
            r = load();
            registered = r;
        }
        return r;
    }

    private static synchronized Map<String, ArchitectureProvider> load() {
        Map<String, ArchitectureProvider> byFamily = new TreeMap<>();
        try {
            for (ArchitectureProvider p : ServiceLoader.load(ArchitectureProvider.class,
                    ArchitectureProviders.class.getClassLoader())) {
                String f = p.family();
                if (f == null || !FAMILY.matcher(f).matches() || BUILT_IN.contains(f)) {
                    throw new IllegalStateException("architecture provider " + p.getClass().getName() + " names the"
                            + " family '" + f + "': a family is lower case letters, digits and dots, starting with a"
                            + " letter, and not a built-in one " + new java.util.TreeSet<>(BUILT_IN) + "; rename it");
                }
                ArchitectureProvider before = byFamily.putIfAbsent(f, p);
                if (before != null) {
                    throw new IllegalStateException("architecture family '" + f + "' is registered twice, by "
                            + before.getClass().getName() + " and " + p.getClass().getName()
                            + "; rename one family or remove one provider from META-INF/services");
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("an architecture provider listed in META-INF/services/"
                    + ArchitectureProvider.class.getName() + " cannot be loaded: " + e.getMessage()
                    + "; it must be a public class with a public no-argument constructor", e);
        }
        // not Map.copyOf: its iteration order changes from one JVM to the next, and errors list the families sorted
        return Collections.unmodifiableMap(byFamily);
    }

    /** The provider of {@code name} ({@code family} or {@code family-<variant>}); the longest family wins. */
    static Optional<Architecture> find(String name) {
        String s = name.trim().toLowerCase(Locale.ROOT);
        return families().entrySet().stream()
                .filter(e -> s.equals(e.getKey()) || s.startsWith(e.getKey() + "-"))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(e -> new ProvidedArchitecture(s, e.getValue()));
    }

    static Architecture architecture(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("provider scaled to '" + name
                + "', which no registered family builds; registered: " + describe()));
    }

    /** e.g. "tiny (com.example.TinyNets)", or a line saying how to register one. */
    static String describe() {
        List<String> all = families().entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue().getClass().getName() + ")").toList();
        return all.isEmpty() ? "none (register one: list an org.kdclaims.spi.ArchitectureProvider in"
                + " META-INF/services/org.kdclaims.spi.ArchitectureProvider)" : String.join(", ", all);
    }
}
