package org.kdclaims.reports.html;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kdclaims.reports.Fixtures;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens the fixture report in a real browser (headless Chromium, no network) and checks that it
 * renders something readable and raises no console error. The page and its screenshot stay in
 * {@code target/fixture-report/} for a human look.
 */
class ChromiumRenderTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_S = 60;

    @TempDir
    Path profile;
    @TempDir
    Path logs;

    @Test
    void fixtureReportRendersInHeadlessChromium() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            Assumptions.abort("headless browser check skipped: no " + CHROMIUM + " (apt-get install -y chromium)");
        }
        Path out = Path.of("target", "fixture-report").toAbsolutePath();
        Path index = ClaimReport.write(Fixtures.results(), out);
        Path png = out.resolve("screenshot.png");
        Files.deleteIfExists(png);

        Result shot = chromium(out, "--screenshot=" + png, "--window-size=1280,2000", index.toUri().toString());
        assertThat(shot.exitCode).as("chromium exit, stderr:%n%s", shot.stderr).isZero();
        assertNoPageErrors(shot.stderr);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("screenshot %s", png).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1280);
        assertNotBlank(image);

        Result dom = chromium(out, "--dump-dom", index.toUri().toString());
        assertThat(dom.exitCode).as("chromium exit, stderr:%n%s", dom.stderr).isZero();
        assertNoPageErrors(dom.stderr);
        assertThat(dom.stdout).contains("<svg", "SUPPORTED", "REFUTED", "INCONCLUSIVE", "id=\"claim-C4-3\"");
    }

    private static void assertNotBlank(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        long nonWhite = 0;
        long total = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                nonWhite += rgb == 0xFFFFFF ? 0 : 1;
                total++;
            }
        }
        assertThat(colours.size()).as("distinct colours").isGreaterThan(16);
        assertThat((double) nonWhite / total).as("share of non-white pixels").isGreaterThan(0.10);
    }

    /** Console errors, uncaught exceptions and any failed (e.g. network) load show up in the log. */
    private static void assertNoPageErrors(String stderr) {
        List<String> bad = stderr.lines()
                .filter(l -> l.contains("Uncaught") || l.contains(":CONSOLE") || l.contains("Failed to load resource")
                        || l.contains("net::ERR_"))
                .toList();
        assertThat(bad).as("page errors in the chromium log").isEmpty();
    }

    private Result chromium(Path workDir, String... args) throws IOException, InterruptedException {
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

    private record Result(int exitCode, String stdout, String stderr) {
    }
}
