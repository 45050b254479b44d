package org.kdclaims.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The golden files under fixtures/golden and their JSON arrays as Java arrays. */
final class Golden {
    private Golden() {
    }

    /** The repository root (the folder holding fixtures/), from kd.repo.root or the working directory up. */
    static Path repoRoot() {
        String p = System.getProperty("kd.repo.root");
        Path dir = p == null || p.isBlank() ? Path.of("").toAbsolutePath() : Path.of(p);
        while (dir != null && !Files.isDirectory(dir.resolve("fixtures"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("repository root with fixtures/ not found (kd.repo.root=" + p + ")");
        }
        return dir;
    }

    /** fixtures/golden/{@code name}, parsed. */
    static JsonNode read(String name) {
        try {
            return new ObjectMapper().readTree(repoRoot().resolve("fixtures/golden").resolve(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static float[] floats(JsonNode a) {
        float[] f = new float[a.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) a.get(i).asDouble();
        }
        return f;
    }

    static double[] doubles(JsonNode a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).asDouble();
        }
        return d;
    }

    static int[] ints(JsonNode a) {
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asInt();
        }
        return v;
    }
}
