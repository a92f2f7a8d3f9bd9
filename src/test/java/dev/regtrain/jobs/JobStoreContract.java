package dev.regtrain.jobs;

import static dev.regtrain.jobs.JobRecords.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.common.Owner;
import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.engine.LayerMetrics;
import dev.regtrain.models.document.ModelDocument;
import dev.regtrain.models.document.ModelLayer;
import dev.regtrain.models.document.ModelMeta;
import dev.regtrain.models.document.StandardizationDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JobStore} adapter must do; each adapter's test class extends this one (STYLE.md: one contract
 * test per port), so that the file store, the in-memory fake and the database store cannot drift apart.
 */
public abstract class JobStoreContract {

    protected JobStore store;

    /** A store on empty storage. */
    protected abstract JobStore newStore();

    /** A new adapter on the same storage, as after a restart of the service. */
    protected abstract JobStore reopen();

    @BeforeEach
    void emptyStore() {
        store = newStore();
    }

    protected static EpochMetrics row(int epoch, double loss) {
        return new EpochMetrics(epoch, 0.01, 0.1, loss, loss, 0, 0, 0, 0.5, null, Double.NaN, null, null,
                List.of(new LayerMetrics(1, 1, 2, 0, 0.1, 0.5, Double.NaN)));
    }

    private static Instant minute(int m) {
        return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * m);
    }

    @Test
    void aSavedJobIsFoundAndASecondSaveReplacesIt() {
        JobRecord queued = aJob().build();
        store.save(queued);
        assertThat(store.find(queued.id())).contains(queued);

        JobRecord running = queued.started(minute(1), null, null);
        store.save(running);

        assertThat(store.find(queued.id())).contains(running);
        assertThat(store.find(queued.id()).orElseThrow().history()).extracting(StatusChange::status)
                .containsExactly(JobStatus.QUEUED, JobStatus.RUNNING);
        assertThat(store.find("no-such-job")).isEmpty();
        assertThat(store.find(null)).isEmpty();
    }

    @Test
    void pagesNewestFirstWithACursorThatIsStableWhileJobsArrive() {
        List<JobRecord> jobs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            JobRecord job = aJob().createdAt(minute(i)).build();
            jobs.add(job);
            store.save(job);
        }
        JobPage first = store.page(JobFilter.ALL, 2, null);
        store.save(aJob().createdAt(minute(10)).build()); // arrives between two pages
        JobPage second = store.page(JobFilter.ALL, 2, first.next());
        JobPage third = store.page(JobFilter.ALL, 2, second.next());

        assertThat(first.jobs()).containsExactly(jobs.get(4), jobs.get(3));
        assertThat(second.jobs()).containsExactly(jobs.get(2), jobs.get(1));
        assertThat(third.jobs()).containsExactly(jobs.get(0));
        assertThat(third.next()).isNull();
    }

    @Test
    void jobsCreatedAtTheSameInstantAreOrderedByIdAcrossPages() {
        for (String id : List.of("00000000-0000-0000-0000-00000000000a", "00000000-0000-0000-0000-00000000000c",
                "00000000-0000-0000-0000-00000000000b")) {
            store.save(aJob().withId(id).createdAt(minute(0)).build());
        }
        JobPage first = store.page(JobFilter.ALL, 2, null);
        JobPage second = store.page(JobFilter.ALL, 2, first.next());

        assertThat(first.jobs()).extracting(JobRecord::id).containsExactly(
                "00000000-0000-0000-0000-00000000000c", "00000000-0000-0000-0000-00000000000b");
        assertThat(second.jobs()).extracting(JobRecord::id).containsExactly("00000000-0000-0000-0000-00000000000a");
    }

    @Test
    void filtersByStatusCountsByStatusAndListsTheUnfinishedOldestFirst() {
        JobRecord running = aJob().createdAt(minute(2)).running().build();
        JobRecord queued = aJob().createdAt(minute(1)).build();
        JobRecord succeeded = aJob().createdAt(minute(3)).succeeded().build();
        JobRecord failed = aJob().createdAt(minute(4)).failed().build();
        List.of(running, queued, succeeded, failed).forEach(store::save);

        assertThat(store.page(new JobFilter(Set.of(JobStatus.SUCCEEDED, JobStatus.FAILED)), 10, null).jobs())
                .containsExactly(failed, succeeded);
        assertThat(store.unfinished()).containsExactly(queued, running);
        assertThat(store.countByStatus()).containsEntry(JobStatus.QUEUED, 1L).containsEntry(JobStatus.RUNNING, 1L)
                .containsEntry(JobStatus.SUCCEEDED, 1L).containsEntry(JobStatus.FAILED, 1L)
                .doesNotContainEntry(JobStatus.CANCELLED, 1L);
    }

    @Test
    void filtersByStudyAndByOwnerAsWellAsByStatus() {
        JobRecord mine = aJob().createdAt(minute(1)).ownedBy("team-a").inStudy("s1").succeeded().build();
        JobRecord minePlain = aJob().createdAt(minute(2)).ownedBy("team-a").build();
        JobRecord theirs = aJob().createdAt(minute(3)).ownedBy("team-b").inStudy("s1").build();
        JobRecord anonymous = aJob().createdAt(minute(4)).build();
        List.of(mine, minePlain, theirs, anonymous).forEach(store::save);

        assertThat(store.page(JobFilter.ofStudy("s1"), 10, null).jobs()).containsExactly(theirs, mine);
        assertThat(store.page(JobFilter.ALL.ownedBy(new Owner("team-a")), 10, null).jobs())
                .containsExactly(minePlain, mine);
        assertThat(store.page(JobFilter.ofStudy("s1").ownedBy(new Owner("team-a")), 10, null).jobs())
                .containsExactly(mine);
        assertThat(store.page(JobFilter.ALL.ownedBy(Owner.ANONYMOUS), 10, null).jobs()).containsExactly(anonymous);
        assertThat(store.page(new JobFilter(Set.of(JobStatus.QUEUED)).ownedBy(new Owner("team-b")), 10, null)
                .jobs()).containsExactly(theirs);
        JobPage first = store.page(JobFilter.ALL.ownedBy(new Owner("team-a")), 1, null);
        assertThat(first.jobs()).containsExactly(minePlain);
        assertThat(store.page(JobFilter.ALL.ownedBy(new Owner("team-a")), 1, first.next()).jobs())
                .containsExactly(mine);
    }

    @Test
    void listsTheIdsOfEveryJobOfOneOwnerWhateverItsStatus() {
        JobRecord done = aJob().createdAt(minute(1)).ownedBy("team-a").succeeded().build();
        JobRecord queued = aJob().createdAt(minute(2)).ownedBy("team-a").inStudy("s1").build();
        JobRecord theirs = aJob().createdAt(minute(3)).ownedBy("team-b").build();
        JobRecord anonymous = aJob().createdAt(minute(4)).build();
        List.of(done, queued, theirs, anonymous).forEach(store::save);

        assertThat(store.idsOwnedBy(new Owner("team-a"))).containsExactlyInAnyOrder(done.id(), queued.id());
        assertThat(store.idsOwnedBy(Owner.ANONYMOUS)).containsExactly(anonymous.id());
        assertThat(store.idsOwnedBy(new Owner("nobody"))).isEmpty();
        assertThat(reopen().idsOwnedBy(new Owner("team-b"))).containsExactly(theirs.id());

        store.delete(done.id());
        assertThat(store.idsOwnedBy(new Owner("team-a"))).containsExactly(queued.id());
    }

    @Test
    void aCursorThisServiceDidNotIssueIsRefused() {
        assertThatThrownBy(() -> store.page(JobFilter.ALL, 2, "not-a-cursor"))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void metricsAreAppendedReplacedAndReadInOrderWithNonFiniteValues() {
        JobRecord job = aJob().running().build();
        store.save(job);
        store.appendMetrics(job.id(), row(1, 0.9));
        store.appendMetrics(job.id(), row(2, Double.POSITIVE_INFINITY));
        assertThat(store.loadMetrics(job.id())).containsExactly(row(1, 0.9), row(2, Double.POSITIVE_INFINITY));

        store.replaceMetrics(job.id(), List.of(row(1, 0.8)));
        store.appendMetrics(job.id(), row(2, 0.7));

        assertThat(store.loadMetrics(job.id())).containsExactly(row(1, 0.8), row(2, 0.7));
        assertThat(store.loadMetrics("00000000-0000-0000-0000-000000000000")).isEmpty();
    }

    @Test
    void theModelContextAndTheInitialModelAreKept() {
        JobRecord job = aJob().build();
        store.save(job);
        ModelMeta meta = new ModelMeta("classification", 2, List.of("0", "1"),
                new StandardizationDocument(new double[] {0.5, -1}, new double[] {2, 3}));
        ModelDocument initial = new ModelDocument(ModelDocument.FORMAT, null, null, "classification", 2,
                List.of("0", "1"), null, List.of(new ModelLayer(2, 1, "sigmoid", new double[][] {{1}, {2}},
                new double[] {0.5})));
        store.saveModelMeta(job.id(), meta);
        store.saveInitialModel(job.id(), initial);

        ModelMeta readMeta = store.loadModelMeta(job.id()).orElseThrow();
        assertThat(readMeta.classes()).containsExactly("0", "1");
        assertThat(readMeta.standardization().std()).containsExactly(2, 3);
        assertThat(store.loadInitialModel(job.id()).orElseThrow().layers().get(0).weights()[1]).containsExactly(2);
        assertThat(store.loadModelMeta(aJob().build().id())).isEmpty();
    }

    @Test
    void deletingAJobRemovesItsRecordMetricsAndContextAndNothingElse() {
        JobRecord job = aJob().succeeded().build();
        JobRecord other = aJob().succeeded().build();
        store.save(job);
        store.save(other);
        store.appendMetrics(job.id(), row(1, 0.9));
        store.appendMetrics(other.id(), row(1, 0.5));
        store.saveModelMeta(job.id(), new ModelMeta("regression", 1, null, null));

        store.delete(job.id());

        assertThat(store.find(job.id())).isEmpty();
        assertThat(store.loadMetrics(job.id())).isEmpty();
        assertThat(store.loadModelMeta(job.id())).isEmpty();
        assertThat(store.page(JobFilter.ALL, 10, null).jobs()).containsExactly(other);
        assertThat(store.loadMetrics(other.id())).containsExactly(row(1, 0.5));
    }

    @Test
    void everythingSurvivesReopeningTheStore() {
        JobRecord job = aJob().running().build();
        store.save(job);
        store.appendMetrics(job.id(), row(1, 0.9));

        JobStore reopened = reopen();

        assertThat(reopened.find(job.id())).contains(job);
        assertThat(reopened.unfinished()).containsExactly(job);
        assertThat(reopened.loadMetrics(job.id())).containsExactly(row(1, 0.9));
        assertThat(reopened.countByStatus()).isEqualTo(Map.of(JobStatus.RUNNING, 1L));
    }
}
