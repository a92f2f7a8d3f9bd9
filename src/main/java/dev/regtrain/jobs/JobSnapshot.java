package dev.regtrain.jobs;

import dev.regtrain.engine.EpochMetrics;
import java.util.List;

/** A job's record and its metrics rows read together: the rows are exactly the epochs the record counts. */
public record JobSnapshot(JobRecord record, List<EpochMetrics> metrics) {
}
