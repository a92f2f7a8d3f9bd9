package dev.regtrain.studies;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which unfinished studies this instance moves on. Alone, all of them. With a store shared by several instances, the
 * ones it created, until it dies: then another instance takes them over from the store (their children, with ids
 * derived from their place, tell the new coordinator where the study stands); one taken over while this instance
 * could not renew its heartbeat is let go. A cancel asked for through another instance reaches the coordinator's
 * steps through the store.
 */
final class StudyAdoption {

    private static final Logger log = LoggerFactory.getLogger(StudyAdoption.class);

    private final StudyStore store;
    private final Map<String, StudyRecord> live;

    StudyAdoption(StudyStore store, Map<String, StudyRecord> live) {
        this.store = store;
        this.live = live;
    }

    /**
     * Takes over the studies of instances that died and lets go of those another instance coordinates now; answers
     * the studies that need a step: those taken over, and those with a cancel asked for elsewhere.
     */
    List<String> refresh() {
        Set<String> held = Set.copyOf(live.keySet());
        List<StudyRecord> mine;
        try {
            mine = store.coordinatedHere();
        } catch (RuntimeException e) {
            log.warn("the studies of other instances cannot be checked now ({}); tried again soon", e.getMessage());
            return List.of();
        }
        Set<String> mineIds = mine.stream().map(StudyRecord::id).collect(Collectors.toSet());
        List<String> toStep = new ArrayList<>();
        for (StudyRecord study : mine) {
            StudyRecord before = live.putIfAbsent(study.id(), study);
            if (before == null) {
                if (store.shared()) {
                    log.info("study {} is moved on by this instance now", study.id());
                }
                toStep.add(study.id());
            } else if (study.cancelRequested() && !before.cancelRequested()) {
                toStep.add(study.id());
            }
        }
        for (String id : held) {
            if (!mineIds.contains(id)) {
                StudyRecord gone = live.remove(id);
                if (gone != null && !gone.status().isFinal()) {
                    log.warn("study {} is moved on by another instance now (this one missed its heartbeat)", id);
                }
            }
        }
        return toStep;
    }

    /** The study as this instance holds it, with a cancel asked for through another instance. */
    StudyRecord withCancelFromElsewhere(StudyRecord study) {
        if (!store.shared() || study.cancelRequested()) {
            return study;
        }
        return store.find(study.id()).filter(StudyRecord::cancelRequested).map(s -> study.cancelling())
                .orElse(study);
    }
}
