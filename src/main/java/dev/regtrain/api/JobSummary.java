package dev.regtrain.api;

import dev.regtrain.jobs.BestValue;
import dev.regtrain.jobs.JobRecord;
import dev.regtrain.jobs.JobStatus;
import dev.regtrain.jobs.JobStop;
import dev.regtrain.jobs.StudyRef;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A job in a list: enough to show a table row with a progress bar. */
@Schema(description = "A job in a list: its status, progress, best monitored value and how it stopped")
record JobSummary(String id, String name, JobStatus status, Instant createdAt, Instant startedAt, Instant finishedAt,
                  JobResponse.Progress progress,
                  @Schema(description = "The best value of the monitored metric so far; null before the first epoch")
                  BestValue best,
                  @Schema(description = "How the job ended; null while it is queued or running") JobStop stop,
                  @Schema(description = "The study the job was trained for; null for a job of its own")
                  StudyRef study,
                  @Schema(description = "Who it belongs to ('anonymous' without keys)", example = "team-a")
                  String owner,
                  JobResponse.Links links) {

    static JobSummary of(JobRecord job, Instant now) {
        return new JobSummary(job.id(), job.name(), job.status(), job.createdAt(), job.startedAt(), job.finishedAt(),
                JobResponse.progress(job, now), job.best(), job.stop(), job.study(), job.owner().name(),
                JobResponse.Links.of(job.id()));
    }

    /** A page of jobs, newest first; {@code next} is the cursor of the following page, null on the last. */
    @Schema(name = "JobPage", description = "A page of jobs, newest first")
    record Page(List<JobSummary> jobs,
                @Schema(description = "The cursor of the next page (?cursor=); null on the last page") String next) {
    }
}
