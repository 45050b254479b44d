package org.kdclaims.reports.html;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kdclaims.reports.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report as a reader meets it in a browser window 1,000 and 1,400 px wide: the page must not
 * scroll sideways, with every folded part unfolded (a reader opens them). The report itself has no
 * script; the test measures a copy with a probe script appended, which writes the page's scroll
 * width and the elements that stick out into the DOM that {@code --dump-dom} prints.
 */
class ReportWidthChromiumTest {
    private static final Pattern PROBE = Pattern.compile(
            "<pre id=\"layout-probe\">scrollWidth=(\\d+) clientWidth=(\\d+) wide=(.*?)</pre>", Pattern.DOTALL);
    private static final String SCRIPT = """
            <script>
            document.querySelectorAll('details').forEach(function (d) { d.open = true; });
            (function () {
              var root = document.documentElement, width = root.clientWidth, wide = [];
              document.querySelectorAll('body *').forEach(function (e) {
                var r = e.getBoundingClientRect();
                if (r.right > width + 0.5 && wide.length < 8) {
                  wide.push(e.tagName + '.' + e.className + ' right=' + Math.round(r.right));
                }
              });
              var pre = document.createElement('pre');
              pre.id = 'layout-probe';
              pre.textContent = 'scrollWidth=' + root.scrollWidth + ' clientWidth=' + width + ' wide=' + wide.join(' | ');
              document.body.appendChild(pre);
            })();
            </script>
            """;

    @TempDir
    Path profile;
    @TempDir
    Path logs;

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1000, 1400})
    void theReportDoesNotScrollSideways(int width) throws Exception {
        HeadlessChromium.assumeAvailable();
        Path out = Path.of("target", "reader-report").toAbsolutePath();
        String html = Files.readString(ClaimReport.write(Fixtures.readerResults(), out));

        Probe p = probe(out, html, width);

        assertThat(p.clientWidth()).as("viewport").isBetween(width - 20, width);
        assertThat(p.scrollWidth()).as("scroll width at %d px; sticking out: %s", width, p.wide())
                .isLessThanOrEqualTo(p.clientWidth());
    }

    /** The probe itself: a page that is too wide must be seen as too wide. */
    @Test
    void theProbeSeesAPageThatScrollsSideways() throws Exception {
        HeadlessChromium.assumeAvailable();
        Path out = Files.createDirectories(Path.of("target", "reader-report").toAbsolutePath());
        String html = ClaimReport.render(Fixtures.results(), null)
                .replace("</main>", "<table><tr><td style=\"white-space:nowrap\">" + "x".repeat(400)
                        + "</td></tr></table></main>");

        Probe p = probe(out, html, 1000);

        assertThat(p.scrollWidth()).isGreaterThan(p.clientWidth());
        assertThat(p.wide()).contains("TD");
    }

    private Probe probe(Path dir, String html, int width) throws Exception {
        Path page = dir.resolve("width-probe-" + width + ".html");
        Files.writeString(page, html.replace("</body>", SCRIPT + "</body>"));
        HeadlessChromium.Result dom = new HeadlessChromium(profile, logs)
                .run(dir, "--dump-dom", "--window-size=" + width + ",900", page.toUri().toString());
        assertThat(dom.exitCode()).as("chromium exit, stderr:%n%s", dom.stderr()).isZero();
        HeadlessChromium.assertNoPageErrors(dom.stderr());
        Matcher m = PROBE.matcher(dom.stdout());
        assertThat(m.find()).as("the probe's line in the DOM").isTrue();
        return new Probe(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3));
    }

    private record Probe(int scrollWidth, int clientWidth, String wide) {
    }
}
