package dev.regtrain.jobs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Those told of every job that reaches a final state (a study follows its children so). */
final class EndListeners {

    private static final Logger log = LoggerFactory.getLogger(EndListeners.class);

    private final List<Consumer<JobRecord>> listeners = new CopyOnWriteArrayList<>();

    void add(Consumer<JobRecord> listener) {
        listeners.add(listener);
    }

    /** Tells every listener; what one throws is logged and does not keep the others from hearing. */
    void tell(JobRecord ended) {
        for (Consumer<JobRecord> listener : listeners) {
            try {
                listener.accept(ended);
            } catch (RuntimeException e) {
                log.warn("a listener failed on the end of job {}", ended.id(), e);
            }
        }
    }
}
