package dev.regtrain.studies;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A study's children have ids derived from their place in it, so that after a crash the study finds every child it
 * submitted (even one whose submission its record never saw) and never submits one twice.
 */
final class ChildIds {

    private ChildIds() {
    }

    static String fold(String studyId, int trial, int repeat, int fold) {
        return uuid("regtrain-study:" + studyId + ":" + trial + ":" + repeat + ":" + fold);
    }

    /** The ids of the study's fold jobs whose fold {@code which} accepts, then the refit's, in the study's order. */
    static List<String> of(StudyRecord study, Predicate<FoldRecord> which) {
        List<String> ids = new ArrayList<>();
        study.trials().forEach(t -> t.folds().stream().filter(which)
                .forEach(f -> ids.add(fold(study.id(), t.trial(), f.repeat(), f.fold()))));
        ids.add(refit(study.id()));
        return ids;
    }

    static String refit(String studyId) {
        return uuid("regtrain-study:" + studyId + ":refit");
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
