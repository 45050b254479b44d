package org.kdclaims.reports;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.LauncherSessionListener;
import org.kdclaims.results.ResultsStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class KdReportSessionListenerTest {
    @TempDir
    Path dir;
    private String previous;

    @BeforeEach
    void pointDefaultStoreAtTempDir() {
        previous = System.getProperty(ResultsStore.RESULTS_DIR_PROPERTY);
        System.setProperty(ResultsStore.RESULTS_DIR_PROPERTY, dir.toString());
    }

    @AfterEach
    void restore() {
        if (previous == null) {
            System.clearProperty(ResultsStore.RESULTS_DIR_PROPERTY);
        } else {
            System.setProperty(ResultsStore.RESULTS_DIR_PROPERTY, previous);
        }
    }

    @Test
    void isRegisteredAsAService() {
        assertThat(ServiceLoader.load(LauncherSessionListener.class).stream().map(ServiceLoader.Provider::type))
                .contains(KdReportSessionListener.class);
    }

    @Test
    void writesTheReportWhenClaimsWereRecorded() {
        ResultsStore.defaultStore().writeClaim(Fixtures.c4Supported());
        new KdReportSessionListener().launcherSessionClosed(null);
        assertThat(dir.resolve("index.html")).exists();
        assertThat(dir.resolve("results.json")).exists();
    }

    @Test
    void writesTheAllureEnvironmentWhenAskedTo() {
        String allure = System.getProperty(KdReportSessionListener.ALLURE_RESULTS_PROPERTY);
        Path allureDir = dir.resolve("allure-results");
        System.setProperty(KdReportSessionListener.ALLURE_RESULTS_PROPERTY, allureDir.toString());
        System.setProperty(KdReportSessionListener.ALLURE_ENVIRONMENT_PROPERTY, "true");
        try {
            ResultsStore.defaultStore().writeRun(Fixtures.run());
            ResultsStore.defaultStore().writeClaim(Fixtures.c4Supported());
            new KdReportSessionListener().launcherSessionClosed(null);
            assertThat(allureDir.resolve("environment.properties")).content().contains("kd.scale=small");
            assertThat(allureDir.resolve("executor.json")).exists();
        } finally {
            System.clearProperty(KdReportSessionListener.ALLURE_ENVIRONMENT_PROPERTY);
            if (allure == null) {
                System.clearProperty(KdReportSessionListener.ALLURE_RESULTS_PROPERTY);
            } else {
                System.setProperty(KdReportSessionListener.ALLURE_RESULTS_PROPERTY, allure);
            }
        }
    }

    @Test
    void doesNothingWithoutClaims() {
        new KdReportSessionListener().launcherSessionClosed(null);
        assertThat(dir.resolve("index.html")).doesNotExist();
    }

    @Test
    void neverThrows() throws IOException {
        ResultsStore.defaultStore().writeClaim(Fixtures.c4Supported());
        Files.createDirectories(dir.resolve("index.html")); // a directory where the page should go
        assertThatCode(() -> new KdReportSessionListener().launcherSessionClosed(null)).doesNotThrowAnyException();
    }
}
