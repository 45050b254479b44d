package org.kdclaims.reports.allure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kdclaims.reports.Fixtures;
import org.kdclaims.results.events.ClaimEvents;
import org.kdclaims.results.events.ClaimStart;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.TrainingRunRecord;

/** The claim events become one Allure test case: labels, a step per training run, parameters and attachments. */
class AllureClaimWriterTest {
    private final List<TestResult> written = new ArrayList<>();
    private final Map<String, String> attachments = new LinkedHashMap<>();
    private AllureLifecycle previous;
    private AllureLifecycle lifecycle;
    private final AllureClaimWriter writer = new AllureClaimWriter();

    @BeforeEach
    void inMemoryAllure() {
        previous = Allure.getLifecycle();
        lifecycle = new AllureLifecycle(new AllureResultsWriter() {
            @Override
            public void write(TestResult result) {
                written.add(result);
            }

            @Override
            public void write(TestResultContainer container) {
            }

            @Override
            public void write(String source, InputStream attachment) {
                try (attachment) {
                    attachments.put(source, new String(attachment.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        Allure.setLifecycle(lifecycle);
    }

    @AfterEach
    void restore() {
        Allure.setLifecycle(previous);
    }

    @Test
    void aClaimIsOneTestCaseWithLabelsAStepPerRunAndTheAttachments() {
        ClaimResult r = Fixtures.c4WithStatistics();
        TrainingRunRecord teacher = run("teacher", "1c9fc9fac6d9f4f0", true, 51.0);
        TrainingRunRecord student = run("student eskd", "943f6c7bd5bd6035", false, 82.666);

        TestResult t = asTestCase(() -> {
            writer.claimStarted(new ClaimStart(r.id(), r.displayName(), r.source(), r.statement()));
            writer.modelRequested("teacher: wrn-10-0.75 seed 1");
            writer.modelFetched("teacher: wrn-10-0.75 seed 1", teacher);
            writer.modelRequested("student eskd: wrn-10-0.25 ESKD@2 seed 1");
            writer.modelTrained("student eskd: wrn-10-0.25 ESKD@2 seed 1", student);
            writer.modelRequested("student scratch: cnn-8 seed 1");
            writer.modelUnavailable("student scratch: cnn-8 seed 1",
                    new IllegalStateException("training run student scratch did not finish: diverged"));
            writer.claimFinished(r);
        });

        assertThat(t.getLabels()).extracting(Label::getName, Label::getValue).contains(
                tuple("epic", AllureClaimWriter.EPIC),
                tuple("feature", "C4"),
                tuple("story", "Table 3"));
        assertThat(t.getDescription()).isEqualTo(AllureClaimText.description(r));
        assertThat(t.getParameters()).extracting(Parameter::getName).contains("tau", "eskdEpoch", "verdict");

        assertThat(t.getSteps()).extracting(StepResult::getName).containsExactly(
                "teacher: wrn-10-0.75 seed 1 (from the store)", "student eskd: wrn-10-0.25 ESKD@2 seed 1 (trained)",
                "student scratch: cnn-8 seed 1");
        StepResult first = t.getSteps().get(0);
        assertThat(first.getStatus()).isEqualTo(Status.PASSED);
        assertThat(first.getParameters()).extracting(Parameter::getName, Parameter::getValue).containsExactly(
                tuple("model key", "1c9fc9fac6d9f4f0"),
                tuple("source", "store"),
                tuple("epochs", "5"),
                tuple("test error %", "51.00"),
                tuple("wall s", "12.3"));
        assertThat(t.getSteps().get(1).getParameters()).extracting(Parameter::getValue).contains("trained", "82.67");
        StepResult failed = t.getSteps().get(2);
        assertThat(failed.getStatus()).isEqualTo(Status.BROKEN);
        assertThat(failed.getStatusDetails().getMessage()).contains("diverged");
        assertThat(t.getSteps()).allSatisfy(s -> assertThat(s.getStop()).isNotNull());

        assertThat(t.getAttachments()).extracting(Attachment::getName).contains("verdict statistics", "verdict",
                "per-seed metrics", "training runs");
        assertThat(t.getAttachments()).filteredOn(a -> a.getType().equals("image/svg+xml")).isNotEmpty()
                .allSatisfy(a -> assertThat(attachments.get(a.getSource())).startsWith("<svg xmlns='http://www.w3.org/2000/svg' "));
    }

    @Test
    void withoutARunningTestCaseItDoesNothing() {
        ClaimResult r = Fixtures.c4WithStatistics();
        writer.claimStarted(new ClaimStart(r.id(), r.displayName(), r.source(), r.statement()));
        writer.modelRequested("teacher: t");
        writer.modelFetched("teacher: t", run("teacher", "k", true, 1));
        writer.claimFinished(r);

        assertThat(written).isEmpty();
        assertThat(attachments).isEmpty();
    }

    @Test
    void itIsAClaimEventListenerOnTheClassPath() {
        assertThat(ClaimEvents.discovered().listeners()).hasAtLeastOneElementOfType(AllureClaimWriter.class);
    }

    private TestResult asTestCase(Runnable events) {
        String uuid = UUID.randomUUID().toString();
        lifecycle.scheduleTestCase(new TestResult().setUuid(uuid).setName("claim"));
        lifecycle.startTestCase(uuid);
        events.run();
        lifecycle.stopTestCase(uuid);
        lifecycle.writeTestCase(uuid);
        assertThat(written).hasSize(1);
        return written.get(0);
    }

    private static TrainingRunRecord run(String role, String key, boolean fromStore, double testError) {
        return new TrainingRunRecord(role, "wrn-10-0.75", 1, key, 5, 12.34, 100, fromStore, List.of(),
                Map.of("test error %", testError));
    }
}
