package org.kdclaims.results;

import org.kdclaims.results.model.ClaimOrder;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.RunInfo;
import org.kdclaims.results.model.RunResults;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One run done in parts, merged into one {@link RunResults}.
 *
 * <p>A suite longer than a working session is run as several sessions, each over a set of claim
 * classes with its own results directory (a "part"). Each claim is planned, trained and judged
 * inside one part, so the parts' claims can be put side by side as one run, as long as the parts
 * are parts of the same run: the same scale, data set and seed base. Parts that disagree on any of
 * these are refused, since a report that mixed them would show one run that never happened. A
 * claim that two parts both judged is refused too (drop it from one part), rather than picking one.
 *
 * <p>What may differ between parts (host, instruction set, native build, threads, component
 * versions) is kept: the merged run lists every distinct value, and a difference in instruction
 * set or threads is added to the problems the report shows, because numbers from different CPU
 * kinds are not bit-identical.
 */
public final class RunParts {
    /** ISO-8601 instants compared as instants; anything unparsable sorts as text after them. */
    private static final Comparator<String> BY_INSTANT = Comparator.comparing(
            (String s) -> parse(s), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Comparator.naturalOrder());

    /** A part: a name the messages use (normally its directory) and its results. */
    public record Part(String name, RunResults results) {
        public Part {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(results, "results");
        }
    }

    private RunParts() {
    }

    /**
     * Merges the parts; one part is returned unchanged.
     *
     * @throws IllegalArgumentException when there is no part, a part has no run information, the
     *                                  parts disagree on scale, data set or seed base, or a claim
     *                                  invocation is in two parts; the message names the parts
     */
    public static RunResults merge(List<Part> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no results to merge: give at least one results directory");
        }
        if (parts.size() == 1) {
            return parts.get(0).results();
        }
        for (Part p : parts) {
            if (p.results().run() == null) {
                throw new IllegalArgumentException(p.name() + " has no readable run.json, so nothing says which run"
                        + " it is part of; report it on its own");
            }
        }
        requireSame(parts, "scale", RunInfo::scale);
        requireSame(parts, "data set", RunInfo::dataset);
        requireSame(parts, "seed base", r -> r.seedBase() == null ? "the claims' own" : String.valueOf(r.seedBase()));

        List<ClaimResult> claims = new ArrayList<>();
        Map<String, String> partOfClaim = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Part p : parts) {
            for (ClaimResult c : p.results().claims()) {
                String key = c.id() + " \"" + c.displayName() + "\"";
                String earlier = partOfClaim.putIfAbsent(key, p.name());
                if (earlier != null) {
                    throw new IllegalArgumentException("claim " + key + " is in " + earlier + " and in " + p.name()
                            + ": each claim must be judged in one part only; leave it out of one of them");
                }
                claims.add(c);
            }
            for (String problem : p.results().problems()) {
                problems.add(p.name() + ": " + problem);
            }
        }
        claims.sort(ClaimOrder.CLAIMS);

        List<RunInfo> runs = parts.stream().map(p -> p.results().run()).toList();
        noteDifference(parts, "instruction set", r -> String.valueOf(r.cpuIsa()),
                "their numbers are not bit-identical across CPU kinds", problems);
        noteDifference(parts, "threads", r -> String.valueOf(r.threads()), "per-model times are not comparable", problems);
        RunInfo first = runs.get(0);
        RunInfo merged = new RunInfo(
                join(runs, RunInfo::runId, " + "),
                runs.stream().map(RunInfo::startedAt).filter(Objects::nonNull).min(BY_INSTANT).orElse(null),
                runs.stream().anyMatch(r -> r.finishedAt() == null) ? null
                        : runs.stream().map(RunInfo::finishedAt).max(BY_INSTANT).orElse(null),
                first.scale(), first.dataset(),
                join(runs, RunInfo::nativeBuild, ", "),
                runs.stream().mapToInt(RunInfo::threads).max().orElse(first.threads()),
                versions(runs),
                join(runs, RunInfo::host, ", "),
                first.seedBase(),
                join(runs, RunInfo::cpuIsa, ", "));
        return new RunResults(RunResults.SCHEMA, merged, claims, problems);
    }

    private static Instant parse(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void requireSame(List<Part> parts, String what, Function<RunInfo, String> field) {
        Map<String, List<String>> byValue = byValue(parts, field);
        if (byValue.size() > 1) {
            throw new IllegalArgumentException("the parts are not parts of one run: they differ in " + what + " ("
                    + describe(byValue) + "); merge only parts run with the same scale, data set and seed base");
        }
    }

    private static void noteDifference(List<Part> parts, String what, Function<RunInfo, String> field,
                                       String consequence, List<String> problems) {
        Map<String, List<String>> byValue = byValue(parts, field);
        if (byValue.size() > 1) {
            problems.add("the parts differ in " + what + " (" + describe(byValue) + "): " + consequence);
        }
    }

    private static Map<String, List<String>> byValue(List<Part> parts, Function<RunInfo, String> field) {
        Map<String, List<String>> byValue = new LinkedHashMap<>();
        for (Part p : parts) {
            byValue.computeIfAbsent(String.valueOf(field.apply(p.results().run())), k -> new ArrayList<>()).add(p.name());
        }
        return byValue;
    }

    private static String describe(Map<String, List<String>> byValue) {
        List<String> out = new ArrayList<>();
        byValue.forEach((value, names) -> out.add(value + " in " + String.join(", ", names)));
        return String.join("; ", out);
    }

    private static String join(List<RunInfo> runs, Function<RunInfo, String> field, String separator) {
        Set<String> distinct = new LinkedHashSet<>();
        for (RunInfo r : runs) {
            String v = field.apply(r);
            if (v != null) {
                distinct.add(v);
            }
        }
        return distinct.isEmpty() ? null : String.join(separator, distinct);
    }

    /** Every component version; a component whose version differs between parts lists them all. */
    private static Map<String, String> versions(List<RunInfo> runs) {
        Map<String, Set<String>> all = new LinkedHashMap<>();
        for (RunInfo r : runs) {
            r.versions().forEach((k, v) -> all.computeIfAbsent(k, x -> new TreeSet<>()).add(v));
        }
        Map<String, String> out = new LinkedHashMap<>();
        all.forEach((k, v) -> out.put(k, String.join(", ", v)));
        return out;
    }
}
