package org.kdclaims.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** fixtures/golden/stats.json (written by stats.py with scipy), parsed. */
final class StatsGolden {
    private StatsGolden() {
    }

    static JsonNode read() {
        String p = System.getProperty("kd.repo.root");
        Path dir = p == null || p.isBlank() ? Path.of("").toAbsolutePath() : Path.of(p);
        while (dir != null && !Files.isDirectory(dir.resolve("fixtures"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("repository root with fixtures/ not found");
        }
        try {
            return new ObjectMapper().readTree(dir.resolve("fixtures/golden/stats.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] doubles(JsonNode a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).asDouble();
        }
        return d;
    }
}
