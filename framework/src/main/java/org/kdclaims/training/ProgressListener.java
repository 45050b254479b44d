package org.kdclaims.training;

import java.util.Locale;

import org.kdclaims.io.Console;

/** Receives one call per epoch of a training run (progress lines, Allure steps, ...). */
@FunctionalInterface
public interface ProgressListener {
    void epochDone(TrainingSpec spec, EpochMetrics metrics, double secondsLeft);

    /** One line per epoch on standard error: epoch, loss, errors, img/s and time left. */
    static ProgressListener console(String role) {
        return (spec, m, left) -> Console.printf(
                "[kd] %-8s %-28s epoch %3d/%d lr %.4f loss %.4f train err %5.2f%% test err %s %6.1f img/s, %s left%n",
                role, spec.label(), m.epoch() + 1, spec.epochs(), m.learningRate(), m.trainLoss(),
                100 * m.trainError(), m.evaluated() ? String.format(Locale.ROOT, "%5.2f%%", 100 * m.testError()) : "   -  ",
                m.imagesPerSecond(), formatDuration(left));
    }

    static String formatDuration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
