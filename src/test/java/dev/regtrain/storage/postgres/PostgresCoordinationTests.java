package dev.regtrain.storage.postgres;

import static dev.regtrain.jobs.JobRecords.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.engine.LayerMetrics;
import dev.regtrain.jobs.InstanceAddress;
import dev.regtrain.jobs.JobCoordination;
import dev.regtrain.jobs.JobLostException;
import dev.regtrain.jobs.JobRecord;
import dev.regtrain.jobs.JobStatus;
import dev.regtrain.jobs.JobStop;
import dev.regtrain.jobs.StopReasonCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two instances on one database: claims, leases, fencing, cancels and the cluster view, through PostgreSQL alone. */
class PostgresCoordinationTests {

    private Database db;
    private final List<PostgresCoordination> started = new ArrayList<>();

    private record Instance(PostgresCoordination coordination, PostgresJobStore store, Recorder heard) {
    }

    /** What an instance's job service would be told. */
    private static final class Recorder implements JobCoordination.Listener {
        final ConcurrentLinkedQueue<String> cancels = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> lost = new ConcurrentLinkedQueue<>();

        @Override
        public void cancelRequested(String jobId) {
            cancels.add(jobId);
        }

        @Override
        public void lost(String jobId) {
            lost.add(jobId);
        }

        final ConcurrentLinkedQueue<String> ended = new ConcurrentLinkedQueue<>();

        @Override
        public void workAvailable() {
        }

        @Override
        public void ended(String jobId) {
            ended.add(jobId);
        }
    }

    @BeforeEach
    void emptyDatabase() {
        db = PostgresStores.empty();
    }

    @AfterEach
    void stopInstances() {
        started.forEach(PostgresCoordination::stop);
    }

    private Instance instance(String name, Duration lease) {
        Fences fences = new Fences();
        PostgresCoordination coordination = new PostgresCoordination(db, fences,
                new InstanceAddress(name + ":8080/1", "http://" + name + ":8080"), 1, lease,
                new Notifications(PostgresStores.dataSource(), db));
        return new Instance(coordination, new PostgresJobStore(db, fences), new Recorder());
    }

    private Instance startedInstance(String name, Duration lease) {
        Instance instance = instance(name, lease);
        instance.coordination().start(instance.heard());
        started.add(instance.coordination());
        return instance;
    }

    private static EpochMetrics row(int epoch) {
        return new EpochMetrics(epoch, 0.01, 0.1, 0.5, 0.5, 0, 0, 0, 0.5, null, Double.NaN, null, null,
                List.of(new LayerMetrics(1, 1, 2, 0, 0.1, 0.5, Double.NaN)));
    }

    @Test
    void twoInstancesNeverClaimTheSameJobAndTakeTheOldestFirst() {
        Instance a = instance("a", Duration.ofSeconds(30));
        Instance b = instance("b", Duration.ofSeconds(30));
        List<JobRecord> jobs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JobRecord job = aJob().createdAt(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i)).build();
            jobs.add(job);
            a.store().save(job);
        }

        List<String> byA = a.coordination().claim(2);
        List<String> byB = b.coordination().claim(2);

        assertThat(byA).containsExactly(jobs.get(0).id(), jobs.get(1).id());
        assertThat(byB).containsExactly(jobs.get(2).id());
        assertThat(a.coordination().claim(1)).isEmpty();
    }

    @Test
    void aJobWhoseLeaseRanOutMovesToAnotherInstanceAndTheFirstCanNoLongerWriteIt() {
        Instance a = instance("a", Duration.ofMillis(200)); // never renews: it is as good as dead
        Instance b = instance("b", Duration.ofSeconds(30));
        JobRecord job = aJob().running().build();
        a.store().save(job);
        assertThat(a.coordination().claim(1)).containsExactly(job.id());
        a.store().appendMetrics(job.id(), row(1));

        await().atMost(Duration.ofSeconds(10)).until(() -> b.coordination().claim(1).contains(job.id()));

        assertThatThrownBy(() -> a.store().appendMetrics(job.id(), row(2))).isInstanceOf(JobLostException.class);
        b.store().replaceMetrics(job.id(), List.of());
        b.store().appendMetrics(job.id(), row(1));
        assertThat(b.store().loadMetrics(job.id())).containsExactly(row(1));
    }

    @Test
    void theHeartbeatRenewsTheLeaseAndTellsAnInstanceThatLostAJob() {
        Instance a = startedInstance("a", Duration.ofMillis(600));
        Instance b = instance("b", Duration.ofSeconds(30));
        JobRecord job = aJob().running().build();
        a.store().save(job);
        assertThat(a.coordination().claim(1)).containsExactly(job.id());

        // renewed every 200 ms, so another instance finds nothing to claim for longer than the lease
        long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
            assertThat(b.coordination().claim(1)).isEmpty();
            return System.nanoTime() > until;
        });

        db.jdbc.update("update jobs set fencing_token = fencing_token + 1 where id = ?", job.id()); // taken over
        await().atMost(Duration.ofSeconds(5)).until(() -> a.heard().lost.contains(job.id()));
    }

    @Test
    void aCancelEndsAnUnclaimedJobAtOnceAndReachesTheInstanceThatTrainsAClaimedOne() {
        Instance a = startedInstance("a", Duration.ofSeconds(30));
        Instance b = startedInstance("b", Duration.ofSeconds(30));
        JobRecord waiting = aJob().build();
        JobRecord training = aJob().running().build();
        a.store().save(waiting);
        a.store().save(training);
        db.jdbc.update("update jobs set created_nanos = 0 where id = ?", training.id()); // the oldest: claimed first
        assertThat(a.coordination().claim(1)).containsExactly(training.id());

        JobRecord cancelled = waiting.finished(JobStatus.CANCELLED, Instant.now(),
                new JobStop(StopReasonCode.CANCELLED, 0, null, false, "cancelled while queued"), null, null);
        assertThat(b.coordination().cancelElsewhere(waiting.id(), cancelled)).isTrue();
        assertThat(b.coordination().cancelElsewhere(training.id(), training)).isFalse();

        assertThat(b.store().find(waiting.id()).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
        a.store().save(training.finished(JobStatus.SUCCEEDED, Instant.now(), null, null, null));
        await().atMost(Duration.ofSeconds(5)).until(() -> b.heard().ended.contains(training.id()));
        await().atMost(Duration.ofSeconds(5)).until(() -> a.heard().cancels.contains(training.id()));
        assertThat(b.heard().cancels).isEmpty();
    }

    @Test
    void theClusterViewListsEveryInstanceWithTheJobsItTrains() {
        Instance a = startedInstance("a", Duration.ofSeconds(30));
        Instance b = startedInstance("b", Duration.ofSeconds(30));
        JobRecord job = aJob().running().build();
        a.store().save(job);
        a.coordination().claim(1);

        JobCoordination.View view = b.coordination().view(1);

        assertThat(view.self()).isEqualTo("b:8080/1");
        assertThat(view.instances()).extracting(JobCoordination.Instance::id).containsExactly("b:8080/1",
                "a:8080/1");
        assertThat(view.instances()).allSatisfy(i -> assertThat(i.alive()).isTrue());
        Set<String> jobsOfA = new HashSet<>(view.instances().get(1).jobs());
        assertThat(jobsOfA).containsExactly(job.id());
        assertThat(view.instances().get(1).url()).isEqualTo("http://a:8080");
    }
}
