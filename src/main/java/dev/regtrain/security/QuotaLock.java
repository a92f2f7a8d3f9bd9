package dev.regtrain.security;

import dev.regtrain.common.Owner;
import java.util.function.Supplier;

/**
 * Makes one owner's count-and-store ({@link StorageQuota#store}) one at a time among the instances that share a store.
 * Within an instance {@link StorageQuota} already serialises them; with one instance per store ({@link #NONE}) that is
 * enough, while instances sharing a PostgreSQL store take a lock there, so that two uploads of one owner to two
 * instances do not both pass on the same count.
 */
public interface QuotaLock {

    /** One instance owns its store: the quota's own lock is every instance's. */
    QuotaLock NONE = new QuotaLock() {
        @Override
        public <T> T holding(Owner owner, Supplier<T> action) {
            return action.get();
        }
    };

    /** Runs {@code action} while no other instance runs one for {@code owner}. */
    <T> T holding(Owner owner, Supplier<T> action);
}
