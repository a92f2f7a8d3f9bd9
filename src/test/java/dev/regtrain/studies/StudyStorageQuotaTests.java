package dev.regtrain.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.common.Owner;
import dev.regtrain.jobs.JobFilter;
import dev.regtrain.jobs.JobRecord;
import dev.regtrain.jobs.JobStatus;
import dev.regtrain.security.StorageQuotaExceededException;
import org.junit.jupiter.api.Test;

/**
 * regtrain.security.quota.max-stored-bytes and studies: a study is refused once its owner holds the quota; one that
 * has started runs all its children (and its refit) to the end even when their checkpoints pass the quota.
 */
class StudyStorageQuotaTests {

    private static final String GRID = StudyServiceTests.request("""
            {"method": "grid", "parameters": {"regularization.penalty.l2": {"values": [0.01, 0.1, 1]}}}""", "");

    /** One byte: the first child's checkpoints take the owner beyond it. */
    private final StudyHarness harness = StudyHarness.withStorageQuota(1);

    @Test
    void aStartedStudyRunsEveryChildBeyondTheQuotaAndANewOneIsRefusedUntilItIsDeleted() {
        StudyRecord first = harness.studies.create(StudyHarness.parse(GRID));
        harness.runAll();

        StudyRecord done = harness.studies.get(first.id());
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(harness.jobs.list(JobFilter.ofStudy(first.id()), 10, null).jobs())
                .as("three trials with two workers: the third is submitted after the quota is passed; and the refit")
                .hasSize(4).extracting(JobRecord::status).containsOnly(JobStatus.SUCCEEDED);
        assertThat(harness.checkpoints.storedBytes(harness.jobStore.idsOwnedBy(Owner.ANONYMOUS))).isGreaterThan(1);

        assertThatThrownBy(() -> harness.studies.create(StudyHarness.parse(GRID)))
                .isInstanceOf(StorageQuotaExceededException.class)
                .hasMessageContaining("DELETE /api/v1/jobs/{id}, /api/v1/studies/{id}");
        assertThat(harness.studyStore.page(java.util.Set.of(), 10, null).studies()).hasSize(1);

        harness.studies.delete(first.id());
        assertThat(harness.studies.create(StudyHarness.parse(GRID)).status()).isEqualTo(JobStatus.RUNNING);
    }
}
