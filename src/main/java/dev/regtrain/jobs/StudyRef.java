package dev.regtrain.jobs;

import java.util.Objects;

/**
 * Which study a job was trained for and its place in it: the trial, the fold (null for the refit, or for a study
 * without cross-validation), the repeat of a repeated K-fold, and whether it is the refit on all the data.
 */
public record StudyRef(String id, int trial, Integer fold, Integer repeat, boolean refit) {

    public StudyRef {
        Objects.requireNonNull(id, "id");
    }
}
