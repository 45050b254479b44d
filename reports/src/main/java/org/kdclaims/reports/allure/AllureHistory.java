package org.kdclaims.reports.allure;

import org.kdclaims.io.AtomicFiles;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the history of an Allure report made in single-file mode, so the next report can show
 * trends:
 * <pre>
 *   AllureHistory --report DIR --keep DIR
 * </pre>
 * A single-file report has no {@code history/} folder: Allure 2 embeds its files in
 * {@code index.html} as {@code d('history/history.json','<base64>')}. This writes them out
 * into {@code <report>/history/} (where a multi-file report has them, for CI tools that carry
 * history themselves) and into the {@code --keep} directory, from which the build copies them
 * into {@code allure-results/history/} before the next report is generated.
 *
 * <p>Never fails a build: without a report or history it says so and exits 0 (2 only for bad
 * arguments).
 */
public final class AllureHistory {
    private static final Pattern ENTRY =
            Pattern.compile("d\\('history/([A-Za-z0-9._-]+\\.json)'\\s*,\\s*'([A-Za-z0-9+/=]*)'\\)");

    private AllureHistory() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path report = null;
        Path keep = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--report" -> report = Paths.get(args[i + 1]);
                case "--keep" -> keep = Paths.get(args[i + 1]);
                default -> {
                    return usage(err, "unknown argument: " + args[i]);
                }
            }
        }
        if (report == null || keep == null || args.length % 2 != 0) {
            return usage(err, "--report and --keep are required");
        }
        try {
            Path index = report.resolve("index.html");
            if (!Files.isRegularFile(index)) {
                out.println("kd-claims allure history: no report at " + index + "; nothing kept");
                return 0;
            }
            Map<String, byte[]> files = extract(Files.readString(index, StandardCharsets.UTF_8));
            if (files.isEmpty()) {
                out.println("kd-claims allure history: " + index + " holds no history (not a single-file report?)");
                return 0;
            }
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                AtomicFiles.write(report.resolve("history").resolve(f.getKey()), f.getValue());
                AtomicFiles.write(keep.resolve(f.getKey()), f.getValue());
            }
            out.println("kd-claims allure history: kept " + files.keySet() + " in " + keep);
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("kd-claims allure history: not kept: " + e);
            return 0;
        }
    }

    /** The history files embedded in a single-file report's index.html, by file name. */
    static Map<String, byte[]> extract(String html) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Matcher m = ENTRY.matcher(html);
        while (m.find()) {
            files.put(m.group(1), Base64.getDecoder().decode(m.group(2)));
        }
        return files;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("kd-claims allure history: " + problem);
        err.println("usage: AllureHistory --report DIR --keep DIR");
        return 2;
    }
}
