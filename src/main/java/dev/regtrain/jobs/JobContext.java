package dev.regtrain.jobs;

import dev.regtrain.datasets.JobDatasets;
import dev.regtrain.engine.EngineContext;
import dev.regtrain.jobs.cores.SharedCores;

/**
 * What a job's runner works with.
 *
 * @param waitForStore whether a training job waits for a store that cannot be reached (a shared database restarting)
 *                     instead of failing
 */
record JobContext(JobStore store, CheckpointStore checkpoints, JobDatasets datasets, EngineContext engine,
                  SharedCores cores, JobLifecycle lifecycle, JobMetrics metrics, boolean waitForStore) {
}
