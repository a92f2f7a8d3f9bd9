package dev.regtrain.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.common.Owner;
import dev.regtrain.security.QuotaLock;
import dev.regtrain.security.StorageQuota;
import dev.regtrain.security.StorageQuotaExceededException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Two instances, each with its own storage quota, counting one owner's bytes in one database: with the PostgreSQL
 * quota lock, two uploads that would each fit alone but not together are not both let through on the same count.
 */
class PostgresQuotaLockTests {

    private static final long UPLOAD_BYTES = 600;
    private static final Owner OWNER = new Owner("team-a");

    /** What the owner holds in the shared store, written by either instance's upload. */
    private final AtomicLong stored = new AtomicLong();
    /** Both counts arrive here: without a lock each waits for the other, so both count before either stores. */
    private final CountDownLatch counted = new CountDownLatch(2);

    /**
     * @param wait how long a count waits for the other: with the lock the other cannot count until this upload is
     *             stored, whatever the wait; without it both arrive, and the wait only bounds a slow machine's delay
     */
    private StorageQuota instance(QuotaLock lock, Duration wait) {
        return new StorageQuota(1000, owner -> {
            long held = stored.get();
            counted.countDown();
            try {
                counted.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new StorageQuota.Held(held, 0);
        }, lock);
    }

    /** Uploads once through each of two instances at the same time; how many uploads were stored. */
    private int uploadsAtOnce(QuotaLock lockA, QuotaLock lockB, Duration wait) throws Exception {
        List<StorageQuota> instances = List.of(instance(lockA, wait), instance(lockB, wait));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> uploads = new ArrayList<>();
            for (StorageQuota quota : instances) {
                uploads.add(threads.submit(() -> {
                    try {
                        return quota.store(OWNER, () -> UPLOAD_BYTES, () -> stored.addAndGet(UPLOAD_BYTES) > 0);
                    } catch (StorageQuotaExceededException e) {
                        return false;
                    }
                }));
            }
            int done = 0;
            for (Future<Boolean> upload : uploads) {
                done += upload.get() ? 1 : 0;
            }
            return done;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void twoInstancesLetOneOfTwoUploadsThroughWhenOnlyOneFits() throws Exception {
        PostgresStores.database();
        var dataSource = PostgresStores.dataSource();

        assertThat(uploadsAtOnce(new PostgresQuotaLock(dataSource), new PostgresQuotaLock(dataSource),
                Duration.ofMillis(500))).isEqualTo(1);
        assertThat(stored.get()).isEqualTo(UPLOAD_BYTES);
    }

    @Test
    void withoutTheSharedLockBothWouldPassOnTheSameCount() throws Exception {
        assertThat(uploadsAtOnce(QuotaLock.NONE, QuotaLock.NONE, Duration.ofSeconds(30))).as("what the lock prevents")
                .isEqualTo(2);
    }
}
