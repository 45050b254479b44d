package org.kdclaims.reports;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.kdclaims.reports.model.ResultsStore;

import java.nio.file.Path;

/**
 * Writes the claim report when a JUnit session ends, whether the tests passed or failed, so
 * every run leaves {@code target/kd-report/index.html}. Registered through
 * {@code META-INF/services}; does nothing when no claim result was recorded. Never throws:
 * a report problem must not turn a test run red or hide its real result.
 */
public class KdReportSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        try {
            ResultsStore store = ResultsStore.defaultStore();
            if (!store.hasClaims()) {
                return;
            }
            Path index = ReportMain.writeReport(store, store.directory());
            System.out.println("kd-claims report: " + index.toUri());
        } catch (Throwable t) { // NOPMD: even a linkage error (missing chart library) must not escape
            System.err.println("kd-claims report: not written: " + t);
        }
    }
}
