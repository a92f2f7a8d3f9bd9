package dev.regtrain.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where deliveries may go (no request forgery): a host is refused when any of its addresses is loopback, private,
 * link-local, unique-local, multicast, unspecified, reserved or a cloud metadata address, unless the host is listed in
 * {@code regtrain.webhooks.allowed-hosts} as written in the URL (case-insensitively; {@code 127.0.0.1} does not
 * allow {@code 127.0.0.2} or {@code [::1]}).
 */
public final class AddressPolicy {

    private static final Set<String> METADATA = Set.of("169.254.169.254", "169.254.170.2", "100.100.100.200",
            "fd00:ec2:0:0:0:0:0:254");

    private final Set<String> allowedHosts;

    public AddressPolicy(List<String> allowedHosts) {
        this.allowedHosts = allowedHosts.stream().map(AddressPolicy::normalized).collect(Collectors.toSet());
    }

    /** Whether the host, as written in the URL, is listed and so may resolve anywhere. */
    public boolean allowed(String host) {
        return allowedHosts.contains(normalized(host));
    }

    private static String normalized(String host) {
        String lower = host.trim().toLowerCase(Locale.ROOT);
        return lower.startsWith("[") && lower.endsWith("]") ? lower.substring(1, lower.length() - 1) : lower;
    }

    /** Why a delivery may not go to this address, or empty when it may. */
    public static Optional<String> refusal(InetAddress address) {
        if (METADATA.contains(address.getHostAddress())) {
            return Optional.of("a cloud metadata address");
        }
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            Optional<InetAddress> embedded = embeddedIpv4(b);
            if (embedded.isPresent()) {
                return refusal(embedded.get()).map(r -> r + " (embedded in an IPv6 address)");
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of("a unique-local address");
            }
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("the unspecified address");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("a private address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        if (address instanceof Inet4Address) {
            int first = address.getAddress()[0] & 0xff;
            int second = address.getAddress()[1] & 0xff;
            if (first == 0) {
                return Optional.of("the unspecified address");
            }
            if (first == 100 && second >= 64 && second < 128) {
                return Optional.of("a private address (shared address space)");
            }
            if (first >= 240) {
                return Optional.of("a reserved address");
            }
        }
        return Optional.empty();
    }

    /** The IPv4 address inside an IPv4-compatible (::a.b.c.d), IPv4-mapped or NAT64 (64:ff9b::/96) address. */
    private static Optional<InetAddress> embeddedIpv4(byte[] b) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        if (!mapped && !compatible && !nat64) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }
}
