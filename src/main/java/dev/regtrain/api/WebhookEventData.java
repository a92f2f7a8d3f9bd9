package dev.regtrain.api;

import dev.regtrain.jobs.JobSnapshot;
import dev.regtrain.studies.StudyRecord;
import dev.regtrain.webhooks.EventData;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** An event's {@code data} is the resource as its GET returns it: the HTTP layer owns that representation. */
@Component
class WebhookEventData implements EventData {

    private final Clock clock;

    WebhookEventData(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Object job(JobSnapshot job) {
        return JobResponse.of(job.record(), clock.instant(), List.of(), job.diagnostics());
    }

    @Override
    public Object study(StudyRecord study) {
        return StudyResponse.of(study, clock.instant());
    }
}
