package dev.regtrain.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.jobs.JobStatus;
import dev.regtrain.studies.StudyRecord;
import dev.regtrain.studies.StudyStore;
import dev.regtrain.studies.StudyStoreContract;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL adapter of the study store holds to the contract, and shares studies between instances: each is
 * moved on by the instance that created it until that instance's heartbeat is older than the lease timeout.
 */
class PostgresStudyStoreTests extends StudyStoreContract {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private StudyStore store;

    @Override
    protected StudyStore store() {
        if (store == null) {
            store = new PostgresStudyStore(PostgresStores.empty(), "here", LEASE);
        }
        return store;
    }

    @Override
    protected StudyStore reopened() {
        store();
        return new PostgresStudyStore(PostgresStores.database(), "here", LEASE);
    }

    private static void heartbeat(String instance, Duration ago) {
        PostgresStores.database().jdbc.update("insert into instances (id, url, workers, started_at, last_heartbeat) "
                + "values (?, 'http://x', 1, now(), now() - ? * interval '1 millisecond') on conflict (id) do update "
                + "set last_heartbeat = excluded.last_heartbeat", instance, ago.toMillis());
    }

    @Test
    void aStudyIsTakenOverOnlyOnceItsCoordinatorsHeartbeatIsOlderThanTheLease() {
        PostgresStudyStore a = new PostgresStudyStore(PostgresStores.empty(), "a", LEASE);
        PostgresStudyStore b = new PostgresStudyStore(PostgresStores.database(), "b", LEASE);
        heartbeat("a", Duration.ZERO);
        heartbeat("b", Duration.ZERO);
        StudyRecord study = aStudy(0, JobStatus.RUNNING);
        a.save(study);

        assertThat(b.coordinatedHere()).as("a is alive").isEmpty();
        assertThat(a.coordinatedHere()).containsExactly(study);

        heartbeat("a", LEASE.plusSeconds(1));
        assertThat(b.coordinatedHere()).as("a died").containsExactly(study);
        assertThat(a.coordinatedHere()).as("a came back: the study is b's now").isEmpty();
        assertThat(b.coordinatedHere()).containsExactly(study);
        StudyRecord done = aStudy(0, JobStatus.SUCCEEDED);
        b.save(new StudyRecord(study.id(), done.name(), done.status(), done.createdAt(), done.startedAt(),
                done.finishedAt(), done.request(), done.trials(), done.result(), done.jobs(), false, done.error(),
                done.history(), done.owner()));
        assertThat(b.coordinatedHere()).as("a study that ended is nobody's").isEmpty();
    }

    @Test
    void aStudyWhoseCoordinatorIsGoneFromTheInstancesIsTakenOver() {
        PostgresStudyStore a = new PostgresStudyStore(PostgresStores.empty(), "a", LEASE);
        PostgresStudyStore b = new PostgresStudyStore(PostgresStores.database(), "b", LEASE);
        StudyRecord study = aStudy(0, JobStatus.RUNNING);
        a.save(study);

        assertThat(b.coordinatedHere()).containsExactly(study);
    }

    @Test
    void aCancelAskedForThroughAnotherInstanceSurvivesTheCoordinatorsNextSave() {
        PostgresStudyStore a = new PostgresStudyStore(PostgresStores.empty(), "a", LEASE);
        PostgresStudyStore b = new PostgresStudyStore(PostgresStores.database(), "b", LEASE);
        StudyRecord study = aStudy(0, JobStatus.RUNNING);
        a.save(study);

        b.requestCancel(study.id());
        a.save(study);

        assertThat(a.find(study.id()).orElseThrow().cancelRequested()).isTrue();
        assertThat(a.coordinatedHere()).singleElement().extracting(StudyRecord::cancelRequested).isEqualTo(true);
    }
}
