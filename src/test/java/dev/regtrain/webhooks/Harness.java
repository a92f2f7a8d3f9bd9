package dev.regtrain.webhooks;

import dev.regtrain.common.Caller;
import dev.regtrain.common.MutableClock;
import dev.regtrain.common.Owner;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhooks' parts on in-memory stores with a clock that stands still: a test moves the clock and runs a round of
 * delivery itself. Deliveries go over real HTTP (to a {@link Receiver}) unless a test resolves names to addresses.
 */
final class Harness {

    final MutableClock clock = new MutableClock(Fixtures.T0);
    final InMemoryWebhookStore webhookStore = new InMemoryWebhookStore();
    final InMemoryOutboxStore outboxStore;
    final Outbox outbox;
    final WebhookService service;
    final WebhookEvents events;
    final EventData data;
    final ConcurrentLinkedQueue<Double> jitters = new ConcurrentLinkedQueue<>();
    final AtomicInteger sent = new AtomicInteger();
    private final List<String> allowedHosts;
    private final HostResolver resolver;
    private final Duration timeout;
    Deliveries deliveries;

    Harness(List<String> allowedHosts) {
        this(allowedHosts, new InMemoryOutboxStore(), HostResolver.system(), Duration.ofSeconds(10));
    }

    Harness(List<String> allowedHosts, InMemoryOutboxStore outboxStore, HostResolver resolver, Duration timeout) {
        this.allowedHosts = allowedHosts;
        this.outboxStore = outboxStore;
        this.resolver = resolver;
        this.timeout = timeout;
        this.outbox = new LocalOutbox(outboxStore);
        this.service = new WebhookService(webhookStore, outbox, () -> Caller.LOCAL, clock, true);
        this.data = new EventData() {
            @Override
            public Object job(dev.regtrain.jobs.JobSnapshot job) {
                return Map.of("id", job.record().id(), "status", job.record().status());
            }

            @Override
            public Object study(dev.regtrain.studies.StudyRecord study) {
                return Map.of("id", study.id(), "status", study.status());
            }
        };
        this.events = new WebhookEvents(outbox, service, data, JsonMapper.builder().build(), clock);
        this.deliveries = newDeliveries();
    }

    /** A dispatcher's deliveries as a fresh start would build them. */
    Deliveries newDeliveries() {
        HttpWebhookSender http = new HttpWebhookSender(timeout);
        WebhookSender counting = (url, addresses, headers, body) -> {
            sent.incrementAndGet();
            return http.post(url, addresses, headers, body);
        };
        return new Deliveries(outbox, service, counting, resolver, new AddressPolicy(allowedHosts), clock,
                () -> jitters.isEmpty() ? 0.5 : jitters.poll());
    }

    Webhook subscribe(String url, EventType... types) {
        return service.create(new WebhookRequest(url, List.of(types).stream().map(EventType::wireName).toList(),
                Fixtures.SECRET, "test"));
    }

    /** A job's end as the lifecycle announces it: written with its (here imaginary) final record. */
    void jobEnded(String jobId, EventType type) {
        jobEnded(jobId, type, () -> { });
    }

    /** A job's end written with {@code save}, which stands for saving its final record. */
    void jobEnded(String jobId, EventType type, Runnable save) {
        events.announce(type, "job:" + jobId, Owner.ANONYMOUS, () -> Map.of("id", jobId), save);
    }

    Webhook webhook(String id) {
        return webhookStore.find(id).orElseThrow();
    }
}
