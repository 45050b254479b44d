package org.kdclaims.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kdclaims.reports.Fixtures;
import org.kdclaims.results.model.ClaimOrder;
import org.kdclaims.results.model.RunResults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsStoreTest {
    @TempDir
    Path dir;

    @Test
    void runAndClaimsRoundTripEqual() {
        ResultsStore store = ResultsStore.at(dir);
        store.writeRun(Fixtures.run());
        store.writeClaim(Fixtures.c4Supported());
        store.writeClaim(Fixtures.c3Inconclusive()); // NaN sd, CI and p value, null kdError

        RunResults read = store.read();

        assertThat(read.schema()).isEqualTo(RunResults.SCHEMA);
        assertThat(read.run()).isEqualTo(Fixtures.run());
        assertThat(read.claims()).containsExactly(Fixtures.c3Inconclusive(), Fixtures.c4Supported());
        assertThat(read.problems()).isEmpty();
    }

    @Test
    void nanIsWrittenAsStandardJsonString() throws IOException {
        Path file = ResultsStore.at(dir).writeClaim(Fixtures.c3Inconclusive());
        String json = Files.readString(file);
        assertThat(json).contains("\"sd\" : \"NaN\"").doesNotContain(": NaN");
        Json.mapper().readTree(json); // strict parse: valid JSON
    }

    @Test
    void damagedClaimFileIsReportedNotFatal() throws IOException {
        ResultsStore store = ResultsStore.at(dir);
        store.writeRun(Fixtures.run());
        store.writeClaim(Fixtures.c4Supported());
        Files.writeString(store.claimsDirectory().resolve("C9_truncated.json"), "{\"id\": \"C9\", \"arms\": [");

        RunResults read = store.read();

        assertThat(read.claims()).containsExactly(Fixtures.c4Supported());
        assertThat(read.problems()).singleElement().asString().contains("C9_truncated.json").contains("damaged");
    }

    @Test
    void missingRunFileIsAProblemButClaimsStillRead() {
        ResultsStore store = ResultsStore.at(dir);
        store.writeClaim(Fixtures.c1Refuted());
        RunResults read = store.read();
        assertThat(read.run()).isNull();
        assertThat(read.claims()).hasSize(1);
        assertThat(read.problems()).containsExactly("run.json: missing");
    }

    @Test
    void atomicWritesLeaveNoTempFiles() throws IOException {
        ResultsStore store = ResultsStore.at(dir);
        store.writeRun(Fixtures.run());
        store.writeRun(Fixtures.run()); // overwrite
        for (int i = 0; i < 3; i++) {
            store.writeClaim(Fixtures.c4Supported());
        }
        store.writeMerged(dir.resolve("results.json"));
        try (Stream<Path> files = Files.walk(dir)) {
            List<String> names = files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
            assertThat(names).hasSize(5).allMatch(n -> n.endsWith(".json") && !n.startsWith("."));
        }
    }

    @Test
    void repeatedInvocationsGetDistinctSanitisedFiles() throws IOException {
        ResultsStore store = ResultsStore.at(dir);
        Path first = store.writeClaim(Fixtures.c1Refuted());
        Path second = store.writeClaim(Fixtures.c1Refuted());
        assertThat(first).isNotEqualTo(second);
        assertThat(first.getFileName().toString()).matches("C1_[A-Za-z0-9._=+-]+\\.json");
        assertThat(second.getFileName().toString()).endsWith("-2.json");
        assertThat(store.read().claims()).hasSize(2);
        try (Stream<Path> files = Files.list(store.claimsDirectory())) {
            assertThat(files.count()).isEqualTo(2);
        }
    }

    @Test
    void mergedFileReadsBackAsTheSameResults() throws IOException {
        ResultsStore store = ResultsStore.at(dir);
        store.writeRun(Fixtures.run());
        Fixtures.results().claims().forEach(store::writeClaim);
        Path merged = dir.resolve("out/results.json");

        RunResults written = store.writeMerged(merged);

        assertThat(ResultsStore.readMerged(merged)).isEqualTo(written).isEqualTo(Fixtures.results());
    }

    @Test
    void claimsAreOrderedNaturallyById() {
        assertThat(ClaimOrder.compareIds("C2", "C10")).isNegative();
        assertThat(ClaimOrder.compareIds("C10", "C9")).isPositive();
        assertThat(ClaimOrder.compareIds("C4", "C4")).isZero();
    }

    @Test
    void defaultDirectoryHonoursProperty() {
        String old = System.getProperty(ResultsStore.RESULTS_DIR_PROPERTY);
        try {
            System.setProperty(ResultsStore.RESULTS_DIR_PROPERTY, dir.toString());
            assertThat(ResultsStore.defaultStore().directory()).isEqualTo(dir.toAbsolutePath().normalize());
        } finally {
            if (old == null) {
                System.clearProperty(ResultsStore.RESULTS_DIR_PROPERTY);
            } else {
                System.setProperty(ResultsStore.RESULTS_DIR_PROPERTY, old);
            }
        }
    }
}
