package dev.regtrain.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.common.NotFoundException;
import dev.regtrain.common.Owner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class KeyServiceTests {

    private final InMemoryKeyStore store = new InMemoryKeyStore();
    private final KeyService keys = new KeyService(store,
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void storesOnlyTheHashOfANewKeyAndAuthenticatesTheKey() {
        NewKey created = keys.create(new Owner("team-a"), Role.USER, "ci", new Owner("admin"));

        assertThat(created.secret()).startsWith("rtk_").hasSizeGreaterThan(40);
        assertThat(store.list()).singleElement().satisfies(k -> {
            assertThat(k.sha256()).isEqualTo(KeyService.sha256(created.secret())).doesNotContain(created.secret());
            assertThat(k.toString()).doesNotContain(created.secret());
        });
        assertThat(keys.authenticate(created.secret())).map(ApiKey::owner).contains(new Owner("team-a"));
        assertThat(keys.authenticate(created.secret() + "x")).isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
    }

    @Test
    void aRevokedKeyNoLongerAuthenticates() {
        NewKey created = keys.create(new Owner("team-a"), Role.USER, null, new Owner("admin"));

        keys.revoke(created.key().id(), new Owner("admin"));

        assertThat(keys.authenticate(created.secret())).isEmpty();
        assertThatThrownBy(() -> keys.revoke(created.key().id(), new Owner("admin")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theBootstrapKeyIsTheConfiguredHashOrGeneratedOnceWhenNoAdminKeyExists() {
        String generated = keys.bootstrap(null).orElseThrow();

        assertThat(keys.authenticate(generated)).map(ApiKey::admin).contains(true);
        assertThat(keys.bootstrap(null)).as("printed once: an admin key exists now").isEmpty();

        KeyService other = new KeyService(new InMemoryKeyStore(), Clock.systemUTC());
        assertThat(other.bootstrap(KeyService.sha256("my-admin-key"))).isEmpty();
        assertThat(other.authenticate("my-admin-key")).map(ApiKey::admin).contains(true);
    }
}
