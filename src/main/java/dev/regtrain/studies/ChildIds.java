package dev.regtrain.studies;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

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

    static String refit(String studyId) {
        return uuid("regtrain-study:" + studyId + ":refit");
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
