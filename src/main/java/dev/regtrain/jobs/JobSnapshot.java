package dev.regtrain.jobs;

import dev.regtrain.engine.Diagnostics;
import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.engine.Finding;
import java.util.List;

/** A job's record and its metrics rows read together: the rows are exactly the epochs the record counts. */
public record JobSnapshot(JobRecord record, List<EpochMetrics> metrics) {

    /** The gradient diagnostics of these rows (MATH.md). */
    public List<Finding> diagnostics() {
        return Diagnostics.findings(metrics);
    }
}
