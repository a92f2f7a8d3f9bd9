package dev.regtrain.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.security.KeyStore;
import dev.regtrain.security.KeyStoreContract;
import dev.regtrain.security.Role;
import org.junit.jupiter.api.Test;

/** The PostgreSQL adapter of the key store: the contract, and a key that one instance saves is known to another. */
class PostgresKeyStoreTests extends KeyStoreContract {

    private Database db;

    @Override
    protected KeyStore newStore() {
        db = PostgresStores.empty();
        return reopen();
    }

    @Override
    protected KeyStore reopen() {
        return new PostgresKeyStore(db);
    }

    @Test
    void aKeySavedByOneInstanceIsFoundByAnotherAndARevokeOnOneIsSeenByTheOther() {
        KeyStore other = reopen();
        store.save(key("key_a", "team-a", Role.USER, "a".repeat(64), 1));

        assertThat(other.findBySha256("a".repeat(64))).map(k -> k.id()).contains("key_a");

        assertThat(other.delete("key_a")).isTrue();
        assertThat(store.findBySha256("a".repeat(64))).isEmpty();
    }

    @Test
    void aRowThatIsNotAValidKeyIsRefusedAndTheOthersAreStillListed() {
        store.save(key("key_a", "team-a", Role.USER, "a".repeat(64), 1));
        store.save(key("key_b", "team-b", Role.USER, "b".repeat(64), 2));
        db.jdbc.update("update api_keys set role = 'ROOT' where id = 'key_a'");

        assertThat(store.findBySha256("a".repeat(64))).isEmpty();
        assertThat(store.list()).extracting(k -> k.id()).containsExactly("key_b");
    }

    @Test
    void instancesStartingTogetherOnAnEmptyDatabaseKeepOneGeneratedAdminKey() throws Exception {
        assertThat(firstAdminsSavedAtOnce(6, i -> reopen())).isEqualTo(1);
        assertThat(store.list()).filteredOn(k -> k.admin()).hasSize(1);
    }
}
