package dev.regtrain.jobs;

import dev.regtrain.engine.EngineContext;

/** What a job's runner works with. */
record JobContext(JobStore store, CheckpointStore checkpoints, JobDatasets datasets, EngineContext engine,
                  JobLifecycle lifecycle, JobMetrics metrics) {
}
