package org.kdclaims.reports.allure;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.util.ResultsUtils;
import org.kdclaims.reports.html.LearningCurves;
import org.kdclaims.reports.html.PlotChart;
import org.kdclaims.reports.html.SvgCharts;
import org.kdclaims.reports.html.VerdictCharts;
import org.kdclaims.results.events.ClaimEventListener;
import org.kdclaims.results.events.ClaimStart;
import org.kdclaims.results.model.ArmResult;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.Plot;
import org.kdclaims.results.model.TrainingRunRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to the framework's claim events and puts them into the claim's running Allure test case
 * (which the allure-jupiter adapter started on the test's thread): labels (epic = the paper,
 * feature = claim id, story = table or figure), one step per training run the claim reads,
 * parameters, the verdict's description, statistics, status message and charts, the per-seed
 * metrics as a JSON attachment, and the learning curves as SVG. Registered through
 * {@code META-INF/services}; does nothing where no Allure test case is running (no adapter on the
 * class path), and never throws.
 */
public final class AllureClaimWriter implements ClaimEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(AllureClaimWriter.class);
    static final String EPIC = "On the Efficacy of Knowledge Distillation (Cho & Hariharan, ICCV 2019)";
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The open model steps of each thread (one at a time; a stack in case a listener nests them). */
    private final ThreadLocal<Deque<String>> steps = ThreadLocal.withInitial(ArrayDeque::new);

    @Override
    public void claimStarted(ClaimStart claim) {
        if (!inTestCase()) {
            return;
        }
        Allure.epic(EPIC);
        Allure.feature(claim.id());
        Allure.story(claim.source());
        Allure.description(claim.statement());
    }

    /** A step per model the claim reads, named by its label until the answer says what happened. */
    @Override
    public void modelRequested(String label) {
        if (!inTestCase()) {
            return;
        }
        String uuid = UUID.randomUUID().toString();
        lifecycle().startStep(uuid, new StepResult().setName(label));
        steps.get().push(uuid);
    }

    @Override
    public void modelFetched(String label, TrainingRunRecord run) {
        finish(label + " (from the store)", run);
    }

    @Override
    public void modelTrained(String label, TrainingRunRecord run) {
        finish(label + " (trained)", run);
    }

    /** The step's name and parameters: where the model came from, its size, test error and training time. */
    private void finish(String name, TrainingRunRecord run) {
        String uuid = steps.get().poll();
        if (uuid == null) {
            return;
        }
        Double testError = run.finalMetrics().get("test error %");
        lifecycle().updateStep(uuid, step -> {
            step.setName(name);
            step.getParameters().add(ResultsUtils.createParameter("model key", run.configHash()));
            step.getParameters().add(ResultsUtils.createParameter("source", run.fromCache() ? "store" : "trained"));
            step.getParameters().add(ResultsUtils.createParameter("epochs", run.epochs()));
            step.getParameters().add(ResultsUtils.createParameter("test error %",
                    String.format(Locale.ROOT, "%.2f", testError == null ? Double.NaN : testError)));
            step.getParameters().add(ResultsUtils.createParameter("wall s",
                    String.format(Locale.ROOT, "%.1f", run.wallSeconds())));
            step.setStatus(Status.PASSED);
        });
        lifecycle().stopStep(uuid);
    }

    /** Failed for an assertion, broken otherwise, with the error's message and trace: as Allure's own steps. */
    @Override
    public void modelUnavailable(String label, Throwable error) {
        String uuid = steps.get().poll();
        if (uuid == null) {
            return;
        }
        lifecycle().updateStep(uuid, step -> step
                .setStatus(ResultsUtils.getStatus(error).orElse(Status.BROKEN))
                .setStatusDetails(ResultsUtils.getStatusDetails(error).orElse(null)));
        lifecycle().stopStep(uuid);
    }

    /**
     * The result into the Allure test case: the verdict's description and statistics (the same words
     * as the HTML report), the status message (outside the regime, or too little power), the verdict's
     * charts, per-seed metrics, learning curves and runs. A claim that reached no verdict has no test.
     */
    @Override
    public void claimFinished(ClaimResult r) {
        if (!inTestCase()) {
            return;
        }
        try {
            r.parameters().forEach(Allure::parameter);
            if (r.verdict() != null) {
                Allure.parameter("verdict", r.verdict());
                Allure.description(AllureClaimText.description(r));
                Allure.addAttachment("verdict statistics", "text/plain", AllureClaimText.statistics(r), ".txt");
                AllureClaimText.statusMessage(r).ifPresent(AllureClaimWriter::statusMessage);
                for (VerdictCharts.Figure f : VerdictCharts.of(r)) {
                    Allure.addAttachment(f.title(), "image/svg+xml", standalone(f.svg()), ".svg");
                }
            }
            if (r.test() != null) {
                Allure.addAttachment("verdict", "text/plain", verdictText(r), ".txt");
            }
            Allure.addAttachment("per-seed metrics", "application/json", JSON.writeValueAsString(r.arms()), ".json");
            for (Plot p : LearningCurves.of(r.runs())) {
                Allure.addAttachment(p.title(), "image/svg+xml", standalone(SvgCharts.svg(PlotChart.bands(p, true))), ".svg");
            }
            Allure.addAttachment("training runs", "application/json", JSON.writeValueAsString(r.runs()), ".json");
        } catch (Exception e) {
            LOG.warn("could not write Allure attachments; the claim result itself is recorded", e);
        }
    }

    private static AllureLifecycle lifecycle() {
        return Allure.getLifecycle();
    }

    /** True on a thread where the Allure adapter runs a test case. */
    private static boolean inTestCase() {
        return lifecycle().getCurrentTestCase().isPresent();
    }

    /** The hypothesis, the arms and the test in one plain block (for claims without a test: none). */
    private static String verdictText(ClaimResult r) {
        StringBuilder s = new StringBuilder();
        s.append(r.id()).append(' ').append(r.verdict()).append('\n').append(r.hypothesis()).append('\n');
        for (ArmResult a : r.arms()) {
            s.append(String.format(Locale.ROOT, "%s: mean %.3f, sd %.3f, 95%% CI [%.3f, %.3f], values %s%n",
                    a.name(), a.mean(), a.sd(), a.ciLow(), a.ciHigh(), a.values()));
        }
        s.append(String.format(Locale.ROOT, "%s: t = %.3f, df = %.1f, p = %.4g, effect size = %.2f, alpha = %.2f%n",
                r.test().method(), r.test().statistic(), r.test().df(), r.test().pValue(), r.test().effectSize(),
                r.test().alpha()));
        return s.toString();
    }

    /** The one line a reader of the Allure report must not miss, in the test's status details. */
    private static void statusMessage(String message) {
        lifecycle().updateTestCase(tc -> {
            StatusDetails d = tc.getStatusDetails() == null ? new StatusDetails() : tc.getStatusDetails();
            d.setMessage(d.getMessage() == null ? message : message + "\n" + d.getMessage());
            tc.setStatusDetails(d);
        });
    }

    /** The report inlines SVG without a namespace; a standalone attachment needs it. */
    private static String standalone(String svg) {
        return svg.replaceFirst("<svg ", "<svg xmlns='" + SVG_NS + "' ");
    }
}
