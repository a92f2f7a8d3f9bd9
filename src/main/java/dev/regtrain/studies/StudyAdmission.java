package dev.regtrain.studies;

import dev.regtrain.common.Owner;
import dev.regtrain.jobs.QueueFullException;
import dev.regtrain.security.StorageQuota;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * Whether a new study may start: 413 when its owner already holds its storage quota (its children would write
 * checkpoints; once started, a study runs to its end as a job does), 429 when its first children would not fit the
 * queue.
 *
 * @param workers the job service's workers: the default cap of a study's parallel children
 */
public record StudyAdmission(int workers, int queueCapacity, IntSupplier queueWaiting, StorageQuota storage) {

    void admit(StudyPlan plan, Owner owner) {
        storage.admit(owner);
        int cap = plan.request().maxParallelJobs() > 0 ? plan.request().maxParallelJobs() : workers;
        int chains = plan.folds() * plan.repeats();
        int first = Math.min(cap, plan.method() == SearchMethod.PATH ? chains : plan.trials().size() * chains);
        int free = queueCapacity - queueWaiting.getAsInt();
        if (first > free) {
            throw new QueueFullException("the study's first " + first + " jobs do not fit the queue, which has room "
                    + "for " + Math.max(0, free) + " (regtrain.queue-capacity); try again later",
                    Duration.ofSeconds(10));
        }
    }
}
