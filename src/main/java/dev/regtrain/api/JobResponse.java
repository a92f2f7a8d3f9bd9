package dev.regtrain.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.regtrain.engine.Finding;
import dev.regtrain.jobs.BestValue;
import dev.regtrain.jobs.ContinuedFrom;
import dev.regtrain.jobs.DataSummary;
import dev.regtrain.jobs.JobError;
import dev.regtrain.jobs.JobRecord;
import dev.regtrain.jobs.JobStatus;
import dev.regtrain.jobs.JobStop;
import dev.regtrain.jobs.StatusChange;
import dev.regtrain.jobs.StudyRef;
import dev.regtrain.jobs.request.JobRequest;
import dev.regtrain.jobs.request.Objectives;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A job as {@code GET /api/v1/jobs/{id}} returns it. */
@Schema(description = "A training job: its status, progress, latest and best metrics, how it stopped, the request "
        + "with every default filled in, and the objective it minimises.")
record JobResponse(
        @Schema(example = "9b1d5e0c-4e6f-4c43-9a55-2f0b1e4f7a10") String id,
        @Schema(example = "moons-l2-dropout") String name,
        JobStatus status,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Progress progress,
        MetricsRow latest,
        BestValue best,
        JobStop stop,
        JobError error,
        JobRequest request,
        @Schema(description = "The objective the job minimises, with its actual λ and m, and what acts outside it",
                example = "J = (1/m)·Σℓ + (0.5/(2m))·Σ‖W‖²_F, biases not penalised, m = 800") String objective,
        @Schema(description = "The regularisation in a few words, as the dashboard and the plots' captions show it",
                example = "L2 λ₂ = 0.5 · dropout hidden 0.5 · early stopping on val_loss, patience 10")
        String regularizationSummary,
        DataSummary data,
        @Schema(description = "The checkpoint epoch the job continued from after a restart; null when never resumed")
        Integer resumedFromEpoch,
        @Schema(description = "Every status the job entered, oldest first, with when (and why, for a resume)")
        List<StatusChange> history,
        @Schema(description = "Damage found in what is stored for the job (a metrics line, a checkpoint), each a "
                + "sentence saying what is not served; empty when all is intact")
        List<String> warnings,
        @Schema(description = "The job and epoch this job continues (POST .../continue); null for a job trained "
                + "from its start") ContinuedFrom continuedFrom,
        @Schema(description = "Gradient diagnostics found in the metrics so far (MATH.md): vanishing or exploding "
                + "gradients, dead units, saturation, each with its layer, first epoch and a sentence with the "
                + "numbers and the remedies") List<Finding> diagnostics,
        @Schema(description = "The study the job was trained for and its place in it; null for a job of its own")
        StudyRef study,
        @Schema(description = "Who it belongs to: the owner of the key that created it ('anonymous' without keys)",
                example = "team-a") String owner,
        Links links) {

    /** Epochs done, share of the plan, wall-clock seconds since the start and an estimate of the seconds left. */
    record Progress(@Schema(example = "37") int epoch, @Schema(example = "200") int epochs,
                    @Schema(example = "0.185") double fraction, @Schema(example = "3.2") double elapsedSeconds,
                    @Schema(example = "14.1") Double etaSeconds) {
    }

    /** Where to find everything about the job. */
    record Links(String self, String metrics, String checkpoints, String model, String predictions, String events,
                 String cancel, @JsonProperty("continue") String continueJob, String gradientCheck,
                 String evaluations, String gradientsPlot) {

        static Links of(String id) {
            String self = "/api/v1/jobs/" + id;
            return new Links(self, self + "/metrics", self + "/checkpoints", self + "/model", self + "/predictions",
                    self + "/events", self + "/cancel", self + "/continue", self + "/gradient-check",
                    self + "/evaluations", self + "/plots/gradients.png");
        }
    }

    /** A job just created: no diagnostics, no damage. */
    static JobResponse of(JobRecord job, Instant now) {
        return of(job, now, List.of(), List.of());
    }

    /** The job with the damage found in its stored files and the diagnostics its metrics rows show. */
    static JobResponse of(JobRecord job, Instant now, List<String> warnings, List<Finding> diagnostics) {
        return new JobResponse(job.id(), job.name(), job.status(), job.createdAt(), job.startedAt(),
                job.finishedAt(), progress(job, now), MetricsRow.of(job.latest()), job.best(), job.stop(),
                job.error(), job.request(), job.objective(), Objectives.summary(job.request().regularization()),
                job.data(), job.resumedFromEpoch(), job.history(), List.copyOf(warnings), job.continuedFrom(),
                diagnostics, job.study(), job.owner().name(), Links.of(job.id()));
    }

    static Progress progress(JobRecord job, Instant now) {
        int epochs = job.request().training().epochs();
        int done = job.epochsDone();
        double elapsed = 0;
        if (job.startedAt() != null) {
            Instant end = job.finishedAt() != null ? job.finishedAt() : now;
            elapsed = Math.max(0, (end.toEpochMilli() - job.startedAt().toEpochMilli()) / 1000.0);
        }
        Double eta = null;
        if (job.status().isFinal()) {
            eta = 0.0;
        } else if (job.status() == JobStatus.RUNNING && done > 0) {
            eta = job.trainingSeconds() / done * (epochs - done);
        }
        return new Progress(done, epochs, (double) done / epochs, elapsed, eta);
    }
}
