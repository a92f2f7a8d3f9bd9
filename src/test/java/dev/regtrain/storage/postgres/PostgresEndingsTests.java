package dev.regtrain.storage.postgres;

import static dev.regtrain.jobs.JobRecords.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.common.Caller;
import dev.regtrain.common.MutableClock;
import dev.regtrain.jobs.JobLostException;
import dev.regtrain.jobs.JobRecord;
import dev.regtrain.jobs.JobSnapshot;
import dev.regtrain.jobs.JobStatus;
import dev.regtrain.studies.StudyRecord;
import dev.regtrain.webhooks.EventData;
import dev.regtrain.webhooks.Fixtures;
import dev.regtrain.webhooks.SharedOutbox;
import dev.regtrain.webhooks.WebhookEvents;
import dev.regtrain.webhooks.WebhookRequest;
import dev.regtrain.webhooks.WebhookService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * With PostgreSQL a job's end and its final record are one transaction: both are saved, or neither (an instance that
 * lost the job announces nothing), and no other instance sees one without the other.
 */
class PostgresEndingsTests {

    private final MutableClock clock = new MutableClock(Fixtures.T0);
    private final Fences fences = new Fences();
    private Database db;
    private PostgresJobStore jobs;
    private SharedOutbox outbox;
    private WebhookEvents events;
    private JobRecord running;
    private JobRecord succeeded;

    @BeforeEach
    void aWebhookAndARunningJob() {
        db = PostgresStores.empty();
        jobs = new PostgresJobStore(db, fences);
        outbox = new SharedOutbox(new PostgresOutboxStore(db, Duration.ofMinutes(1),
                PostgresStores.notifications()));
        WebhookService webhooks = new WebhookService(new PostgresWebhookStore(db), outbox, () -> Caller.LOCAL, clock,
                true);
        webhooks.create(new WebhookRequest("https://receiver.example/hook", List.of("job.succeeded"), null, null));
        events = new WebhookEvents(outbox, webhooks, new EventData() {
            @Override
            public Object job(JobSnapshot job) {
                return Map.of("id", job.record().id(), "status", job.record().status());
            }

            @Override
            public Object study(StudyRecord study) {
                return Map.of("id", study.id());
            }
        }, JsonMapper.builder().build(), clock);
        running = aJob().running().build();
        jobs.save(running);
        succeeded = running.finished(JobStatus.SUCCEEDED, Fixtures.T0.plusSeconds(60), null, null, null);
    }

    private void end(JobRecord record) {
        events.jobEnded(new JobSnapshot(record, List.of()), () -> jobs.save(record));
    }

    @Test
    void aJobsEndAndItsFinalRecordAreSavedTogether() {
        end(succeeded);

        assertThat(jobs.find(running.id())).contains(succeeded);
        assertThat(outbox.pending()).singleElement().satisfies(e -> {
            assertThat(e.resource()).isEqualTo("job:" + running.id());
            assertThat(e.body()).contains("\"status\":\"SUCCEEDED\"");
        });
    }

    @Test
    void anInstanceThatLostTheJobAnnouncesNothing() {
        db.jdbc.update("update jobs set fencing_token = 7 where id = ?", running.id());
        fences.hold(running.id(), 7);
        db.jdbc.update("update jobs set fencing_token = 8 where id = ?", running.id()); // another instance took it

        assertThatThrownBy(() -> end(succeeded)).isInstanceOf(JobLostException.class);

        assertThat(outbox.pending()).isEmpty();
        assertThat(jobs.find(running.id())).contains(running);
    }

    @Test
    void whileTheFinalRecordIsBeingSavedOtherInstancesSeeNeitherItNorItsEnd() {
        PostgresJobStore otherJobs = new PostgresJobStore(db, new Fences());
        SharedOutbox otherOutbox = new SharedOutbox(new PostgresOutboxStore(db, Duration.ofMinutes(1),
                PostgresStores.notifications()));
        List<Object> seenMeanwhile = new java.util.ArrayList<>();

        events.jobEnded(new JobSnapshot(succeeded, List.of()), () -> {
            jobs.save(succeeded);
            seenMeanwhile.addAll(CompletableFuture.supplyAsync(() -> List.of(otherJobs.find(running.id())
                    .orElseThrow().status(), otherOutbox.due(clock.instant()).size())).join());
        });

        assertThat(seenMeanwhile).containsExactly(JobStatus.RUNNING, 0);
        assertThat(otherJobs.find(running.id()).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(otherOutbox.due(clock.instant())).hasSize(1);
    }
}
