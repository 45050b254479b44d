package org.kdclaims.reports.html;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless Chromium for the tests that look at the report in a real browser: no network, a fresh
 * profile per test, a time limit. A machine without Chromium skips those tests with a message
 * (CI installs it: {@code .ci/run}).
 */
final class HeadlessChromium {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_S = 60;

    private final Path profile;
    private final Path logs;

    HeadlessChromium(Path profile, Path logs) {
        this.profile = profile;
        this.logs = logs;
    }

    /** Skips the calling test, with the reason, when there is no Chromium. */
    static void assumeAvailable() {
        if (!Files.isExecutable(CHROMIUM)) {
            Assumptions.abort("headless browser check skipped: no " + CHROMIUM + " (apt-get install -y chromium)");
        }
    }

    Result run(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        Path stdout = Files.createTempFile(logs, "chromium", ".out");
        Path stderr = Files.createTempFile(logs, "chromium", ".err");
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try {
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("chromium did not finish within " + TIMEOUT_S + " s: "
                        + Files.readString(stderr));
            }
            return new Result(p.exitValue(), Files.readString(stdout), Files.readString(stderr));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    /** Console errors, uncaught exceptions and any failed (e.g. network) load show up in the log. */
    static void assertNoPageErrors(String stderr) {
        List<String> bad = stderr.lines()
                .filter(l -> l.contains("Uncaught") || l.contains(":CONSOLE") || l.contains("Failed to load resource")
                        || l.contains("net::ERR_"))
                .toList();
        assertThat(bad).as("page errors in the chromium log").isEmpty();
    }

    record Result(int exitCode, String stdout, String stderr) {
    }
}
