package dev.regtrain.webhooks;

import dev.regtrain.jobs.JobSnapshot;
import dev.regtrain.studies.StudyRecord;

/**
 * The {@code data} of an event: the resource as its GET returns it. The HTTP layer owns that representation and
 * implements this port.
 */
public interface EventData {

    Object job(JobSnapshot job);

    Object study(StudyRecord study);
}
