package dev.regtrain.api;

import dev.regtrain.common.Callers;
import dev.regtrain.common.Owner;
import dev.regtrain.common.ConflictException;
import dev.regtrain.datasets.DatasetRecord;
import dev.regtrain.datasets.DatasetService;
import dev.regtrain.idempotency.IdempotencyRecord;
import dev.regtrain.idempotency.IdempotencyService;
import dev.regtrain.idempotency.IdempotencyService.Claim;
import dev.regtrain.jobs.JobRecord;
import dev.regtrain.jobs.JobService;
import dev.regtrain.common.Sha256;
import dev.regtrain.jobs.request.JobRequest;
import dev.regtrain.studies.StudyRecord;
import dev.regtrain.studies.StudyRequest;
import dev.regtrain.studies.StudyService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates jobs and datasets, honouring an Idempotency-Key: the first response is rendered once and, for a key,
 * stored, so that a replay returns exactly the same bytes and creates nothing.
 */
@Component
class IdempotentRequests {

    private final IdempotencyService idempotency;
    private final JobService jobs;
    private final DatasetService datasets;
    private final JsonMapper json;
    private final Clock clock;
    private final StudyService studies;
    private final Callers callers;

    IdempotentRequests(IdempotencyService idempotency, JobService jobs, DatasetService datasets, JsonMapper json,
                       Clock clock, StudyService studies, Callers callers) {
        this.callers = callers;
        this.idempotency = idempotency;
        this.jobs = jobs;
        this.studies = studies;
        this.datasets = datasets;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The scope of a key: each owner's keys are their own (another owner's same key neither replays nor blocks
     * theirs); without keys, the scope as it always was.
     */
    private String scope(String resource) {
        Owner owner = callers.current().owner();
        return owner.equals(Owner.ANONYMOUS) ? resource : resource + "@" + owner.name();
    }

    ResponseEntity<String> submitJob(JobRequest request, String key) {
        if (key == null) {
            return jobCreated(jobs.submit(request));
        }
        String fingerprint = Sha256.hex(json.writeValueAsBytes(request));
        Claim claim = idempotency.claim(scope("jobs"), key, fingerprint);
        if (claim instanceof Claim.Replay replay) {
            return replayed(replay.record());
        }
        String id = resourceId(claim);
        return remember(scope("jobs"), key, () -> jobCreated(jobs.exists(id) ? jobs.get(id) : jobs.submit(request, id)),
                () -> fingerprint);
    }

    ResponseEntity<String> submitStudy(StudyRequest request, String key) {
        if (key == null) {
            return studyCreated(studies.create(request));
        }
        String fingerprint = Sha256.hex(json.writeValueAsBytes(request));
        Claim claim = idempotency.claim(scope("studies"), key, fingerprint);
        if (claim instanceof Claim.Replay replay) {
            return replayed(replay.record());
        }
        String id = resourceId(claim);
        return remember(scope("studies"), key, () -> studyCreated(studies.exists(id) ? studies.get(id)
                : studies.create(request, id)), () -> fingerprint);
    }

    private ResponseEntity<String> studyCreated(StudyRecord study) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/studies/" + study.id()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(StudyResponse.of(study, clock.instant())));
    }

    ResponseEntity<String> uploadDataset(InputStream body, String name, String label, String task, String imageShape,
                                         String key) {
        if (key == null) {
            return datasetCreated(datasets.upload(body, name, label, task, imageShape));
        }
        String query = String.join("\n", "name=" + name, "label=" + label, "task=" + task, "imageShape=" + imageShape);
        MessageDigest digest = Sha256.digest();
        digest.update(query.getBytes(StandardCharsets.UTF_8));
        InputStream digested = new DigestInputStream(body, digest);
        IdempotencyRecord seen = idempotency.find(scope("datasets"), key).orElse(null);
        if (seen != null && seen.completed()) {
            drain(digested); // the fingerprint covers the body: a replay must send the same bytes
            Claim claim = idempotency.claim(scope("datasets"), key, Sha256.hex(digest));
            if (claim instanceof Claim.Replay replay) {
                return replayed(replay.record());
            }
            // the stored answer expired while the body was read, and the body is gone: give the new claim up
            idempotency.abandon(scope("datasets"), key);
            throw new ConflictException("the stored answer for Idempotency-Key '" + key
                    + "' expired while the upload was received; send the request again to create the dataset");
        }
        Claim claim = idempotency.claim(scope("datasets"), key, null);
        String id = resourceId(claim);
        return remember(scope("datasets"), key, () -> {
            DatasetRecord record = datasets.find(id).orElse(null);
            if (record == null) {
                record = datasets.upload(digested, name, label, task, imageShape, id);
            }
            drain(digested);
            return datasetCreated(record);
        }, () -> Sha256.hex(digest));
    }

    /** The id a new or an unanswered claim creates its resource under. */
    private static String resourceId(Claim claim) {
        return claim instanceof Claim.Proceed proceed ? proceed.resourceId()
                : ((Claim.Unanswered) claim).record().resourceId();
    }

    /**
     * Creates the resource of a claimed key and stores the response under it, with the request's fingerprint, which
     * is asked for only once the resource exists (an upload's digest is complete only once its body has been read).
     * A failure gives the claim up, so that a retry with the key can try again.
     */
    private ResponseEntity<String> remember(String scope, String key, Supplier<ResponseEntity<String>> create,
                                            Supplier<String> fingerprint) {
        ResponseEntity<String> response;
        try {
            response = create.get();
        } catch (RuntimeException e) {
            idempotency.abandon(scope, key);
            throw e;
        }
        URI location = response.getHeaders().getLocation();
        idempotency.complete(scope, key, fingerprint.get(), response.getStatusCode().value(),
                location == null ? null : location.toString(), response.getBody());
        return response;
    }

    private ResponseEntity<String> jobCreated(JobRecord job) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/jobs/" + job.id()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(JobResponse.of(job, clock.instant())));
    }

    private ResponseEntity<String> datasetCreated(DatasetRecord record) {
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/datasets/" + record.id()))
                .contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(record));
    }

    private static ResponseEntity<String> replayed(IdempotencyRecord record) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(record.status())
                .contentType(MediaType.APPLICATION_JSON).header("Idempotent-Replayed", "true");
        if (record.location() != null) {
            builder.location(URI.create(record.location()));
        }
        return builder.body(record.body());
    }

    private static void drain(InputStream in) {
        try {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("the upload was interrupted", e);
        }
    }

}
