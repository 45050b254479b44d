package org.kdclaims.reports.allure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class AllureHistoryTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keepsTheHistoryEmbeddedInASingleFileReport() throws IOException {
        // as Allure 2.34 writes it in --single-file mode
        String html = "<script>d('data/suites.json','" + b64("{}") + "')\nd('history/history.json','"
                + b64("{\"a\":1}") + "')\nd('history/history-trend.json','" + b64("[{\"data\":{}}]")
                + "')\nd('widgets/history-trend.json','" + b64("[]") + "')</script>";
        Path report = dir.resolve("allure-report");
        Files.createDirectories(report);
        Files.writeString(report.resolve("index.html"), html);
        Path keep = dir.resolve("cache/history");

        assertThat(run("--report", report.toString(), "--keep", keep.toString())).isZero();

        assertThat(keep.resolve("history.json")).hasContent("{\"a\":1}");
        assertThat(keep.resolve("history-trend.json")).hasContent("[{\"data\":{}}]");
        assertThat(report.resolve("history/history.json")).hasContent("{\"a\":1}");
        try (var files = Files.list(keep)) {
            assertThat(files).hasSize(2); // widgets/ and data/ are not history
        }
    }

    @Test
    void withoutAReportItKeepsNothingAndDoesNotFail() {
        assertThat(run("--report", dir.resolve("none").toString(), "--keep", dir.resolve("k").toString())).isZero();
        assertThat(out.toString()).contains("nothing kept");
        assertThat(dir.resolve("k")).doesNotExist();
    }

    @Test
    void badArgumentsAreAnError() {
        assertThat(run("--report")).isEqualTo(2);
        assertThat(run("--rep", "x", "--keep", "y")).isEqualTo(2);
    }

    private int run(String... args) {
        PrintStream p = new PrintStream(out, true, StandardCharsets.UTF_8);
        return AllureHistory.run(args, p, p);
    }
}
