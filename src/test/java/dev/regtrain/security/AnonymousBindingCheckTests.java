package dev.regtrain.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

class AnonymousBindingCheckTests {

    private static SecurityProperties properties(SecurityMode mode, boolean allowAnonymous) {
        return new SecurityProperties(mode, allowAnonymous, List.of(), null,
                new SecurityProperties.Quota(0, DataSize.ofBytes(0)), new SecurityProperties.Rate(50, 100));
    }

    private static AnonymousBindingCheck check(SecurityProperties properties, String address) {
        MockEnvironment environment = new MockEnvironment();
        if (address != null) {
            environment.setProperty("server.address", address);
        }
        return new AnonymousBindingCheck(properties, environment);
    }

    @Test
    void startsWithoutKeysOnLoopback() {
        for (String address : new String[] {"127.0.0.1", "::1", "localhost", "127.0.0.5"}) {
            assertThatCode(() -> check(properties(SecurityMode.NONE, false), address).afterPropertiesSet())
                    .as(address).doesNotThrowAnyException();
        }
    }

    @Test
    void refusesToStartWithoutKeysOnAnyOtherAddressOrOnEveryInterface() {
        for (String address : new String[] {"0.0.0.0", "::", "192.168.1.10", "10.0.0.1", null}) {
            assertThatThrownBy(() -> check(properties(SecurityMode.NONE, false), address).afterPropertiesSet())
                    .as(String.valueOf(address)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("regtrain.security.allow-anonymous=true")
                    .hasMessageContaining("regtrain.security.mode=api-key");
        }
    }

    @Test
    void startsOnAnyAddressWhenAnonymousAccessIsAllowedOrKeysAreOn() {
        assertThatCode(() -> check(properties(SecurityMode.NONE, true), "0.0.0.0").afterPropertiesSet())
                .doesNotThrowAnyException();
        assertThatCode(() -> check(properties(SecurityMode.API_KEY, false), "0.0.0.0").afterPropertiesSet())
                .doesNotThrowAnyException();
    }
}
