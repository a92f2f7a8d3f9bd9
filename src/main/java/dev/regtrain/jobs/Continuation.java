package dev.regtrain.jobs;

import dev.regtrain.common.ConflictException;
import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.engine.TrainingState;
import dev.regtrain.jobs.request.JobRequest;
import dev.regtrain.jobs.request.Objectives;
import dev.regtrain.jobs.request.RequestResolver;
import java.time.Instant;
import java.util.Optional;

/**
 * A final job continued by more epochs (API.md, continue): a new job whose request asks for the original's epochs
 * plus the extra ones and that starts from the original's last complete state (weights, optimizer moments, schedule,
 * random streams, history), so that it trains exactly the epochs a longer job would have. That state, and the best
 * checkpoint with it, become the new job's own first checkpoints: whenever the new job starts, also after a restart,
 * it finds them there.
 */
record Continuation(JobRecord record, CheckpointStore.Loaded latest, Optional<CheckpointStore.Loaded> best) {

    static Continuation of(JobRecord original, int extraEpochs, String newId, CheckpointStore checkpoints,
                           RequestResolver resolver, int maxEpochs, Instant now) {
        if (!original.status().isFinal()) {
            throw new ConflictException("job " + original.id() + " is " + original.status()
                    + "; only a job that has ended can be continued");
        }
        CheckpointStore.Loaded latest = checkpoints.load(original.id(), "latest").orElseThrow(() ->
                new ConflictException("job " + original.id() + " has no checkpoint to continue from"));
        TrainingState state = latest.state();
        if (extraEpochs < 1 || extraEpochs > maxEpochs - state.epoch()) {
            throw new InvalidRequestException("epochs", "must be between 1 and " + (maxEpochs - state.epoch())
                    + " (the job stopped after epoch " + state.epoch() + "; limit regtrain.limits.max-epochs is "
                    + maxEpochs + "); got " + extraEpochs);
        }
        JobRequest request = resolver.resolve(original.request().continued(state.epoch(), extraEpochs)).request();
        ContinuedFrom from = new ContinuedFrom(original.id(), state.epoch());
        BestValue best = state.earlyStopping().best() == null || original.best() == null ? null
                : new BestValue(state.earlyStopping().bestEpoch(), original.best().monitor(),
                state.earlyStopping().best());
        JobRecord record = JobRecord.continuing(newId, request, Objectives.describe(request, null), now, from,
                state.history(), best, original.owner());
        return new Continuation(record, latest, checkpoints.load(original.id(), "best"));
    }

    /** Stores the new job's record, its history and its first checkpoints. */
    void persist(JobStore store, CheckpointStore checkpoints) {
        String id = record.id();
        best.ifPresent(b -> checkpoints.save(id, CheckpointKind.BEST, b.state(), b.info().monitorValue()));
        checkpoints.save(id, CheckpointKind.PERIODIC, latest.state(), latest.info().monitorValue());
        store.replaceMetrics(id, latest.state().history());
        store.save(record);
    }
}
