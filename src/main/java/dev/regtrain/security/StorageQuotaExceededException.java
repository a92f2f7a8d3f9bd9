package dev.regtrain.security;

import dev.regtrain.common.Owner;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An owner holds, or with this upload would hold, more than {@code regtrain.security.quota.max-stored-bytes}; nothing
 * was stored or queued (413).
 */
public class StorageQuotaExceededException extends RuntimeException implements QuotaRefusal {

    private final Owner owner;
    private final StorageQuota.Held held;
    private final long limitBytes;
    private final Long newDatasetBytes;

    /** @param newDatasetBytes the bytes the refused upload would have added, or null for a job or a study */
    public StorageQuotaExceededException(Owner owner, StorageQuota.Held held, long limitBytes, Long newDatasetBytes) {
        super(message(owner, held, limitBytes, newDatasetBytes));
        this.owner = owner;
        this.held = held;
        this.limitBytes = limitBytes;
        this.newDatasetBytes = newDatasetBytes;
    }

    private static String message(Owner owner, StorageQuota.Held held, long limitBytes, Long newDatasetBytes) {
        String holds = "owner " + owner.name() + " holds " + held.totalBytes() + " bytes (datasets "
                + held.datasetBytes() + ", checkpoints " + held.checkpointBytes() + ")";
        String refused = newDatasetBytes != null
                ? holds + " and this dataset would add " + newDatasetBytes + ", beyond its quota of " + limitBytes
                        + " bytes (" + StorageQuota.PROPERTY + "); nothing was stored"
                : holds + ", its quota is " + limitBytes + " bytes (" + StorageQuota.PROPERTY + ") and a new job "
                        + "writes checkpoints; nothing was queued";
        return refused + ". Delete datasets it no longer needs (DELETE /api/v1/datasets/{id}) or ended jobs and "
                + "studies with their checkpoints (DELETE /api/v1/jobs/{id}, /api/v1/studies/{id}), then try again";
    }

    @Override
    public String quota() {
        return StorageQuota.PROPERTY;
    }

    @Override
    public Owner owner() {
        return owner;
    }

    @Override
    public Map<String, Long> amounts() {
        Map<String, Long> amounts = new LinkedHashMap<>();
        amounts.put("storedBytes", held.totalBytes());
        amounts.put("datasetBytes", held.datasetBytes());
        amounts.put("checkpointBytes", held.checkpointBytes());
        if (newDatasetBytes != null) {
            amounts.put("newDatasetBytes", newDatasetBytes);
        }
        amounts.put("limitBytes", limitBytes);
        return amounts;
    }
}
