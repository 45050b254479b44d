package org.kdclaims.extension;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kdclaims.results.events.ClaimEventListener;
import org.kdclaims.results.events.ClaimStart;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.TrainingRunRecord;

/**
 * A claim event listener for the extension's own tests (registered in this module's test
 * {@code META-INF/services}): remembers every event with the thread it came on.
 */
public final class RecordedClaimEvents implements ClaimEventListener {
    /**
     * One event: "claimStarted ID", "modelRequested LABEL", "modelFetched LABEL KEY", "modelTrained LABEL KEY",
     * "modelUnavailable LABEL: MESSAGE", "claimFinished ID OUTCOME".
     */
    record Heard(String thread, String event) {
    }

    private static final List<Heard> HEARD = new ArrayList<>();

    /** Forgets what was heard so far. */
    static synchronized void clear() {
        HEARD.clear();
    }

    /** Everything heard since {@link #clear}, in order. */
    static synchronized List<Heard> heard() {
        return List.copyOf(HEARD);
    }

    /** The events heard since {@link #clear}, by thread, each thread's in order. */
    static Map<String, List<String>> byThread() {
        Map<String, List<String>> threads = new LinkedHashMap<>();
        heard().forEach(h -> threads.computeIfAbsent(h.thread(), t -> new ArrayList<>()).add(h.event()));
        return threads;
    }

    private static synchronized void add(String event) {
        HEARD.add(new Heard(Thread.currentThread().getName(), event));
    }

    @Override
    public void claimStarted(ClaimStart claim) {
        add("claimStarted " + claim.id());
    }

    @Override
    public void modelRequested(String label) {
        add("modelRequested " + label);
    }

    @Override
    public void modelFetched(String label, TrainingRunRecord run) {
        add("modelFetched " + label + " " + run.configHash());
    }

    @Override
    public void modelTrained(String label, TrainingRunRecord run) {
        add("modelTrained " + label + " " + run.configHash());
    }

    @Override
    public void modelUnavailable(String label, Throwable error) {
        add("modelUnavailable " + label + ": " + error.getMessage());
    }

    @Override
    public void claimFinished(ClaimResult result) {
        add("claimFinished " + result.id() + " " + result.outcome());
    }
}
