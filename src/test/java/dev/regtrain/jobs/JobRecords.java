package dev.regtrain.jobs;

import dev.regtrain.jobs.request.DatasetRequest;
import dev.regtrain.jobs.request.JobRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A test-data builder of job records (JobRunr's habit): {@code aJob().running().build()}. Each status step appends to
 * the history as the lifecycle would, a second after the previous one.
 */
public final class JobRecords {

    private String id = UUID.randomUUID().toString();
    private Instant createdAt = Instant.parse("2026-01-01T00:00:00Z");
    private JobRequest request = new JobRequest("a job", 1L, new DatasetRequest("moons", null,
            Map.of("samples", 100)), 0.2, true, null, null, null, null, null);
    private JobStatus target = JobStatus.QUEUED;

    private JobRecords() {
    }

    public static JobRecords aJob() {
        return new JobRecords();
    }

    public JobRecords withId(String newId) {
        this.id = newId;
        return this;
    }

    public JobRecords createdAt(Instant at) {
        this.createdAt = at;
        return this;
    }

    public JobRecords onDataset(String datasetId) {
        this.request = new JobRequest(request.name(), request.seed(), new DatasetRequest(null, datasetId, null),
                request.validationSplit(), request.standardize(), null, null, null, null, null);
        return this;
    }

    public JobRecords running() {
        return in(JobStatus.RUNNING);
    }

    public JobRecords succeeded() {
        return in(JobStatus.SUCCEEDED);
    }

    public JobRecords failed() {
        return in(JobStatus.FAILED);
    }

    public JobRecords cancelled() {
        return in(JobStatus.CANCELLED);
    }

    public JobRecords in(JobStatus status) {
        this.target = status;
        return this;
    }

    public JobRecord build() {
        JobRecord record = JobRecord.queued(id, request, "J", createdAt);
        Instant at = createdAt;
        if (target == JobStatus.QUEUED) {
            return record;
        }
        if (target != JobStatus.CANCELLED) {
            at = at.plus(Duration.ofSeconds(1));
            record = record.started(at, null, null);
        }
        if (target.isFinal()) {
            at = at.plus(Duration.ofSeconds(1));
            StopReasonCode reason = switch (target) {
                case SUCCEEDED -> StopReasonCode.COMPLETED;
                case CANCELLED -> StopReasonCode.CANCELLED;
                default -> StopReasonCode.FAILED;
            };
            record = record.finished(target, at, new JobStop(reason, 0, null, false, "built for a test"),
                    target == JobStatus.FAILED ? new JobError("built for a test") : null, null);
        }
        return record;
    }
}
