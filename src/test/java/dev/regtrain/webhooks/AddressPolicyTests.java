package dev.regtrain.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which addresses a delivery may not reach, and which listed hosts lift that. */
class AddressPolicyTests {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1|loopback", "127.0.0.2|loopback", "::1|loopback",
            "10.1.2.3|private", "172.16.0.1|private", "172.31.255.255|private", "192.168.1.1|private",
            "100.64.0.1|private",
            "169.254.1.1|link-local", "fe80::1|link-local",
            "fc00::1|unique-local", "fd12:3456::1|unique-local",
            "224.0.0.1|multicast", "ff02::1|multicast",
            "0.0.0.0|unspecified", "::|unspecified", "0.1.2.3|unspecified",
            "169.254.169.254|metadata", "fd00:ec2::254|metadata", "100.100.100.200|metadata",
            "::ffff:10.0.0.1|private", "::ffff:169.254.169.254|metadata", "64:ff9b::7f00:1|loopback",
            "240.0.0.1|reserved", "255.255.255.255|reserved"})
    void refusesEveryRangeThatIsNotThePublicInternet(String address, String kind) throws Exception {
        assertThat(AddressPolicy.refusal(InetAddress.getByName(address))).hasValueSatisfying(
                reason -> assertThat(reason).contains(kind));
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:2800:21f:cb07::1"})
    void letsPublicAddressesThrough(String address) throws Exception {
        assertThat(AddressPolicy.refusal(InetAddress.getByName(address))).isEmpty();
    }

    @Test
    void aListedHostIsMatchedAsWrittenCaseInsensitivelyAndNothingElse() {
        AddressPolicy policy = new AddressPolicy(List.of("127.0.0.1", "Hooks.Internal.Example", "[::1]"));

        assertThat(policy.allowed("127.0.0.1")).isTrue();
        assertThat(policy.allowed("hooks.internal.example")).isTrue();
        assertThat(policy.allowed("HOOKS.INTERNAL.EXAMPLE")).isTrue();
        assertThat(policy.allowed("[::1]")).isTrue();
        assertThat(policy.allowed("127.0.0.2")).isFalse();
        assertThat(policy.allowed("localhost")).isFalse();
        assertThat(policy.allowed("[::2]")).isFalse();
        assertThat(new AddressPolicy(List.of("127.0.0.1")).allowed("[::1]")).isFalse();
    }
}
