package dev.regtrain.jobs;

import dev.regtrain.common.ConflictException;
import dev.regtrain.datasets.DatasetService;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * A dataset in use is never deleted: submissions hold a shared lock while they admit a job (which may name an
 * uploaded dataset), deletion an exclusive one while it checks that no queued or running job trains on it.
 */
final class DatasetsInUse {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final DatasetService datasets;
    private final JobStore store;

    DatasetsInUse(DatasetService datasets, JobStore store) {
        this.datasets = datasets;
        this.store = store;
    }

    /** Admits a job while no dataset can be deleted. */
    JobRecord admit(Supplier<JobRecord> admission) {
        lock.readLock().lock();
        try {
            return admission.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Deletes an uploaded dataset unless a queued or running job trains on it (409). */
    void delete(String datasetId) {
        lock.writeLock().lock();
        try {
            datasets.get(datasetId);
            List<String> users = store.unfinished().stream()
                    .filter(r -> datasetId.equals(r.request().dataset().id())).map(JobRecord::id).toList();
            if (!users.isEmpty()) {
                throw new ConflictException("dataset " + datasetId + " is used by " + users.size()
                        + " queued or running job(s), e.g. " + users.get(0));
            }
            datasets.remove(datasetId);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
