package dev.regtrain.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.engine.TrainingState;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CheckpointStore} adapter must do; each adapter's test class extends this one (STYLE.md: one
 * contract test per port).
 */
public abstract class CheckpointStoreContract {

    private static final List<TrainingState> STATES = TrainingStates.epochs(6);

    protected CheckpointStore store;
    protected final String job = UUID.randomUUID().toString();

    /** A store on empty storage. */
    protected abstract CheckpointStore newStore();

    protected static TrainingState epoch(int epoch) {
        return STATES.get(epoch - 1);
    }

    @BeforeEach
    void emptyStore() {
        store = newStore();
    }

    private long listedBytes(String jobId) {
        return store.list(jobId).stream().mapToLong(CheckpointInfo::sizeBytes).sum();
    }

    @Test
    void storedBytesAreTheSizesOfTheGivenJobsCheckpointsAndFollowPruningAndDeletion() {
        String other = UUID.randomUUID().toString();
        String notAsked = UUID.randomUUID().toString();
        for (int e = 1; e <= 3; e++) {
            store.save(job, CheckpointKind.PERIODIC, epoch(e), null);
        }
        store.save(other, CheckpointKind.PERIODIC, epoch(4), null);
        store.save(notAsked, CheckpointKind.PERIODIC, epoch(5), null);

        assertThat(listedBytes(job)).isPositive();
        assertThat(store.storedBytes(List.of(job, other))).isEqualTo(listedBytes(job) + listedBytes(other));
        assertThat(store.storedBytes(List.of())).isZero();
        assertThat(store.storedBytes(List.of(UUID.randomUUID().toString()))).isZero();

        store.prune(job, 1);
        assertThat(store.list(job)).extracting(CheckpointInfo::epoch).containsExactly(3);
        assertThat(store.storedBytes(List.of(job))).isEqualTo(listedBytes(job));
        store.deleteAll(job);
        assertThat(store.storedBytes(List.of(job, other))).isEqualTo(listedBytes(other));
    }

    @Test
    void aStateKeptInTwoRolesCountsOnceOrTwiceAsTheStoreKeepsIt() {
        store.saveAs(job, List.of(CheckpointKind.PERIODIC, CheckpointKind.BEST), epoch(2), 0.5);
        long size = store.list(job).get(0).sizeBytes();

        assertThat(store.storedBytes(List.of(job))).isBetween(size, 2 * size);
    }

    @Test
    void listsTheBestFirstThenByEpochAndPrunesOldPeriodicOnes() {
        for (int e = 1; e <= 6; e++) {
            store.save(job, CheckpointKind.PERIODIC, epoch(e), null);
        }
        store.save(job, CheckpointKind.BEST, epoch(3), 0.5);
        store.prune(job, 2);

        List<CheckpointInfo> list = store.list(job);

        assertThat(list).extracting(CheckpointInfo::ref).containsExactly("best", "5", "6");
        assertThat(list.get(0).monitorValue()).isEqualTo(0.5);
        assertThat(list.get(0).epoch()).isEqualTo(3);
        assertThat(list.get(0).sha256()).hasSize(64);
        assertThat(list.get(1).sizeBytes()).isPositive();
    }

    @Test
    void aNewerBestReplacesTheOlderInTheList() {
        store.save(job, CheckpointKind.BEST, epoch(2), 0.9);
        store.save(job, CheckpointKind.BEST, epoch(4), 0.7);

        assertThat(store.list(job)).extracting(CheckpointInfo::epoch).containsExactly(4);
        assertThat(store.load(job, "best").orElseThrow().state().epoch()).isEqualTo(4);
    }

    @Test
    void aFinalCheckpointReplacesThePeriodicOneOfTheSameEpoch() {
        store.save(job, CheckpointKind.PERIODIC, epoch(6), null);
        store.save(job, CheckpointKind.FINAL, epoch(6), null);

        assertThat(store.list(job)).extracting(CheckpointInfo::kind).containsExactly(CheckpointKind.FINAL);
    }

    @Test
    void loadsTheBestTheLatestAndAnEpochAsTheyWereSaved() {
        store.save(job, CheckpointKind.PERIODIC, epoch(2), null);
        store.save(job, CheckpointKind.BEST, epoch(3), 0.4);
        store.save(job, CheckpointKind.PERIODIC, epoch(4), null);

        assertThat(store.load(job, "best").orElseThrow().info().monitorValue()).isEqualTo(0.4);
        TrainingState latest = store.load(job, "latest").orElseThrow().state();
        assertThat(latest.epoch()).isEqualTo(4);
        assertThat(latest.parameters()).isDeepEqualTo(epoch(4).parameters());
        assertThat(latest.history()).isEqualTo(epoch(4).history());
        assertThat(store.load(job, "2").orElseThrow().state().epoch()).isEqualTo(2);
        assertThat(store.load(job, "3")).as("a best checkpoint is not asked for by its epoch").isEmpty();
        assertThat(store.load(job, "7")).isEmpty();
        assertThat(store.load(job, "x")).isEmpty();
    }

    @Test
    void aJobWithoutCheckpointsHasNone() {
        assertThat(store.list(job)).isEmpty();
        assertThat(store.load(job, "latest")).isEmpty();
        assertThat(store.load(job, "best")).isEmpty();
    }

    @Test
    void deleteAllRemovesEveryCheckpointOfTheJobAndNoOtherJobs() {
        String other = UUID.randomUUID().toString();
        store.save(job, CheckpointKind.PERIODIC, epoch(1), null);
        store.save(job, CheckpointKind.BEST, epoch(1), 0.9);
        store.save(other, CheckpointKind.PERIODIC, epoch(2), null);

        store.deleteAll(job);

        assertThat(store.list(job)).isEmpty();
        assertThat(store.load(job, "best")).isEmpty();
        assertThat(store.list(other)).extracting(CheckpointInfo::epoch).containsExactly(2);
        store.deleteAll(job); // twice is fine
    }
}
