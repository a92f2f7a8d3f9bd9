package dev.regtrain.jobs;

import dev.regtrain.jobs.request.DatasetRequest;
import dev.regtrain.jobs.request.DatasetLookup;
import dev.regtrain.jobs.request.DatasetShape;
import dev.regtrain.jobs.request.JobRequest;
import dev.regtrain.jobs.request.RequestResolver;
import dev.regtrain.models.document.ModelDocument;
import dev.regtrain.storage.TestProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test-data builder of job records (JobRunr's habit): {@code aJob().running().build()}. Each status step appends to
 * the history as the lifecycle would, a second after the previous one.
 */
public final class JobRecords {

    private String id = UUID.randomUUID().toString();
    private Instant createdAt = Instant.parse("2026-01-01T00:00:00Z");
    /**
     * A request as the resolver leaves it (every default filled in, as every stored job has it), and as JSON reads it
     * back (a generator's whole-number parameter is then an Integer, not the resolver's Long).
     */
    private static final JobRequest RESOLVED = roundTrip(new RequestResolver(TestProperties.with().limits(),
            new DatasetLookup() {
                @Override
                public Optional<DatasetShape> uploaded(String id) {
                    return Optional.empty();
                }

                @Override
                public Optional<ModelDocument> checkpointModel(String jobId, String ref) {
                    return Optional.empty();
                }
            }).resolve(new JobRequest("a job", 1L, new DatasetRequest("moons", null, Map.of("samples", 100)), null,
                    null, null, null, null, null, null, null)).request());

    private static JobRequest roundTrip(JobRequest request) {
        JsonMapper json = JsonMapper.builder().build();
        return json.readValue(json.writeValueAsString(request), JobRequest.class);
    }

    private JobRequest request = RESOLVED;
    private JobStatus target = JobStatus.QUEUED;
    private StudyRef study;
    private dev.regtrain.common.Owner owner;

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
                request.validationSplit(), request.standardize(), request.network(), request.training(),
                request.regularization(), request.checkpoints(), request.initialWeights(), null);
        return this;
    }

    /** A child of study {@code studyId} (trial 0, fold 0). */
    public JobRecords inStudy(String studyId) {
        this.study = new StudyRef(studyId, 0, 0, 0, false);
        return this;
    }

    public JobRecords ownedBy(String ownerName) {
        this.owner = new dev.regtrain.common.Owner(ownerName);
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
        JobRecord record = JobRecord.queued(id, request, "J", createdAt, study, owner);
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
