package dev.regtrain.api;

import dev.regtrain.jobs.JobStatus;
import dev.regtrain.jobs.StatusChange;
import dev.regtrain.studies.StudyRecord;
import dev.regtrain.studies.StudyRequest;
import dev.regtrain.studies.StudyResult;
import dev.regtrain.studies.TrialRecord;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A study as {@code GET /api/v1/studies/{id}} returns it. */
@Schema(description = "A study: its status, progress, trials with per-fold values, mean and standard error, and "
        + "once it ends how it chose (result) and its refit job")
record StudyResponse(String id, String name, JobStatus status, Instant createdAt, Instant startedAt,
                     Instant finishedAt, Progress progress, StudyRequest request, List<TrialRecord> trials,
                     StudyResult result, String error, boolean cancelRequested, List<StatusChange> history,
                     @Schema(description = "Who it and its jobs belong to ('anonymous' without keys)",
                             example = "team-a") String owner,
                     Links links) {

    /** Jobs ended of all the study trains, share, seconds since the start and an estimate of the seconds left. */
    @Schema(name = "StudyProgress", description = "Jobs ended of all the study trains, the share, seconds since "
            + "the start and an estimate of the seconds left")
    record Progress(int jobsDone, int jobs, double fraction, double elapsedSeconds, Double etaSeconds) {
    }

    @Schema(name = "StudyLinks")
    record Links(String self, String jobs, String results, String events, String cancel, List<String> plots) {

        static Links of(StudyRecord study) {
            String self = "/api/v1/studies/" + study.id();
            List<String> plots = new ArrayList<>(List.of(self + "/plots/validation-curve.png"));
            if ("path".equals(study.request().search().method())) {
                plots.add(self + "/plots/path.png");
            }
            return new Links(self, "/api/v1/jobs?study=" + study.id(), self + "/results", self + "/events",
                    self + "/cancel", plots);
        }
    }

    static StudyResponse of(StudyRecord study, Instant now) {
        return new StudyResponse(study.id(), study.name(), study.status(), study.createdAt(), study.startedAt(),
                study.finishedAt(), progress(study, now), study.request(), study.trials(), study.result(),
                study.error(), study.cancelRequested(), study.history(), study.owner().name(), Links.of(study));
    }

    static Progress progress(StudyRecord study, Instant now) {
        int done = study.jobsDone();
        int jobs = Math.max(1, study.jobs());
        double elapsed = 0;
        if (study.startedAt() != null) {
            Instant end = study.finishedAt() != null ? study.finishedAt() : now;
            elapsed = Math.max(0, (end.toEpochMilli() - study.startedAt().toEpochMilli()) / 1000.0);
        }
        Double eta = study.status().isFinal() ? Double.valueOf(0) : done > 0 ? elapsed / done * (jobs - done) : null;
        return new Progress(done, study.jobs(), Math.min(1, (double) done / jobs), elapsed, eta);
    }

    /** A study in a list. */
    @Schema(name = "StudySummary", description = "A study in a list")
    record Summary(String id, String name, JobStatus status, Instant createdAt, Instant finishedAt, Progress progress,
                   String method, StudyResult.Choice selected,
                   @Schema(description = "Who it belongs to ('anonymous' without keys)", example = "team-a")
                   String owner, Links links) {

        static Summary of(StudyRecord study, Instant now) {
            return new Summary(study.id(), study.name(), study.status(), study.createdAt(), study.finishedAt(),
                    StudyResponse.progress(study, now), study.request().search().method(),
                    study.result() == null ? null : study.result().selected(), study.owner().name(),
                    Links.of(study));
        }
    }

    @Schema(name = "StudyPage", description = "A page of studies, newest first")
    record Page(List<Summary> studies, String next) {
    }
}
