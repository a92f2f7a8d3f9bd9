package dev.regtrain.jobs;

import dev.regtrain.security.StorageQuota;

/**
 * What one owner may have of the job service: {@code maxActiveJobs} queued and running jobs (0: any number; 429
 * beyond) and the bytes {@code storage} allows (413 for a new job once they are reached).
 */
public record OwnerQuotas(int maxActiveJobs, StorageQuota storage) {

    public OwnerQuotas {
        if (maxActiveJobs < 0 || storage == null) {
            throw new IllegalArgumentException("maxActiveJobs must be 0 or more and storage given");
        }
    }

    /** No quota at all. */
    public static OwnerQuotas none() {
        return new OwnerQuotas(0, StorageQuota.unlimited());
    }
}
