package dev.regtrain.jobs;

import dev.regtrain.common.Owner;
import dev.regtrain.datasets.DatasetStore;
import dev.regtrain.security.StorageQuota;

/**
 * What one owner holds in the stores, for {@link StorageQuota}: its datasets' data and its jobs' checkpoints, each from
 * the sizes its store keeps without reading the data (a study's children are jobs of the study's owner).
 */
public final class OwnerStorage implements StorageQuota.Holdings {

    private final DatasetStore datasets;
    private final JobStore jobs;
    private final CheckpointStore checkpoints;

    public OwnerStorage(DatasetStore datasets, JobStore jobs, CheckpointStore checkpoints) {
        this.datasets = datasets;
        this.jobs = jobs;
        this.checkpoints = checkpoints;
    }

    @Override
    public StorageQuota.Held of(Owner owner) {
        return new StorageQuota.Held(datasets.storedBytes(owner), checkpoints.storedBytes(jobs.idsOwnedBy(owner)));
    }
}
