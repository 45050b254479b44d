package org.kdclaims.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Rules read from the source files of every module: a class a newcomer opens fits on a few
 * screens, and a simple name means one thing (an import never has to be checked to know which
 * Teacher is meant).
 */
class SourceSizeAndNamesTest {
    private static final int MAX_LINES = 400;
    /** Tests run in the framework module's folder; the project root is one up. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final List<String> MODULES = List.of("results", "framework", "spark", "reports", "experiments", "benchmarks");

    private static List<Path> mainSources() throws IOException {
        List<Path> sources = new ArrayList<>();
        for (String module : MODULES) {
            Path main = ROOT.resolve(module).resolve("src/main/java");
            if (Files.isDirectory(main)) {
                try (Stream<Path> files = Files.walk(main)) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
                }
            }
        }
        assertThat(sources).as("main sources under " + ROOT).isNotEmpty();
        return sources;
    }

    @Test
    void noMainClassIsOverFourHundredLines() throws IOException {
        Map<Path, Long> tooLong = new TreeMap<>();
        for (Path f : mainSources()) {
            long lines;
            try (Stream<String> s = Files.lines(f)) {
                lines = s.count();
            }
            if (lines > MAX_LINES) {
                tooLong.put(ROOT.relativize(f), lines);
            }
        }
        assertThat(tooLong).as("split these classes").isEmpty();
    }

    @Test
    void noTwoMainClassesShareASimpleName() throws IOException {
        Map<String, List<Path>> byName = mainSources().stream()
                .collect(Collectors.groupingBy(f -> f.getFileName().toString(), TreeMap::new, Collectors.toList()));
        byName.values().removeIf(files -> files.size() < 2);
        assertThat(byName).as("rename the non-user-facing one").isEmpty();
    }
}
