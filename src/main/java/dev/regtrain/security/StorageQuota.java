package dev.regtrain.security;

import dev.regtrain.common.Owner;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@code regtrain.security.quota.max-stored-bytes}: the bytes of datasets and checkpoints one owner may keep (0: no
 * limit), counted from the stores' own sizes ({@link Holdings}) at each upload and submission. An upload that would
 * take its owner beyond the limit is refused before anything of it is stored; a new job, continuation or study is
 * refused once the owner holds the limit or more (it would write checkpoints). What already runs is never stopped: a
 * running job's checkpoints (pruned to its keep-last) and a started study's children may take the owner beyond the
 * limit, and then new uploads and submissions wait until the owner deletes something. Admins are owners like any
 * other: the quota counts what their own owner holds. Without keys, everything is {@code anonymous}'s and the quota
 * applies to it.
 */
public final class StorageQuota {

    public static final String PROPERTY = "regtrain.security.quota.max-stored-bytes";

    /** What the stores hold for one owner. */
    @FunctionalInterface
    public interface Holdings {
        Held of(Owner owner);
    }

    /**
     * @param datasetBytes the owner's datasets' data as stored
     * @param checkpointBytes the checkpoints of the owner's jobs as stored
     */
    public record Held(long datasetBytes, long checkpointBytes) {

        public Held {
            if (datasetBytes < 0 || checkpointBytes < 0) {
                throw new IllegalArgumentException("stored bytes cannot be negative");
            }
        }

        public long totalBytes() {
            return datasetBytes + checkpointBytes;
        }
    }

    private final long limitBytes;
    private final Holdings holdings;
    private final QuotaLock shared;
    private final Map<Owner, Object> locks = new ConcurrentHashMap<>();

    /** @param limitBytes the most one owner may hold; 0: no limit (nothing is counted) */
    public StorageQuota(long limitBytes, Holdings holdings) {
        this(limitBytes, holdings, QuotaLock.NONE);
    }

    /**
     * @param limitBytes the most one owner may hold; 0: no limit (nothing is counted)
     * @param shared what makes an upload's count-and-store one at a time among instances that share the store
     */
    public StorageQuota(long limitBytes, Holdings holdings, QuotaLock shared) {
        if (limitBytes < 0) {
            throw new IllegalArgumentException(PROPERTY + " cannot be negative; got " + limitBytes);
        }
        this.limitBytes = limitBytes;
        this.holdings = holdings;
        this.shared = shared;
    }

    /** No limit: nothing is ever counted or refused. */
    public static StorageQuota unlimited() {
        return new StorageQuota(0, owner -> new Held(0, 0));
    }

    /** Refuses (413) new work for {@code owner}, a job, a continuation, a study or an upload, once it holds the limit. */
    public void admit(Owner owner) {
        if (limitBytes > 0) {
            Held held = holdings.of(owner);
            if (held.totalBytes() >= limitBytes) {
                throw new StorageQuotaExceededException(owner, held, limitBytes, null);
            }
        }
    }

    /**
     * Stores a new dataset unless it would take {@code owner} beyond the limit (413, nothing stored). The count and
     * the store run under the owner's lock here and, with instances sharing a store, under its {@link QuotaLock}, so
     * two uploads of one owner, to this instance or to two, do not both pass on the same count.
     *
     * @param newBytes the bytes the dataset will take in the store, asked for only when there is a limit
     */
    public <T> T store(Owner owner, LongSupplier newBytes, Supplier<T> store) {
        if (limitBytes == 0) {
            return store.get();
        }
        synchronized (locks.computeIfAbsent(owner, o -> new Object())) {
            return shared.holding(owner, () -> {
                Held held = holdings.of(owner);
                long adding = newBytes.getAsLong();
                if (held.totalBytes() + adding > limitBytes) {
                    throw new StorageQuotaExceededException(owner, held, limitBytes, adding);
                }
                return store.get();
            });
        }
    }
}
