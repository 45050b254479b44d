package org.kdclaims.reports.allure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kdclaims.reports.baseline.BaselineComparisonResult;
import org.kdclaims.reports.baseline.Finding;
import org.kdclaims.io.AtomicFiles;
import org.kdclaims.results.Json;
import org.kdclaims.results.model.RunInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Locale;

/**
 * Files that kd-claims adds to an Allure results directory (Allure 2 format) besides what the
 * allure-jupiter adapter writes for the claim tests:
 * <ul>
 *   <li>{@code environment.properties} and {@code executor.json}: how the run was made (scale,
 *       data, native build, threads, versions), shown in the report's Environment and Executors
 *       widgets;</li>
 *   <li>one test result named {@value #COMPARISON_NAME}: the nightly comparison with the
 *       baseline, failed when it found a regression, one step per finding, the findings and the
 *       comparison as attachments. Its history id is fixed, so Allure's history shows it night
 *       after night.</li>
 * </ul>
 */
public final class AllureFiles {
    public static final String COMPARISON_NAME = "nightly baseline comparison";
    public static final String ENVIRONMENT_FILE = "environment.properties";
    public static final String EXECUTOR_FILE = "executor.json";

    private AllureFiles() {
    }

    /** Writes environment.properties and executor.json for the run into {@code allureResults}. */
    public static void writeEnvironment(Path allureResults, RunInfo run) throws IOException {
        if (run == null) {
            return;
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("kd.scale", run.scale());
        env.put("kd.data", run.dataset());
        env.put("native build", run.nativeBuild());
        env.put("threads", String.valueOf(run.threads()));
        if (run.cpuIsa() != null) {
            env.put("CPU ISA", run.cpuIsa());
        }
        if (run.seedBase() != null) {
            env.put("seed base", String.valueOf(run.seedBase()));
        }
        run.versions().forEach((k, v) -> env.put(k, v));
        env.put("host", run.host());
        env.put("run id", run.runId());
        StringBuilder props = new StringBuilder();
        env.forEach((k, v) -> props.append(escapeKey(k)).append('=').append(escapeValue(v)).append('\n'));
        AtomicFiles.write(allureResults.resolve(ENVIRONMENT_FILE), props.toString());

        ObjectNode executor = mapper().createObjectNode();
        executor.put("name", "Maven");
        executor.put("type", "maven");
        String id = run.runId() == null ? "?" : run.runId().substring(0, Math.min(8, run.runId().length()));
        executor.put("buildName", "kd-claims " + run.scale() + " / " + run.dataset() + ", run " + id);
        executor.put("reportName", "kd-claims: the claims at " + run.scale() + " scale");
        AtomicFiles.write(allureResults.resolve(EXECUTOR_FILE), mapper().writeValueAsBytes(executor));
    }

    /**
     * Writes the comparison as one Allure test result.
     *
     * @param baseline       the baseline file, as given on the command line
     * @param accepted       true if the run was also accepted as the new baseline
     * @param comparisonJson the comparison as written to comparison.json, attached as is
     * @return the result file
     */
    public static Path writeComparison(Path allureResults, BaselineComparisonResult cmp, String baseline, RunInfo run,
                                       boolean accepted, byte[] comparisonJson) throws IOException {
        List<Finding> regressions = cmp.regressionFindings();
        String status = regressions.isEmpty() || accepted ? "passed" : "failed";
        String summary = (regressions.isEmpty() ? "No regression"
                : regressions.size() + " regression" + (regressions.size() == 1 ? "" : "s"))
                + " against baseline run " + (cmp.baselineRunId() == null ? "(unknown)" : cmp.baselineRunId())
                + " (" + baseline + "), " + cmp.findings().size() + " findings"
                + (accepted ? "; this run was accepted as the new baseline" : "");

        List<Finding> sorted = cmp.findings().stream()
                .sorted(Comparator.comparing((Finding f) -> !f.regression())).toList();
        StringBuilder text = new StringBuilder(summary).append("\n");
        if (!cmp.describeMode().isEmpty()) {
            text.append(cmp.describeMode()).append('\n');
        }
        text.append('\n');
        sorted.forEach(f -> text.append(f.describe()).append('\n'));
        // the description: the summary and what failed; every finding is a step and in the attachment
        StringBuilder md = new StringBuilder("**").append(markdown(summary)).append("**\n\n");
        if (!cmp.describeMode().isEmpty()) {
            md.append(markdown(cmp.describeMode())).append("\n\n");
        }
        regressions.forEach(f -> md.append("- **REGRESSION** `").append(f.kind()).append("` ")
                .append(markdown(where(f))).append(markdown(f.message())).append('\n'));
        md.append(regressions.isEmpty() ? "" : "\n").append("All ").append(cmp.findings().size())
                .append(" findings are the steps below and the *findings* attachment.\n");

        long now = System.currentTimeMillis();
        ObjectNode result = base(COMPARISON_NAME, status, now);
        result.put("description", md.toString());
        ObjectNode details = result.putObject("statusDetails");
        details.put("message", summary);
        if (!regressions.isEmpty()) {
            StringBuilder trace = new StringBuilder();
            regressions.forEach(f -> trace.append(f.describe()).append('\n'));
            details.put("trace", trace.toString());
        }
        ArrayNode steps = result.putArray("steps");
        for (Finding f : sorted) {
            ObjectNode step = steps.addObject();
            step.put("name", (f.regression() ? "REGRESSION " : "") + f.kind() + " " + where(f) + f.message());
            step.put("status", f.regression() && !accepted ? "failed" : "passed");
            step.put("stage", "finished");
            step.put("start", now);
            step.put("stop", now);
        }
        parameters(result, baseline, cmp, run);
        ArrayNode attachments = result.putArray("attachments");
        attach(allureResults, attachments, "findings", "text/plain", "txt",
                text.toString().getBytes(StandardCharsets.UTF_8));
        if (comparisonJson != null) {
            attach(allureResults, attachments, "comparison.json", "application/json", "json", comparisonJson);
        }
        return write(allureResults, result);
    }

    /** The comparison could not be made (no baseline, unreadable results): a broken result that says why. */
    public static Path writeBroken(Path allureResults, String baseline, String problem) throws IOException {
        ObjectNode result = base(COMPARISON_NAME, "broken", System.currentTimeMillis());
        String message = "The run could not be compared with the baseline " + baseline + ": " + problem;
        result.put("description", markdown(message));
        result.putObject("statusDetails").put("message", message);
        result.putArray("parameters").addObject().put("name", "baseline").put("value", baseline);
        return write(allureResults, result);
    }

    /** No baseline existed and this run became the first one: passed, with a note. */
    public static Path writeFirstBaseline(Path allureResults, String baseline, RunInfo run) throws IOException {
        ObjectNode result = base(COMPARISON_NAME, "passed", System.currentTimeMillis());
        String message = "No baseline existed at " + baseline + "; this run was accepted as the first baseline.";
        result.put("description", markdown(message));
        result.putObject("statusDetails").put("message", message);
        parameters(result, baseline, new BaselineComparisonResult(null, run == null ? null : run.runId(), List.of()), run);
        return write(allureResults, result);
    }

    private static ObjectNode base(String name, String status, long now) {
        ObjectNode result = mapper().createObjectNode();
        result.put("uuid", UUID.randomUUID().toString());
        String id = md5("kd-claims:" + name);
        result.put("historyId", id);
        result.put("testCaseId", id);
        result.put("name", name);
        result.put("fullName", "kd-claims nightly: " + name);
        result.put("status", status);
        result.put("stage", "finished");
        result.put("start", now);
        result.put("stop", now);
        ArrayNode labels = result.putArray("labels");
        label(labels, "epic", "kd-claims nightly reproducibility");
        label(labels, "feature", "baseline comparison");
        label(labels, "suite", "kd-claims nightly");
        label(labels, "severity", "critical");
        label(labels, "framework", "kd-claims");
        label(labels, "language", "java");
        return result;
    }

    private static void parameters(ObjectNode result, String baseline, BaselineComparisonResult cmp, RunInfo run) {
        ArrayNode params = result.putArray("parameters");
        params.addObject().put("name", "baseline").put("value", baseline);
        params.addObject().put("name", "baseline run").put("value", String.valueOf(cmp.baselineRunId()));
        params.addObject().put("name", "current run").put("value", String.valueOf(cmp.currentRunId()));
        if (cmp.mode() != null) {
            params.addObject().put("name", "mode").put("value", cmp.mode().name().toLowerCase(Locale.ROOT));
        }
        if (run != null) {
            params.addObject().put("name", "scale").put("value", String.valueOf(run.scale()));
            params.addObject().put("name", "data").put("value", String.valueOf(run.dataset()));
        }
    }

    private static void attach(Path dir, ArrayNode attachments, String name, String type, String ext, byte[] content)
            throws IOException {
        String source = UUID.randomUUID() + "-attachment." + ext;
        AtomicFiles.write(dir.resolve(source), content);
        attachments.addObject().put("name", name).put("source", source).put("type", type);
    }

    private static Path write(Path dir, ObjectNode result) throws IOException {
        Path file = dir.resolve(result.get("uuid").asText() + "-result.json");
        AtomicFiles.write(file, mapper().writeValueAsBytes(result));
        return file;
    }

    private static void label(ArrayNode labels, String name, String value) {
        labels.addObject().put("name", name).put("value", value);
    }

    private static String where(Finding f) {
        return f.claimId() == null ? "" : f.claimId() + (f.arm() == null ? "" : " / " + f.arm()) + ": ";
    }

    /** Allure renders the description as Markdown: keep claim names with * _ ` [ ] < > literal. */
    static String markdown(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\', '*', '_', '`', '[', ']', '#', '|' -> b.append('\\').append(c);
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String escapeKey(String s) {
        return escapeValue(s).replace(" ", "\\ ").replace("=", "\\=").replace(":", "\\:");
    }

    private static String escapeValue(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\\') {
                b.append("\\\\");
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c > 0x7e) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectMapper mapper() {
        return Json.mapper();
    }
}
