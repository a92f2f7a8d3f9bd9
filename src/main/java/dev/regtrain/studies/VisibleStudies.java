package dev.regtrain.studies;

import dev.regtrain.common.Callers;
import dev.regtrain.common.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place where studies are looked up for a caller: another owner's study is, for them, one that does not exist
 * (the same NotFoundException as an unknown id), and lists hold only their own (a page may come out shorter than the
 * limit; its next cursor still holds).
 */
final class VisibleStudies {

    private final Map<String, StudyRecord> live;
    private final StudyStore store;
    private final Callers callers;

    VisibleStudies(Map<String, StudyRecord> live, StudyStore store, Callers callers) {
        this.live = live;
        this.store = store;
        this.callers = callers;
    }

    Optional<StudyRecord> find(String id) {
        return Optional.ofNullable(id == null ? null : live.get(id)).or(() -> store.find(id))
                .filter(s -> callers.current().sees(s.owner()));
    }

    StudyRecord get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("no study with id '" + id + "'"));
    }

    List<StudyRecord> only(List<StudyRecord> studies) {
        return studies.stream().filter(s -> callers.current().sees(s.owner())).toList();
    }
}
