package org.kdclaims.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Minimal "--name value" / "--flag" parsing for the command-line entry points. A flag may also be
 * written {@code --flag=true} or {@code --flag=false} (the latter as if absent).
 */
final class Args {
    private final Map<String, List<String>> values = new HashMap<>();

    private Args() {
    }

    /**
     * @param withValue options that take a value (may repeat)
     * @param flags     options without a value
     * @throws IllegalArgumentException on an unknown option or a missing value
     */
    static Args parse(String[] args, Set<String> withValue, Set<String> flags) {
        Args a = new Args();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            int eq = name.indexOf('=');
            if (eq > 0 && flags.contains(name.substring(0, eq))) {
                // "--flag=true|false", so that a build tool can pass a property through unchanged
                String value = name.substring(eq + 1).trim();
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException(name.substring(0, eq) + " wants true or false, got " + value);
                }
                if (value.equalsIgnoreCase("true")) {
                    a.values.computeIfAbsent(name.substring(0, eq), k -> new ArrayList<>()).add("true");
                }
            } else if (flags.contains(name)) {
                a.values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
            } else if (withValue.contains(name)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                a.values.computeIfAbsent(name, k -> new ArrayList<>()).add(args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument: " + name);
            }
        }
        return a;
    }

    String get(String name) {
        List<String> v = values.get(name);
        return v == null ? null : v.get(v.size() - 1);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    boolean has(String name) {
        return values.containsKey(name);
    }
}
