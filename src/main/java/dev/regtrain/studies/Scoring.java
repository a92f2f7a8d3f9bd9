package dev.regtrain.studies;

import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.engine.LayerMetrics;
import dev.regtrain.jobs.JobRecord;
import dev.regtrain.jobs.JobSnapshot;
import dev.regtrain.jobs.JobStatus;
import dev.regtrain.jobs.request.HiddenLayerRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * What a fold job that ended gave its trial: the selection metric of the job's model (the one {@code GET …/model}
 * serves: its best epoch's row when it restored the best weights, else its last row) on the fold's validation part.
 */
final class Scoring {

    private Scoring() {
    }

    static FoldRecord fold(FoldRecord fold, JobSnapshot snapshot, SelectionMetric metric) {
        JobRecord job = snapshot.record();
        List<EpochMetrics> rows = snapshot.metrics();
        double seconds = job.trainingSeconds();
        if (job.status() != JobStatus.SUCCEEDED || rows.isEmpty()) {
            String reason = job.stop() != null ? job.stop().reason() + ": " + job.stop().detail()
                    : job.error() != null ? job.error().message() : "the job ended " + job.status();
            return new FoldRecord(fold.fold(), fold.repeat(), job.id(), job.status() == JobStatus.SUCCEEDED
                    ? JobStatus.FAILED : job.status(), reason, null, null, null, job.epochsDone(), seconds, null,
                    null);
        }
        EpochMetrics row = rows.get(rows.size() - 1);
        if (job.stop() != null && job.stop().restoredBestWeights() && job.stop().bestEpoch() != null) {
            int best = job.stop().bestEpoch();
            row = rows.stream().filter(r -> r.epoch() == best).findFirst().orElse(row);
        }
        Double value = metric.of(row);
        if (value == null || !Double.isFinite(value)) {
            return new FoldRecord(fold.fold(), fold.repeat(), job.id(), JobStatus.FAILED, "the model has no "
                    + metric.label() + " on its fold", null, null, null, job.epochsDone(), seconds, null, null);
        }
        Integer bestEpoch = job.stop() != null && job.stop().bestEpoch() != null ? job.stop().bestEpoch()
                : Integer.valueOf(row.epoch());
        List<Double> norms = new ArrayList<>();
        List<Double> zeros = new ArrayList<>();
        for (LayerMetrics layer : row.layers()) {
            norms.add(layer.weightNorm());
            zeros.add(layer.zeroFraction());
        }
        return new FoldRecord(fold.fold(), fold.repeat(), job.id(), JobStatus.SUCCEEDED, null, value, bestEpoch,
                zeroShare(job, zeros), job.epochsDone(), seconds, norms, zeros);
    }

    /** The share of all weights that are exactly zero: the layers' shares weighted by their sizes. */
    private static Double zeroShare(JobRecord job, List<Double> zeros) {
        if (job.data() == null || zeros.isEmpty()) {
            return null;
        }
        List<Integer> widths = new ArrayList<>();
        widths.add(job.data().inputs());
        for (HiddenLayerRequest layer : job.request().network().hidden()) {
            widths.add(layer.units());
        }
        widths.add(job.data().outputs());
        if (widths.size() != zeros.size() + 1) {
            return null;
        }
        double weights = 0;
        double zero = 0;
        for (int l = 0; l < zeros.size(); l++) {
            double size = (double) widths.get(l) * widths.get(l + 1);
            weights += size;
            zero += size * zeros.get(l);
        }
        return zero / weights;
    }
}
