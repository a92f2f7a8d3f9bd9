package dev.regtrain.api;

import dev.regtrain.jobs.JobRecord;
import dev.regtrain.jobs.JobStatus;
import dev.regtrain.jobs.JobStop;
import java.time.Instant;
import java.util.List;

/** A job in a list: enough to show a table row with a progress bar. */
record JobSummary(String id, String name, JobStatus status, Instant createdAt, Instant startedAt, Instant finishedAt,
                  JobResponse.Progress progress, JobStop stop, JobResponse.Links links) {

    static JobSummary of(JobRecord job, Instant now) {
        return new JobSummary(job.id(), job.name(), job.status(), job.createdAt(), job.startedAt(), job.finishedAt(),
                JobResponse.progress(job, now), job.stop(), JobResponse.Links.of(job.id()));
    }

    /** A page of jobs, newest first; {@code next} is the cursor of the following page, null on the last. */
    record Page(List<JobSummary> jobs, String next) {
    }
}
