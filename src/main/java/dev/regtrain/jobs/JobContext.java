package dev.regtrain.jobs;

import dev.regtrain.datasets.JobDatasets;
import dev.regtrain.engine.EngineContext;
import dev.regtrain.jobs.cores.SharedCores;

/** What a job's runner works with. */
record JobContext(JobStore store, CheckpointStore checkpoints, JobDatasets datasets, EngineContext engine,
                  SharedCores cores, JobLifecycle lifecycle, JobMetrics metrics) {
}
