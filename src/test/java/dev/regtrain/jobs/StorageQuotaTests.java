package dev.regtrain.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.common.Caller;
import dev.regtrain.common.Owner;
import dev.regtrain.datasets.DatasetRecord;
import dev.regtrain.security.StorageQuota;
import dev.regtrain.security.StorageQuotaExceededException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * regtrain.security.quota.max-stored-bytes in the services: uploads beyond it and new jobs once it is reached are
 * refused with nothing stored or queued; running jobs finish; other owners are unaffected; deleting makes room. The
 * limits are set from sizes measured on a service without a limit, so the tests hold whatever the formats weigh.
 */
class StorageQuotaTests {

    private static final Caller TEAM_A = new Caller(new Owner("team-a"), false);
    private static final Caller TEAM_B = new Caller(new Owner("team-b"), false);
    private static final String CSV = "x1,x2,label\n-1.0,0.2,0\n-0.5,0.8,0\n0.0,1.0,0\n1.0,-0.4,1\n1.5,-0.3,1\n";
    /** The bytes one upload of {@link #CSV} takes in the store. */
    private static final long DATASET = measuredDatasetBytes();
    /** The bytes of the checkpoints {@code Lifecycle.moons(4)} leaves. */
    private static final long JOB = measuredJobBytes();

    private static long measuredDatasetBytes() {
        Lifecycle unlimited = Lifecycle.withStorageQuota(0);
        upload(unlimited);
        return unlimited.datasetStore.storedBytes(Owner.ANONYMOUS);
    }

    private static long measuredJobBytes() {
        Lifecycle unlimited = Lifecycle.withStorageQuota(0);
        String id = unlimited.service.submit(Lifecycle.moons(4)).id();
        unlimited.workOnNext();
        return unlimited.checkpoints.storedBytes(List.of(id));
    }

    private static DatasetRecord upload(Lifecycle lifecycle) {
        return lifecycle.datasets.upload(body(), "tiny", null, null, null);
    }

