package org.kdclaims.results.events;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;

import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.TrainingRunRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publisher: passes each event to every listener, in order, on the caller's thread. A listener
 * that throws is logged and the others still hear the event: a report problem must not turn a
 * claim red or hide its real result.
 */
public final class ClaimEvents implements ClaimEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(ClaimEvents.class);
    /** Tells nobody. */
    public static final ClaimEvents NONE = new ClaimEvents(List.of());

    private final List<ClaimEventListener> listeners;

    private ClaimEvents(List<ClaimEventListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    public static ClaimEvents of(List<? extends ClaimEventListener> listeners) {
        return new ClaimEvents(List.copyOf(listeners));
    }

    /**
     * The listeners on the class path ({@link ServiceLoader}, the thread's context class loader); one
     * that cannot be loaded is logged and left out.
     */
    public static ClaimEvents discovered() {
        List<ClaimEventListener> found = new ArrayList<>();
        Iterator<ClaimEventListener> it = ServiceLoader.load(ClaimEventListener.class).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                LOG.warn("claim event listener left out: {}", e.toString());
            }
        }
        return new ClaimEvents(found);
    }

    public List<ClaimEventListener> listeners() {
        return listeners;
    }

    @Override
    public void claimStarted(ClaimStart claim) {
        tell("claimStarted", l -> l.claimStarted(claim));
    }

    @Override
    public void modelRequested(String label) {
        tell("modelRequested", l -> l.modelRequested(label));
    }

    @Override
    public void modelFetched(String label, TrainingRunRecord run) {
        tell("modelFetched", l -> l.modelFetched(label, run));
    }

    @Override
    public void modelTrained(String label, TrainingRunRecord run) {
        tell("modelTrained", l -> l.modelTrained(label, run));
    }

    @Override
    public void modelUnavailable(String label, Throwable error) {
        tell("modelUnavailable", l -> l.modelUnavailable(label, error));
    }

    @Override
    public void claimFinished(ClaimResult result) {
        tell("claimFinished", l -> l.claimFinished(result));
    }

    private void tell(String event, Consumer<ClaimEventListener> call) {
        for (ClaimEventListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException | LinkageError e) { // NOPMD: a missing library of a listener is its problem
                LOG.warn("claim event listener {} failed on {}; the claim goes on", l.getClass().getName(), event, e);
            }
        }
    }
}
