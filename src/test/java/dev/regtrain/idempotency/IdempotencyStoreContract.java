package dev.regtrain.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link IdempotencyStore} adapter must do; each adapter's test class extends this one. */
public abstract class IdempotencyStoreContract {

    protected IdempotencyStore store;

    protected abstract IdempotencyStore newStore();

    /** A new adapter on the same storage, as after a restart. */
    protected abstract IdempotencyStore reopen();

    @BeforeEach
    void emptyStore() {
        store = newStore();
    }

    protected static IdempotencyRecord claim(String scope, String key, Instant at) {
        return new IdempotencyRecord(scope, key, "fingerprint", "00000000-0000-0000-0000-000000000001", false, 0, null,
                null, at);
    }

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aKeyIsClaimedOnceAndItsAnswerReplacesTheClaim() {
        IdempotencyRecord first = claim("jobs", "k", T0);
        assertThat(store.claim(first)).isTrue();
        assertThat(store.claim(claim("jobs", "k", T0.plusSeconds(1)))).as("a second claim of the key").isFalse();
        assertThat(store.find("jobs", "k")).contains(first);

        IdempotencyRecord answered = first.completedWith("fingerprint", 202, "/api/v1/jobs/x", "{\"id\":\"x\"}");
        store.save(answered);

        assertThat(store.find("jobs", "k")).contains(answered);
        assertThat(reopen().find("jobs", "k")).contains(answered);
    }

    @Test
    void scopesAreSeparateAndKeysAreComparedExactly() {
        store.claim(claim("jobs", "k", T0));

        assertThat(store.find("datasets", "k")).isEmpty();
        assertThat(store.find("jobs", "K")).isEmpty();
        assertThat(store.claim(claim("datasets", "k", T0))).isTrue();
    }

    @Test
    void deletedAndExpiredKeysAreForgotten() {
        store.claim(claim("jobs", "old", T0));
        store.claim(claim("jobs", "new", T0.plusSeconds(3600)));
        store.claim(claim("jobs", "gone", T0.plusSeconds(3600)));
        store.delete("jobs", "gone");

        assertThat(store.deleteCreatedBefore(T0.plusSeconds(60))).isEqualTo(1);

        assertThat(store.find("jobs", "old")).isEmpty();
        assertThat(store.find("jobs", "gone")).isEmpty();
        assertThat(store.find("jobs", "new")).isPresent();
        assertThat(reopen().find("jobs", "old")).isEmpty();
    }
}
