package dev.regtrain.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.jobs.JobStatus;
import dev.regtrain.jobs.StatusChange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every StudyStore adapter must do; each adapter's test class extends this with its store. */
public abstract class StudyStoreContract {

    protected abstract StudyStore store();

    /** The same store as a new process would open it (for adapters that keep anything in memory). */
    protected abstract StudyStore reopened();

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    public static StudyRecord aStudy(int second, JobStatus status) {
        Instant at = T0.plusSeconds(second);
        StudyRequest request = new StudyRequest("s", 7L, null, new StudyRequest.Search("path",
                Map.of("regularization.penalty.l2", new StudyRequest.ValueSpec(List.of(1.0, 0.1), null, null, null)),
                null), new StudyRequest.CrossValidation(3, "modulo", 1), new StudyRequest.Selection("val_loss",
                "min"), true, 0);
        FoldRecord fold = new FoldRecord(0, 0, UUID.randomUUID().toString(), JobStatus.SUCCEEDED, null, 0.25, 12,
                0.5, 40, 1.5, List.of(2.0), List.of(0.5));
        TrialRecord trial = TrialRecord.summarised(0, Map.of("regularization.penalty.l2", 1.0), List.of(fold));
        StudyRecord study = new StudyRecord(UUID.randomUUID().toString(), "s", JobStatus.RUNNING, at, at, null,
                request, List.of(trial), null, 3, false, null,
                List.of(StatusChange.of(JobStatus.QUEUED, at), StatusChange.of(JobStatus.RUNNING, at)), null);
        return status.isFinal() ? study.finished(status, at.plusSeconds(1), status == JobStatus.FAILED ? "broke"
                : null) : study;
    }

    @Test
    void aSavedStudyReadsBackEqualAlsoAfterAReopen() {
        StudyRecord study = aStudy(0, JobStatus.RUNNING);
        store().save(study);

        assertThat(store().find(study.id())).contains(study);
        assertThat(reopened().find(study.id())).contains(study);
    }

    @Test
    void aSaveReplacesTheRecordAndDeleteRemovesIt() {
        StudyRecord study = aStudy(0, JobStatus.RUNNING);
        store().save(study);
        StudyRecord done = study.finished(JobStatus.SUCCEEDED, T0.plusSeconds(9), null);
        store().save(done);

        assertThat(store().find(study.id())).contains(done);
        assertThat(store().unfinished()).isEmpty();
        store().delete(study.id());
        assertThat(store().find(study.id())).isEmpty();
        assertThat(reopened().find(study.id())).isEmpty();
    }

    @Test
    void listsNewestFirstByStatusInPages() {
        StudyRecord a = aStudy(1, JobStatus.SUCCEEDED);
        StudyRecord b = aStudy(2, JobStatus.RUNNING);
        StudyRecord c = aStudy(3, JobStatus.FAILED);
        List.of(a, b, c).forEach(store()::save);

        StudyPage first = store().page(Set.of(), 2, null);
        assertThat(first.studies()).containsExactly(c, b);
        assertThat(store().page(Set.of(), 2, first.next()).studies()).containsExactly(a);
        assertThat(store().page(Set.of(), 2, first.next()).next()).isNull();
        assertThat(store().page(Set.of(JobStatus.SUCCEEDED, JobStatus.FAILED), 10, null).studies())
                .containsExactly(c, a);
        assertThat(store().unfinished()).containsExactly(b);
        assertThatThrownBy(() -> store().page(Set.of(), 2, "not-a-cursor"))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void coordinatesTheUnfinishedStudiesItSavedOldestFirst() {
        StudyRecord done = aStudy(1, JobStatus.SUCCEEDED);
        StudyRecord older = aStudy(2, JobStatus.RUNNING);
        StudyRecord newer = aStudy(3, JobStatus.RUNNING);
        List.of(newer, done, older).forEach(store()::save);

        assertThat(store().coordinatedHere()).containsExactly(older, newer);
    }

    @Test
    void aCancelAskedForThroughTheStoreReadsBack() {
        StudyRecord study = aStudy(0, JobStatus.RUNNING);
        store().save(study);

        store().requestCancel(study.id());

        assertThat(store().find(study.id()).orElseThrow().cancelRequested()).isTrue();
        assertThat(store().coordinatedHere()).singleElement().extracting(StudyRecord::cancelRequested)
                .isEqualTo(true);
    }
}
