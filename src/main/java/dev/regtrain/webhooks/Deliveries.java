package dev.regtrain.webhooks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round of delivery: every outbox entry due now is attempted once, signed for this attempt, to an address that
 * passed the {@link AddressPolicy}. Any 2xx is delivered; 410 disables the webhook; anything else, no answer or a
 * refused address is retried after the next wait of {@link #BACKOFF} with equal jitter (between half and all of it),
 * and given up after the last; {@link #MAX_CONSECUTIVE_FAILURES} failed attempts in a row disable the webhook.
 */
public final class Deliveries {

    /** The waits after the first, second, … failed attempt; after the last one the event is given up. */
    public static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(6));
    public static final int MAX_CONSECUTIVE_FAILURES = 50;
    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final Outbox outbox;
    private final WebhookService webhooks;
    private final WebhookSender sender;
    private final HostResolver resolver;
    private final AddressPolicy policy;
    private final Clock clock;
    private final DoubleSupplier jitter;

    /** @param jitter uniform in [0, 1): where in the second half of each wait the next attempt falls */
    public Deliveries(Outbox outbox, WebhookService webhooks, WebhookSender sender, HostResolver resolver,
                      AddressPolicy policy, Clock clock, DoubleSupplier jitter) {
        this.outbox = outbox;
        this.webhooks = webhooks;
        this.sender = sender;
        this.resolver = resolver;
        this.policy = policy;
        this.clock = clock;
        this.jitter = jitter;
    }

    /**
     * Attempts every entry due now (the oldest of each webhook and resource) that this instance could claim; how many
     * were attempted.
     */
    public int deliverDue() {
        int attempted = 0;
        for (OutboxEntry entry : outbox.due(clock.instant())) {
            if (!outbox.claim(entry)) {
                continue; // another instance attempts it
            }
            attempted++;
            try {
                attempt(entry);
            } catch (RuntimeException e) {
                log.warn("webhook {}: event {} could not be attempted: {}", entry.webhookId(), entry.eventId(),
                        e.getMessage());
                int step = Math.min(entry.attempts() + 1, BACKOFF.size());
                outbox.reschedule(entry.retryAt(clock.instant().plus(wait(step))));
            }
        }
        return attempted;
    }

    /** The wait after failed attempt {@code attempt} (1-based): equal jitter, between half and all of its step. */
    Duration wait(int attempt) {
        Duration step = BACKOFF.get(attempt - 1);
        long half = step.toMillis() / 2;
        return Duration.ofMillis(half + (long) (jitter.getAsDouble() * half));
    }

    private void attempt(OutboxEntry entry) {
        Optional<Webhook> found = webhooks.find(entry.webhookId());
        if (found.isEmpty() || found.get().status() != WebhookStatus.ACTIVE) {
            outbox.remove(entry); // deleted or disabled since: nobody to deliver to
            return;
        }
        Webhook webhook = found.get();
        long started = System.nanoTime();
        Integer status = null;
        String error;
        try {
            URI url = URI.create(webhook.url());
            List<InetAddress> addresses = checkedAddresses(url.getHost());
            long timestamp = clock.instant().getEpochSecond();
            byte[] body = entry.body().getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = Map.of("webhook-id", entry.eventId(),
                    "webhook-timestamp", Long.toString(timestamp),
                    "webhook-signature", Signatures.sign(Secrets.key(webhook.secret()), entry.eventId(), timestamp,
                            body));
            status = sender.post(url, addresses, headers, body);
            error = status >= 200 && status < 300 ? null : "the receiver answered " + status;
        } catch (Refused e) {
            error = e.getMessage();
        } catch (IOException e) {
            error = describe(e);
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        try {
            settle(entry, webhook, status, error, millis);
        } catch (RuntimeException e) {
            log.warn("webhook {}: the outcome of event {} could not be saved: {}", webhook.id(), entry.eventId(),
                    e.getMessage());
        }
    }

    private void settle(OutboxEntry entry, Webhook webhook, Integer status, String error, long millis) {
        int attempt = entry.attempts() + 1;
        Instant now = clock.instant();
        if (error == null) {
            webhooks.update(webhook.id(), Webhook::delivered);
            record(entry, attempt, now, status, millis, null, null);
            outbox.remove(entry);
            return;
        }
        if (status != null && status == 410) {
            disable(entry, attempt, now, status, millis, error, "the receiver answered 410 Gone");
            return;
        }
        Optional<Webhook> after = webhooks.update(webhook.id(), Webhook::failed);
        if (after.isPresent() && after.get().consecutiveFailures() >= MAX_CONSECUTIVE_FAILURES) {
            disable(entry, attempt, now, status, millis, error, MAX_CONSECUTIVE_FAILURES
                    + " delivery attempts failed in a row; the last: " + error);
            return;
        }
        if (attempt > BACKOFF.size()) {
            record(entry, attempt, now, status, millis, error + "; given up after " + attempt + " attempts", null);
            outbox.remove(entry);
            return;
        }
        Instant next = now.plus(wait(attempt));
        record(entry, attempt, now, status, millis, error, next);
        outbox.reschedule(entry.retryAt(next));
    }

    private void disable(OutboxEntry entry, int attempt, Instant now, Integer status, long millis, String error,
                         String reason) {
        webhooks.update(entry.webhookId(), w -> w.disabled(reason));
        record(entry, attempt, now, status, millis, error + "; the webhook is disabled", null);
        outbox.removeAllOf(entry.webhookId());
        log.warn("webhook {} disabled: {}", entry.webhookId(), reason);
    }

    private void record(OutboxEntry entry, int attempt, Instant at, Integer status, long millis, String error,
                        Instant next) {
        webhooks.recordAttempt(new DeliveryAttempt(entry.webhookId(), entry.eventId(), entry.type(), attempt, at,
                status, millis, error, next));
    }

    /** The host's addresses, all of them allowed, or why not: nothing is sent to a refused host. */
    private List<InetAddress> checkedAddresses(String host) throws Refused {
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("the host " + host + " could not be resolved");
        }
        if (addresses.isEmpty()) {
            throw new Refused("the host " + host + " has no address");
        }
        if (policy.allowed(host)) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            Optional<String> why = AddressPolicy.refusal(address);
            if (why.isPresent()) {
                throw new Refused("refused: " + host + " resolves to " + address.getHostAddress() + ", "
                        + why.get() + "; nothing was sent (list the host in regtrain.webhooks.allowed-hosts to "
                        + "allow it)");
            }
        }
        return addresses;
    }

    private static String describe(IOException e) {
        String kind = e.getClass().getSimpleName();
        if (kind.contains("Timeout")) {
            return "no answer within the timeout (" + (e.getMessage() == null ? kind : e.getMessage()) + ")";
        }
        if (e instanceof java.net.ConnectException) {
            return "the connection was refused";
        }
        return "the delivery failed: " + kind + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }

    private static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }
}
