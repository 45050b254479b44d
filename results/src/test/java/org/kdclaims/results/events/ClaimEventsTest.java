package org.kdclaims.results.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.TrainingRunRecord;

class ClaimEventsTest {
    private static final ClaimStart START = new ClaimStart("C1", "bigger [x=1]", "Table 1", "bigger is better");
    private static final TrainingRunRecord RUN = new TrainingRunRecord("teacher", "wrn-16-1", 1, "abc", 5, 1.0, 10.0,
            false, List.of(), null);
    private static final ClaimResult RESULT = new ClaimResult("C1", "bigger [x=1]", "Table 1", "bigger is better", null,
            null, null, null, null, null, "recorded", null, List.of(RUN), null, 1.0, null);

    /** Remembers what it heard, as "event argument". */
    static final class Recording implements ClaimEventListener {
        final List<String> heard = new ArrayList<>();

        @Override
        public void claimStarted(ClaimStart claim) {
            heard.add("claimStarted " + claim.id());
        }

        @Override
        public void modelRequested(String label) {
            heard.add("modelRequested " + label);
        }

        @Override
        public void modelFetched(String label, TrainingRunRecord run) {
            heard.add("modelFetched " + label + " " + run.configHash());
        }

        @Override
        public void modelTrained(String label, TrainingRunRecord run) {
            heard.add("modelTrained " + label + " " + run.configHash());
        }

        @Override
        public void modelUnavailable(String label, Throwable error) {
            heard.add("modelUnavailable " + label + " " + error.getMessage());
        }

        @Override
        public void claimFinished(ClaimResult result) {
            heard.add("claimFinished " + result.id());
        }
    }

    @Test
    void everyListenerHearsEveryEventInOrder() {
        Recording a = new Recording();
        Recording b = new Recording();
        ClaimEvents events = ClaimEvents.of(List.of(a, b));

        publishOneClaim(events);

        List<String> expected = List.of("claimStarted C1", "modelRequested teacher: t", "modelFetched teacher: t abc",
                "modelRequested student: s", "modelTrained student: s abc", "modelRequested assistant: a",
                "modelUnavailable assistant: a not there", "claimFinished C1");
        assertThat(a.heard).containsExactlyElementsOf(expected);
        assertThat(b.heard).containsExactlyElementsOf(expected);
    }

    @Test
    void aThrowingListenerNeitherStopsTheOthersNorTheCaller() {
        ClaimEventListener broken = new ClaimEventListener() {
            @Override
            public void claimStarted(ClaimStart claim) {
                throw new IllegalStateException("broken listener");
            }

            @Override
            public void claimFinished(ClaimResult result) {
                throw new NoClassDefFoundError("io/qameta/allure/Allure");
            }
        };
        Recording after = new Recording();

        publishOneClaim(ClaimEvents.of(List.of(broken, after)));

        assertThat(after.heard).first().isEqualTo("claimStarted C1");
        assertThat(after.heard).last().isEqualTo("claimFinished C1");
    }

    @Test
    void listenersAreFoundOnTheClassPath() {
        assertThat(ClaimEvents.discovered().listeners()).hasAtLeastOneElementOfType(Registered.class);
    }

    @Test
    void defaultsDoNothing() {
        publishOneClaim(ClaimEvents.of(List.of(new ClaimEventListener() { })));
        publishOneClaim(ClaimEvents.NONE);
    }

    private static void publishOneClaim(ClaimEvents events) {
        events.claimStarted(START);
        events.modelRequested("teacher: t");
        events.modelFetched("teacher: t", RUN);
        events.modelRequested("student: s");
        events.modelTrained("student: s", RUN);
        events.modelRequested("assistant: a");
        events.modelUnavailable("assistant: a", new IllegalStateException("not there"));
        events.claimFinished(RESULT);
    }

    /** Registered in this module's test META-INF/services. */
    public static final class Registered implements ClaimEventListener {
    }
}
