package org.kdclaims.reports;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.kdclaims.io.Console;
import org.kdclaims.reports.allure.AllureFiles;
import org.kdclaims.results.ResultsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Writes the claim report when a JUnit session ends, whether the tests passed or failed, so
 * every run leaves {@code target/kd-report/index.html}. Registered through
 * {@code META-INF/services}; does nothing when no claim result was recorded. Never throws:
 * a report problem must not turn a test run red or hide its real result.
 *
 * <p>With {@code -Dkd.allure.environment=true} (set for the claims in {@code experiments}) it
 * also writes {@code environment.properties} and {@code executor.json} (scale, data, native
 * build, threads, versions) into {@code allure.results.directory}, for the Allure report.
 */
public class KdReportSessionListener implements LauncherSessionListener {
    private static final Logger LOG = LoggerFactory.getLogger(KdReportSessionListener.class);
    public static final String ALLURE_ENVIRONMENT_PROPERTY = "kd.allure.environment";
    public static final String ALLURE_RESULTS_PROPERTY = "allure.results.directory";

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        try {
            ResultsStore store = ResultsStore.defaultStore();
            if (!store.hasClaims()) {
                return;
            }
            Path index = ReportMain.writeReport(store, store.directory());
            Console.result("kd-claims report: " + index.toUri());
            String allure = System.getProperty(ALLURE_RESULTS_PROPERTY);
            if (Boolean.getBoolean(ALLURE_ENVIRONMENT_PROPERTY) && allure != null && !allure.isBlank()) {
                AllureFiles.writeEnvironment(Paths.get(allure), store.read().run());
            }
        } catch (Throwable t) { // NOPMD: even a linkage error (missing chart library) must not escape
            LOG.warn("kd-claims report: not written", t);
        }
    }
}
