package org.kdclaims.reports.html;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kdclaims.reports.Fixtures;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens the fixture report in a real browser (headless Chromium, no network) and checks that it
 * renders something readable and raises no console error. The page and its screenshot stay in
 * {@code target/fixture-report/} for a human look.
 */
class ChromiumRenderTest {
    @TempDir
    Path profile;
    @TempDir
    Path logs;

    @Test
    void fixtureReportRendersInHeadlessChromium() throws Exception {
        HeadlessChromium.assumeAvailable();
        HeadlessChromium chromium = new HeadlessChromium(profile, logs);
        Path out = Path.of("target", "fixture-report").toAbsolutePath();
        Path index = ClaimReport.write(Fixtures.results(), out);
        Path png = out.resolve("screenshot.png");
        Files.deleteIfExists(png);

        HeadlessChromium.Result shot = chromium.run(out, "--screenshot=" + png, "--window-size=1280,2000", index.toUri().toString());
        assertThat(shot.exitCode()).as("chromium exit, stderr:%n%s", shot.stderr()).isZero();
        HeadlessChromium.assertNoPageErrors(shot.stderr());
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("screenshot %s", png).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1280);
        assertNotBlank(image);

        HeadlessChromium.Result dom = chromium.run(out, "--dump-dom", index.toUri().toString());
        assertThat(dom.exitCode()).as("chromium exit, stderr:%n%s", dom.stderr()).isZero();
        HeadlessChromium.assertNoPageErrors(dom.stderr());
        assertThat(dom.stdout()).contains("<svg", "SUPPORTED", "REFUTED", "INCONCLUSIVE", "id=\"claim-C4-3\"");
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
}
