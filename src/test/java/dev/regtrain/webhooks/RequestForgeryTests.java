package dev.regtrain.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * No request forgery: at every delivery the host is resolved and refused when any address is not on the public
 * internet, unless the host is listed as written; nothing is sent to a refused host, and the connection goes to the
 * address that was checked.
 */
class RequestForgeryTests {

    private Receiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = Receiver.on127001();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    /** Names that resolve to the given addresses (a test's own DNS), the rest through the system. */
    private static HostResolver dns(Map<String, List<String>> names) {
        return host -> {
            List<String> addresses = names.get(host);
            if (addresses == null) {
                return HostResolver.system().resolve(host);
            }
            java.util.ArrayList<InetAddress> resolved = new java.util.ArrayList<>();
            for (String address : addresses) {
                resolved.add(InetAddress.getByName(address));
            }
            return resolved;
        };
    }

    @ParameterizedTest(name = "{0} resolving to {1} is refused as {2}")
    @CsvSource(delimiter = '|', value = {
            "loopback.test|127.0.0.1|loopback", "private10.test|10.0.0.1|private",
            "private172.test|172.16.5.4|private", "private192.test|192.168.0.10|private",
            "linklocal.test|169.254.10.10|link-local", "metadata.test|169.254.169.254|metadata",
            "metadata6.test|fd00:ec2::254|metadata", "ula.test|fd12::1|unique-local",
            "multicast.test|239.1.2.3|multicast", "unspecified.test|0.0.0.0|unspecified",
            "loopback6.test|::1|loopback", "mapped.test|::ffff:127.0.0.1|loopback",
            "mixed.test|93.184.215.14 10.0.0.1|private"})
    void aHostResolvingToAForbiddenAddressIsRefusedWithoutSendingAnything(String host, String addresses,
                                                                          String kind) {
        Harness harness = new Harness(List.of("127.0.0.1"), new InMemoryOutboxStore(),
                dns(Map.of(host, List.of(addresses.split(" ")))), Duration.ofSeconds(10));
        Webhook webhook = harness.subscribe("http://" + host + ":" + receiver.port() + "/hook",
                EventType.JOB_SUCCEEDED);
        harness.jobEnded("job-1", EventType.JOB_SUCCEEDED);

        harness.deliveries.deliverDue();

        DeliveryAttempt attempt = harness.service.deliveries(webhook.id()).get(0);
        assertThat(attempt.error()).startsWith("refused: " + host + " resolves to").contains(kind)
                .contains("nothing was sent").contains("regtrain.webhooks.allowed-hosts");
        assertThat(attempt.responseStatus()).isNull();
        assertThat(attempt.nextAttemptAt()).as("retried: the name may resolve elsewhere later").isNotNull();
        assertThat(harness.sent).hasValue(0);
        assertThat(receiver.requests()).isEmpty();
    }

    @Test
    void allowing127001DoesNotAllowAReceiverOn127002() throws Exception {
        try (Receiver other = new Receiver("127.0.0.2")) {
            Harness harness = new Harness(List.of("127.0.0.1"));
            Webhook webhook = harness.subscribe(other.url("/hook"), EventType.JOB_SUCCEEDED);
            harness.jobEnded("job-1", EventType.JOB_SUCCEEDED);

            harness.deliveries.deliverDue();

            assertThat(harness.service.deliveries(webhook.id()).get(0).error())
                    .startsWith("refused: 127.0.0.2 resolves to 127.0.0.2, a loopback address");
            assertThat(other.requests()).isEmpty();

            Harness allowing = new Harness(List.of("127.0.0.2"));
            allowing.subscribe(other.url("/hook"), EventType.JOB_SUCCEEDED);
            allowing.jobEnded("job-1", EventType.JOB_SUCCEEDED);
            allowing.deliveries.deliverDue();
            assertThat(other.requests()).as("the same receiver, once its host is listed").hasSize(1);
        }
    }

    @Test
    void allowing127001DoesNotAllowTheIpv6Loopback() {
        Harness harness = new Harness(List.of("127.0.0.1"));
        Webhook webhook = harness.subscribe("http://[::1]:" + receiver.port() + "/hook", EventType.JOB_SUCCEEDED);
        harness.jobEnded("job-1", EventType.JOB_SUCCEEDED);

        harness.deliveries.deliverDue();

        assertThat(harness.service.deliveries(webhook.id()).get(0).error()).contains("a loopback address");
        assertThat(harness.sent).hasValue(0);
    }

    @Test
    void aListedNameIsMatchedCaseInsensitivelyAndDelivered() {
        Harness harness = new Harness(List.of("Hooks.Internal.Test"), new InMemoryOutboxStore(),
                dns(Map.of("hooks.internal.test", List.of("127.0.0.1"))), Duration.ofSeconds(10));
        harness.subscribe("http://hooks.internal.test:" + receiver.port() + "/hook", EventType.JOB_SUCCEEDED);
        harness.jobEnded("job-1", EventType.JOB_SUCCEEDED);

        harness.deliveries.deliverDue();

        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void theConnectionGoesToTheCheckedAddressNotToASecondLookup() throws Exception {
        try (Receiver rebound = new Receiver("127.0.0.2", receiver.port())) {
            // a rebinding DNS: the first answer is the one checked, every later one points elsewhere
            AtomicInteger lookups = new AtomicInteger();
            HostResolver rebinding = host -> {
                if (!host.equals("rebind.test")) {
                    throw new UnknownHostException(host);
                }
                return List.of(InetAddress.getByName(lookups.getAndIncrement() == 0 ? "127.0.0.1" : "127.0.0.2"));
            };
            Harness harness = new Harness(List.of("rebind.test"), new InMemoryOutboxStore(), rebinding,
                    Duration.ofSeconds(10));
            harness.subscribe("http://rebind.test:" + receiver.port() + "/hook", EventType.JOB_SUCCEEDED);
            // the second receiver listens on the same port number, so a second lookup would reach it
            harness.jobEnded("job-1", EventType.JOB_SUCCEEDED);

            harness.deliveries.deliverDue();

            assertThat(lookups).hasValue(1);
            assertThat(receiver.requests()).hasSize(1);
            assertThat(receiver.requests().get(0).header("host")).startsWith("rebind.test:");
            assertThat(rebound.requests()).isEmpty();
        }
    }
}
