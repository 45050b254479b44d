package org.kdclaims.extension;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Owns the claims' state of a JUnit launcher session: it hands the session's store to the suite
 * planner ({@link SuitePlanListener}), which keeps the session's {@link ExperimentRuntime} there,
 * where the extension finds it through its root store. Registered through {@code META-INF/services}.
 * The planner is registered here rather than as a service of its own because only a session
 * listener is given the session, and with it the store the extension can reach.
 */
public final class ClaimSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        session.getLauncher().registerTestExecutionListeners(new SuitePlanListener(session.getStore()));
    }
}
