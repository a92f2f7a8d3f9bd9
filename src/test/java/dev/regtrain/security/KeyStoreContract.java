package dev.regtrain.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.common.Owner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link KeyStore} adapter must do: the file store and the in-memory fake are held to it alike. */
public abstract class KeyStoreContract {

    protected KeyStore store;

    protected abstract KeyStore newStore();

    /** A new adapter on the same storage, as after a restart. */
    protected abstract KeyStore reopen();

    @BeforeEach
    void emptyStore() {
        store = newStore();
    }

    protected static ApiKey key(String id, String owner, Role role, String sha256, int second) {
        return new ApiKey(id, new Owner(owner), role, "for " + owner, Instant.parse("2026-01-01T00:00:00Z")
                .plusSeconds(second), sha256);
    }

    private static String hash(char c) {
        return String.valueOf(c).repeat(64);
    }

    @Test
    void findsAKeyByItsHashAfterARestart() {
        store.save(key("key_a", "team-a", Role.USER, hash('a'), 1));

        assertThat(reopen().findBySha256(hash('a'))).contains(key("key_a", "team-a", Role.USER, hash('a'), 1));
        assertThat(reopen().findBySha256(hash('b'))).isEmpty();
    }

    @Test
    void listsEveryKeyOldestFirst() {
        store.save(key("key_b", "team-b", Role.ADMIN, hash('b'), 2));
        store.save(key("key_a", "team-a", Role.USER, hash('a'), 1));

        assertThat(reopen().list()).extracting(ApiKey::id).containsExactly("key_a", "key_b");
    }

    @Test
    void aDeletedKeyIsNotFoundFromTheNextLookupOnAndAfterARestart() {
        store.save(key("key_a", "team-a", Role.USER, hash('a'), 1));
        store.save(key("key_b", "team-b", Role.USER, hash('b'), 2));

        assertThat(store.delete("key_a")).isTrue();

        assertThat(store.findBySha256(hash('a'))).isEmpty();
        assertThat(reopen().findBySha256(hash('a'))).isEmpty();
        assertThat(reopen().list()).extracting(ApiKey::id).containsExactly("key_b");
        assertThat(store.delete("key_a")).isFalse();
        assertThat(store.delete("key_unknown")).isFalse();
    }

    @Test
    void savingAKeyAgainWithAnotherHashReplacesIt() {
        store.save(key("key_a", "admin", Role.ADMIN, hash('a'), 1));
        store.save(key("key_a", "admin", Role.ADMIN, hash('c'), 1));

        assertThat(reopen().findBySha256(hash('a'))).isEmpty();
        assertThat(reopen().findBySha256(hash('c'))).isPresent();
        assertThat(reopen().list()).hasSize(1);
    }

    @Test
    void theFirstAdminKeyIsSavedOnlyWhileNoAdminKeyExists() {
        store.save(key("key_u", "team-a", Role.USER, hash('c'), 1));

        assertThat(store.saveFirstAdmin(key("key_a", "admin", Role.ADMIN, hash('a'), 2))).isTrue();
        assertThat(store.saveFirstAdmin(key("key_b", "admin", Role.ADMIN, hash('b'), 3))).isFalse();

        assertThat(reopen().list()).extracting(ApiKey::id).containsExactly("key_u", "key_a");
    }

    @Test
    void ofManyFirstAdminKeysSavedAtOnceOneIsKept() throws Exception {
        assertThat(firstAdminsSavedAtOnce(8, i -> store)).isEqualTo(1);
        assertThat(reopen().list()).filteredOn(ApiKey::admin).hasSize(1);
    }

    /** Saves {@code count} different first admin keys from as many threads at once; how many were kept. */
    protected static long firstAdminsSavedAtOnce(int count, IntFunction<KeyStore> storeOfThread)
            throws Exception {
        var start = new CyclicBarrier(count);
        var threads = Executors.newFixedThreadPool(count);
        try {
            var saved = new ArrayList<Future<Boolean>>();
            for (int i = 0; i < count; i++) {
                KeyStore each = storeOfThread.apply(i);
                ApiKey admin = key("key_" + i, "admin", Role.ADMIN, String.valueOf(i).repeat(64), i);
                saved.add(threads.submit(() -> {
                    start.await();
                    return each.saveFirstAdmin(admin);
                }));
            }
            long kept = 0;
            for (var one : saved) {
                kept += one.get() ? 1 : 0;
            }
            return kept;
        } finally {
            threads.shutdownNow();
        }
    }
}
