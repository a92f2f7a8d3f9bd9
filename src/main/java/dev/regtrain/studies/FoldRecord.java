package dev.regtrain.studies;

import dev.regtrain.jobs.JobStatus;
import java.util.List;

/**
 * One fold job of a trial and what it gave: the selection metric of its model on its fold's validation part
 * ({@code value}), the epoch that model is from, its share of exactly-zero weights, and each weight layer's ‖W‖_F and
 * zero share (the regularisation path). Before the job is submitted, {@code job} and {@code status} are null.
 *
 * @param reason why the job did not succeed (its stop detail), else null
 * @param epochs epochs the job trained; {@code seconds} the time they took
 */
public record FoldRecord(int fold, int repeat, String job, JobStatus status, String reason, Double value,
                         Integer bestEpoch, Double zeroFraction, Integer epochs, Double seconds,
                         List<Double> weightNorms, List<Double> zeroFractions) {

    public FoldRecord {
        weightNorms = weightNorms == null ? List.of() : List.copyOf(weightNorms);
        zeroFractions = zeroFractions == null ? List.of() : List.copyOf(zeroFractions);
    }

    static FoldRecord waiting(int fold, int repeat) {
        return new FoldRecord(fold, repeat, null, null, null, null, null, null, null, null, null, null);
    }

    /** Whether the job ended (or could not be submitted). */
    public boolean ended() {
        return status != null && status.isFinal();
    }

    public boolean succeeded() {
        return status == JobStatus.SUCCEEDED && value != null;
    }

    FoldRecord submitted(String jobId, JobStatus now) {
        return new FoldRecord(fold, repeat, jobId, now, null, null, null, null, null, null, null, null);
    }
}
