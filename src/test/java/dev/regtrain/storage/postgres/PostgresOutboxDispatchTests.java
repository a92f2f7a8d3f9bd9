package dev.regtrain.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regtrain.common.Caller;
import dev.regtrain.common.MutableClock;
import dev.regtrain.webhooks.AddressPolicy;
import dev.regtrain.webhooks.DeliveryAttempt;
import dev.regtrain.webhooks.Deliveries;
import dev.regtrain.webhooks.EventType;
import dev.regtrain.webhooks.Fixtures;
import dev.regtrain.webhooks.OutboxEntry;
import dev.regtrain.webhooks.SharedOutbox;
import dev.regtrain.webhooks.Webhook;
import dev.regtrain.webhooks.WebhookRequest;
import dev.regtrain.webhooks.WebhookSender;
import dev.regtrain.webhooks.WebhookService;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances dispatching one outbox in PostgreSQL: an entry is attempted by one of them at a time, a resource's
 * entries reach the webhook in the order they were written, and what an instance that died had claimed or scheduled
 * is delivered by the other once its lease has run out or its retry is due.
 */
class PostgresOutboxDispatchTests {

    private final MutableClock clock = new MutableClock(Fixtures.T0);
    /** Every delivery answered, in the order of the answers: the instance's name and the event id. */
    private final ConcurrentLinkedQueue<String> answered = new ConcurrentLinkedQueue<>();
    private Database db;
    private Webhook webhook;
    private int events;

    private record Instance(SharedOutbox outbox, Deliveries deliveries, WebhookService webhooks) {
    }

    @BeforeEach
    void emptyDatabase() {
        db = PostgresStores.empty();
        webhook = instance(Duration.ofMinutes(1), (url, addresses, headers, body) -> 200).webhooks
                .create(new WebhookRequest("http://receiver.test/hook", List.of("job.succeeded"), Fixtures.SECRET,
                        "two instances"));
    }

    private Instance instance(Duration lease, WebhookSender sender) {
        SharedOutbox outbox = new SharedOutbox(new PostgresOutboxStore(db, lease, PostgresStores.notifications()));
        WebhookService webhooks = new WebhookService(new PostgresWebhookStore(db), outbox, () -> Caller.LOCAL, clock,
                true);
        Deliveries deliveries = new Deliveries(outbox, webhooks, sender,
                host -> List.of(InetAddress.getLoopbackAddress()), new AddressPolicy(List.of("receiver.test")),
                clock, () -> 0.5);
        return new Instance(outbox, deliveries, webhooks);
    }

    /** Answers {@code status} to every delivery and records it as delivered by {@code name}. */
    private WebhookSender answering(String name, int status) {
        return (url, addresses, headers, body) -> {
            answered.add(name + ":" + headers.get("webhook-id"));
            return status;
        };
    }

    /** A job's end, written by {@code by} as the job's final record is saved. */
    private OutboxEntry ended(Instance by, String resource) {
        OutboxEntry entry = new OutboxEntry(0, Fixtures.eventId(++events), EventType.JOB_SUCCEEDED, resource,
                webhook.id(), "{\"n\": " + events + "}", Fixtures.T0, 0, Fixtures.T0);
        return by.outbox.add(List.of(entry), () -> { }).get(0);
    }