    private static InputStream body() {
        return new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8));
    }

    /** A body that must not be read: an owner at its quota is refused before the upload is received. */
    private static InputStream unreadable() {
        return new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body of a refused upload was read");
            }
        };
    }

    private static StorageQuotaExceededException refusal(Throwable e) {
        return (StorageQuotaExceededException) e;
    }

    @Test
    void theMeasuredSizesAreRealBytes() {
        assertThat(DATASET).isPositive();
        assertThat(JOB).as("moons(4) leaves checkpoints").isGreaterThan(2 * DATASET);
    }

    @Test
    void anUploadBeyondTheQuotaIsRefusedWithTheNumbersAndNothingIsStored() {
        Lifecycle lifecycle = Lifecycle.withStorageQuota(DATASET + DATASET / 2);
        lifecycle.caller = TEAM_A;
        DatasetRecord first = upload(lifecycle);

        assertThatThrownBy(() -> upload(lifecycle)).isInstanceOf(StorageQuotaExceededException.class)
                .hasMessageContaining(StorageQuota.PROPERTY).hasMessageContaining("DELETE /api/v1/datasets/{id}")
                .satisfies(e -> {
                    assertThat(refusal(e).owner()).isEqualTo(TEAM_A.owner());
                    assertThat(refusal(e).amounts()).containsExactly(
                            java.util.Map.entry("storedBytes", DATASET), java.util.Map.entry("datasetBytes", DATASET),
                            java.util.Map.entry("checkpointBytes", 0L), java.util.Map.entry("newDatasetBytes", DATASET),
                            java.util.Map.entry("limitBytes", DATASET + DATASET / 2));
                });

        assertThat(lifecycle.datasets.list()).extracting(DatasetRecord::id).containsExactly(first.id());
        assertThat(lifecycle.datasetStore.storedBytes(TEAM_A.owner())).isEqualTo(DATASET);
    }

    @Test
    void anotherOwnerIsUnaffectedAndDeletingADatasetMakesRoom() {
        Lifecycle lifecycle = Lifecycle.withStorageQuota(DATASET + DATASET / 2);
        lifecycle.caller = TEAM_A;
        DatasetRecord first = upload(lifecycle);
        assertThatThrownBy(() -> upload(lifecycle)).isInstanceOf(StorageQuotaExceededException.class);

        lifecycle.caller = TEAM_B;
        assertThat(upload(lifecycle).owner()).isEqualTo(TEAM_B.owner());

        lifecycle.caller = TEAM_A;
        lifecycle.service.deleteDataset(first.id());
        assertThat(upload(lifecycle).owner()).isEqualTo(TEAM_A.owner());
    }

    @Test
    void anOwnerAtItsQuotaCanNeitherSubmitNorContinueNorUploadUntilItDeletesSomething() {
        Lifecycle lifecycle = Lifecycle.withStorageQuota(JOB);
        lifecycle.caller = TEAM_A;
        String job = lifecycle.service.submit(Lifecycle.moons(4)).id();
        lifecycle.workOnNext(); // its checkpoints are exactly the quota: at it, nothing more

        assertThatThrownBy(() -> lifecycle.service.submit(Lifecycle.moons(4)))
                .isInstanceOf(StorageQuotaExceededException.class)
                .hasMessageContaining("DELETE /api/v1/jobs/{id}")
                .satisfies(e -> assertThat(refusal(e).amounts()).containsEntry("checkpointBytes", JOB)
                        .containsEntry("storedBytes", JOB).doesNotContainKey("newDatasetBytes"));
        assertThatThrownBy(() -> lifecycle.service.continueJob(job, 2))
                .isInstanceOf(StorageQuotaExceededException.class);
        assertThatThrownBy(() -> lifecycle.datasets.upload(unreadable(), "x", null, null, null))
                .isInstanceOf(StorageQuotaExceededException.class);
        assertThat(lifecycle.store.idsOwnedBy(TEAM_A.owner())).containsExactly(job);

        lifecycle.caller = TEAM_B;
        assertThat(lifecycle.service.submit(Lifecycle.moons(4)).owner()).isEqualTo(TEAM_B.owner());

        lifecycle.caller = TEAM_A;
        lifecycle.service.delete(job);
        assertThat(lifecycle.service.submit(Lifecycle.moons(4)).owner()).isEqualTo(TEAM_A.owner());
    }

    @Test
    void aRunningJobWhoseCheckpointsPassTheQuotaFinishesAndOnlyNewWorkIsRefused() {
        Lifecycle lifecycle = Lifecycle.withStorageQuota(JOB / 2);
        lifecycle.caller = TEAM_A;
        String job = lifecycle.service.submit(Lifecycle.moons(4)).id();

        lifecycle.workOnNext();

        assertThat(lifecycle.service.get(job).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(lifecycle.checkpoints.list(job)).isNotEmpty();
        assertThatThrownBy(() -> lifecycle.service.submit(Lifecycle.moons(4)))
                .isInstanceOf(StorageQuotaExceededException.class)
                .satisfies(e -> assertThat(refusal(e).amounts().get("storedBytes")).isEqualTo(JOB)
                        .isGreaterThan(JOB / 2));
    }

    @Test
    void anAdminIsHeldToWhatItsOwnOwnerHoldsAndSoIsAnonymousWithoutKeys() {
        Lifecycle lifecycle = Lifecycle.withStorageQuota(DATASET);
        lifecycle.caller = new Caller(new Owner("ops"), true);
        upload(lifecycle);
        assertThatThrownBy(() -> lifecycle.service.submit(Lifecycle.moons(2)))
                .isInstanceOf(StorageQuotaExceededException.class)
                .satisfies(e -> assertThat(refusal(e).owner()).isEqualTo(new Owner("ops")));

        lifecycle.caller = Caller.LOCAL;
        upload(lifecycle);
        assertThatThrownBy(() -> upload(lifecycle)).isInstanceOf(StorageQuotaExceededException.class)
                .satisfies(e -> assertThat(refusal(e).owner()).isEqualTo(Owner.ANONYMOUS));
    }

    @Test
    void aQuotaOfZeroIsNoLimit() {
        Lifecycle lifecycle = Lifecycle.withStorageQuota(0);
        for (int i = 0; i < 5; i++) {
            upload(lifecycle);
        }
        lifecycle.service.submit(Lifecycle.moons(4));
        lifecycle.workOnNext();

        assertThat(lifecycle.service.submit(Lifecycle.moons(4)).status()).isEqualTo(JobStatus.QUEUED);
        assertThat(lifecycle.datasets.upload(body(), "sixth", null, null, null)).isNotNull();
    }
}
