package dev.regtrain.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.common.Caller;
import dev.regtrain.common.ConflictException;
import dev.regtrain.common.FieldError;
import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.common.MutableClock;
import dev.regtrain.common.NotFoundException;
import dev.regtrain.common.Owner;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Subscriptions: what a request must be, and that an owner sees only its own webhooks. */
class WebhookServiceTests {

    private final AtomicReference<Caller> caller = new AtomicReference<>(new Caller(new Owner("team-a"), false));
    private final InMemoryWebhookStore store = new InMemoryWebhookStore();
    private final Outbox outbox = new LocalOutbox(new InMemoryOutboxStore());
    private final MutableClock clock = new MutableClock(Fixtures.T0);
    private final WebhookService service = new WebhookService(store, outbox, caller::get, clock, false);

    private static WebhookRequest request(String url, String... events) {
        return new WebhookRequest(url, List.of(events), null, null);
    }

    private List<FieldError> errors(WebhookRequest request) {
        try {
            service.create(request);
        } catch (InvalidRequestException e) {
            return e.errors();
        }
        throw new AssertionError("accepted " + request);
    }

    @Test
    void aNewWebhookBelongsToTheCallerAndGetsAGeneratedSecret() {
        Webhook webhook = service.create(new WebhookRequest("https://ci.example.com/hook",
                List.of("job.succeeded", "study.failed"), null, "CI"));

        assertThat(webhook.owner()).isEqualTo(new Owner("team-a"));
        assertThat(webhook.events()).containsExactly(EventType.JOB_SUCCEEDED, EventType.STUDY_FAILED);
        assertThat(webhook.secret()).startsWith("whsec_");
        assertThat(Secrets.key(webhook.secret())).hasSize(32);
        assertThat(webhook.status()).isEqualTo(WebhookStatus.ACTIVE);
        assertThat(service.create(request("https://ci.example.com/hook", "job.failed")).secret())
                .isNotEqualTo(webhook.secret());
        assertThat(service.create(new WebhookRequest("https://ci.example.com/hook", List.of("job.failed"),
                Fixtures.SECRET, null)).secret()).isEqualTo(Fixtures.SECRET);
    }

    @Test
    void unknownEventTypesAreRejectedByTheirPlaceInTheList() {
        assertThat(errors(request("https://ci.example.com/hook", "job.succeeded", "job.finished", "webhook.test")))
                .extracting(FieldError::field).containsExactly("events[1]", "events[2]");
        assertThat(errors(request("https://ci.example.com/hook"))).extracting(FieldError::field)
                .containsExactly("events");
        assertThat(errors(request("https://ci.example.com/hook", "job.finished")).get(0).message())
                .contains("job.succeeded, job.failed, job.cancelled, study.succeeded, study.failed, study.cancelled");
    }

    @Test
    void urlsThatAreTooLongCarryCredentialsOrAreNotHttpsAreRejected() {
        String long2049 = "https://ci.example.com/" + "a".repeat(2049 - "https://ci.example.com/".length());
        String long2048 = long2049.substring(0, 2048);
        Map<String, String> rejected = Map.of(
                long2049, "at most 2048 characters",
                "https://user:password@ci.example.com/hook", "credentials",
                "https://token@ci.example.com/hook", "credentials",
                "ftp://ci.example.com/hook", "scheme 'ftp'",
                "file:///etc/passwd", "scheme 'file'",
                "ci.example.com/hook", "https URL",
                "http://ci.example.com/hook", "regtrain.webhooks.allow-http",
                "https:///hook", "host",
                "https://exa mple.com/", "not a valid URL");
        rejected.forEach((url, message) -> assertThat(errors(request(url, "job.succeeded")))
                .as(url).singleElement().satisfies(e -> {
                    assertThat(e.field()).isEqualTo("url");
                    assertThat(e.message()).contains(message);
                }));
        assertThat(service.create(request(long2048, "job.succeeded")).url()).hasSize(2048);
        assertThat(service.create(request("HTTPS://CI.EXAMPLE.COM/hook", "job.succeeded"))).isNotNull();
    }

    @Test
    void httpIsAcceptedOnlyWhenAllowed() {
        WebhookService allowing = new WebhookService(store, outbox, caller::get, clock, true);

        assertThat(allowing.create(request("http://ci.example.com/hook", "job.succeeded")).url())
                .isEqualTo("http://ci.example.com/hook");
    }

    @Test
    void aMalformedSecretOrALongDescriptionIsRejected() {
        assertThat(errors(new WebhookRequest("https://ci.example.com/hook", List.of("job.failed"), "secret", null)))
                .extracting(FieldError::field).containsExactly("secret");
        assertThat(errors(new WebhookRequest("https://ci.example.com/hook", List.of("job.failed"), null,
                "d".repeat(1001)))).extracting(FieldError::field).containsExactly("description");
    }

    @Test
    void anotherOwnerGetsTheAnswerForAnUnknownIdAndDoesNotSeeItInTheList() {
        Webhook mine = service.create(request("https://ci.example.com/hook", "job.succeeded"));
        caller.set(new Caller(new Owner("team-b"), false));

        assertThatThrownBy(() -> service.get(mine.id())).isInstanceOf(NotFoundException.class)
                .hasMessage("no webhook with id '" + mine.id() + "'");
        assertThatThrownBy(() -> service.get("no-such-id")).isInstanceOf(NotFoundException.class)
                .hasMessage("no webhook with id 'no-such-id'");
        assertThatThrownBy(() -> service.deliveries(mine.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.delete(mine.id())).isInstanceOf(NotFoundException.class);
        assertThat(service.list()).isEmpty();

        caller.set(new Caller(new Owner("admin"), true));
        assertThat(service.list()).containsExactly(mine);
        caller.set(new Caller(new Owner("team-a"), false));
        service.delete(mine.id());
        assertThat(service.list()).isEmpty();
    }

    @Test
    void aTestEventGoesToItsWebhookAloneAndADisabledWebhookRefusesIt() {
        WebhookEvents events = new WebhookEvents(outbox, service, new Harness(List.of()).data,
                JsonMapper.builder().build(), clock);
        Webhook webhook = service.create(request("https://ci.example.com/hook", "job.succeeded"));
        service.create(request("https://other.example.com/hook", "job.succeeded"));

        String eventId = events.test(webhook.id());

        assertThat(outbox.pending()).singleElement().satisfies(e -> {
            assertThat(e.eventId()).isEqualTo(eventId);
            assertThat(e.webhookId()).isEqualTo(webhook.id());
            assertThat(e.type()).isEqualTo(EventType.WEBHOOK_TEST);
            assertThat(e.body()).contains("\"type\":\"webhook.test\"");
        });
        service.update(webhook.id(), w -> w.disabled("the receiver answered 410 Gone"));
        assertThatThrownBy(() -> events.test(webhook.id())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("410 Gone");
    }
}