    @Test
    void anEntryWrittenOnOneInstanceWakesTheOthersDispatcherAtOnce() throws Exception {
        Instance a = instance(Duration.ofMinutes(1), answering("a", 200));
        Instance b = instance(Duration.ofMinutes(1), answering("b", 200));
        long seen = b.outbox.version();
        Thread waiting = new Thread(() -> {
            try {
                b.outbox.awaitChange(seen, Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiting.start();

        OutboxEntry entry = ended(a, "job:r");

        await().atMost(Duration.ofSeconds(20)).until(() -> !waiting.isAlive());
        assertThat(b.outbox.version()).as("woken by the other instance's NOTIFY, not by a timeout").isGreaterThan(seen);
        assertThat(b.deliveries.deliverDue()).isEqualTo(1);
        assertThat(answered).containsExactly("b:" + entry.eventId());
    }

    @Test
    void anEntryOneInstanceAttemptsIsNotAttemptedByTheOtherNorIsTheNextOfItsResource() throws Exception {
        CountDownLatch answerFirst = new CountDownLatch(1);
        Set<String> inFlight = ConcurrentHashMap.newKeySet();
        WebhookSender slow = (url, addresses, headers, body) -> {
            inFlight.add(headers.get("webhook-id"));
            try {
                assertThat(answerFirst.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new java.io.InterruptedIOException("interrupted");
            }
            answered.add("a:" + headers.get("webhook-id"));
            return 200;
        };
        Instance a = instance(Duration.ofMinutes(1), slow);
        Instance b = instance(Duration.ofMinutes(1), answering("b", 200));
        OutboxEntry first = ended(a, "job:r");
        OutboxEntry second = ended(b, "job:r");
        OutboxEntry other = ended(b, "job:s");

        Thread dispatcherA = new Thread(a.deliveries::deliverDue);
        dispatcherA.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> inFlight.contains(first.eventId()));

        assertThat(b.deliveries.deliverDue()).as("only the other resource's entry").isEqualTo(1);
        assertThat(answered).containsExactly("b:" + other.eventId());

        answerFirst.countDown();
        dispatcherA.join(Duration.ofSeconds(30).toMillis());
        assertThat(b.deliveries.deliverDue()).isEqualTo(1);

        assertThat(answered).containsExactly("b:" + other.eventId(), "a:" + first.eventId(),
                "b:" + second.eventId());
        assertThat(b.outbox.pending()).isEmpty();
    }

    @Test
    void twoDispatchersDeliverEveryEntryOnceAndEachResourcesEntriesInTheOrderTheyWereWritten() throws Exception {
        Map<String, String> resourceOf = new ConcurrentHashMap<>();
        Set<String> busyResources = ConcurrentHashMap.newKeySet();
        AtomicInteger overlaps = new AtomicInteger();
        List<Instance> instances = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            instances.add(instance(Duration.ofMinutes(1), (url, addresses, headers, body) -> {
                String resource = resourceOf.get(headers.get("webhook-id"));
                if (!busyResources.add(resource)) {
                    overlaps.incrementAndGet();
                }
                answered.add(headers.get("webhook-id"));
                busyResources.remove(resource);
                return 200;
            }));
        }
        Map<String, List<String>> written = new ConcurrentHashMap<>();
        for (int i = 0; i < 24; i++) {
            String resource = "job:" + (i % 4);
            OutboxEntry entry = ended(instances.get(i % 2), resource);
            resourceOf.put(entry.eventId(), resource);
            written.computeIfAbsent(resource, r -> new ArrayList<>()).add(entry.eventId());
        }

        List<Thread> dispatchers = instances.stream().map(instance -> new Thread(() -> {
            while (!instance.outbox.pending().isEmpty()) {
                instance.deliveries.deliverDue();
            }
        })).toList();
        dispatchers.forEach(Thread::start);
        for (Thread dispatcher : dispatchers) {
            dispatcher.join(Duration.ofSeconds(60).toMillis());
        }

        assertThat(overlaps).as("two entries of one resource attempted at once").hasValue(0);
        assertThat(answered).hasSize(24).doesNotHaveDuplicates();
        written.forEach((resource, ids) -> assertThat(answered.stream().filter(ids::contains).toList())
                .as(resource).isEqualTo(ids));
    }

    @Test
    void anEntryClaimedByAnInstanceThatDiedIsDeliveredByTheOtherOnceTheLeaseRunsOut() {
        Instance dead = instance(Duration.ofMillis(500), answering("dead", 200));
        Instance alive = instance(Duration.ofMinutes(1), answering("alive", 200));
        OutboxEntry entry = ended(dead, "job:r");
        assertThat(dead.outbox.claim(dead.outbox.due(clock.instant()).get(0))).isTrue(); // and then it dies

        assertThat(alive.deliveries.deliverDue()).as("while the lease lasts").isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> alive.deliveries.deliverDue() == 1);

        assertThat(answered).containsExactly("alive:" + entry.eventId());
        assertThat(alive.outbox.pending()).isEmpty();
        // it comes back and its attempt failed: the retry it schedules changes nothing
        dead.outbox.reschedule(new OutboxEntry(entry.sequence(), entry.eventId(), entry.type(), entry.resource(),
                entry.webhookId(), entry.body(), entry.createdAt(), 1, clock.instant()));
        assertThat(alive.outbox.pending()).isEmpty();
    }

    @Test
    void aRetryThatAnInstanceScheduledBeforeItDiedIsMadeByTheOther() {
        Instance dead = instance(Duration.ofMinutes(1), answering("dead", 503));
        Instance alive = instance(Duration.ofMinutes(1), answering("alive", 204));
        OutboxEntry entry = ended(dead, "job:r");
        assertThat(dead.deliveries.deliverDue()).isEqualTo(1); // fails, schedules its retry, and then it dies

        assertThat(alive.deliveries.deliverDue()).as("before the retry is due").isZero();
        clock.advance(Deliveries.BACKOFF.get(0));
        assertThat(alive.deliveries.deliverDue()).isEqualTo(1);

        assertThat(answered).containsExactly("dead:" + entry.eventId(), "alive:" + entry.eventId());
        assertThat(alive.webhooks.deliveries(webhook.id())).extracting(DeliveryAttempt::attempt,
                DeliveryAttempt::responseStatus).containsExactly(org.assertj.core.groups.Tuple.tuple(2, 204),
                org.assertj.core.groups.Tuple.tuple(1, 503));
        assertThat(alive.outbox.pending()).isEmpty();
    }
}
