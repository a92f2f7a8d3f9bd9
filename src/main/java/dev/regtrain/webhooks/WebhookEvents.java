package dev.regtrain.webhooks;

import dev.regtrain.common.ConflictException;
import dev.regtrain.common.Owner;
import dev.regtrain.common.StorageException;
import dev.regtrain.jobs.JobRecord;
import dev.regtrain.jobs.JobSnapshot;
import dev.regtrain.studies.StudyRecord;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns state changes into outbox entries, one per subscribed webhook, each with the exact body it will post, written
 * with the change itself ({@link Outbox#add}):
 * {@code {"id": "evt_…", "type": …, "createdAt": …, "data": {the resource as GET returns it}}}.
 */
public final class WebhookEvents {

    private static final Logger log = LoggerFactory.getLogger(WebhookEvents.class);

    private final Outbox outbox;
    private final WebhookService webhooks;
    private final EventData data;
    private final JsonMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public WebhookEvents(Outbox outbox, WebhookService webhooks, EventData data, JsonMapper json, Clock clock) {
        this.outbox = outbox;
        this.webhooks = webhooks;
        this.data = data;
        this.json = json;
        this.clock = clock;
    }

    /** Whose job this is: the one place where webhooks ask it ({@link Owner#ANONYMOUS} without keys). */
    static Owner ownerOf(JobRecord job) {
        return job.owner();
    }

    /** Whose study this is: the owner of the key that created it, whose webhooks hear of it. */
    static Owner ownerOf(StudyRecord study) {
        return study.owner();
    }

    /** The job service's {@code Endings}: job.succeeded, job.failed or job.cancelled, with the job as GET shows it. */
    public void jobEnded(JobSnapshot ended, Runnable save) {
        JobRecord job = ended.record();
        announce(EventType.ended("job", job.status().name()), "job:" + job.id(), ownerOf(job),
                () -> data.job(ended), save);
    }

    /** The study service's {@code Endings}: study.succeeded, study.failed or study.cancelled. */
    public void studyEnded(StudyRecord study, Runnable save) {
        announce(EventType.ended("study", study.status().name()), "study:" + study.id(), ownerOf(study),
                () -> data.study(study), save);
    }

    /** Queues a {@code webhook.test} event for the caller's webhook alone (409 when it is disabled); its id. */
    public String test(String webhookId) {
        Webhook webhook = webhooks.get(webhookId);
        if (webhook.status() == WebhookStatus.DISABLED) {
            throw new ConflictException("webhook " + webhookId + " is DISABLED (" + webhook.disabledReason()
                    + "); create a new one to receive events again");
        }
        Map<String, Object> ping = new LinkedHashMap<>();
        ping.put("webhookId", webhook.id());
        ping.put("message", "a test event sent by POST /api/v1/webhooks/" + webhook.id() + "/test");
        return outbox.add(entries(EventType.WEBHOOK_TEST, "webhook:" + webhook.id(), List.of(webhook), ping),
                () -> { }).get(0).eventId();
    }

    /**
     * Writes the event's entries with the change ({@code save}) as {@link Outbox#add} does. When the store cannot list
     * the webhooks, the change is not saved either (the caller retries both); when the event cannot be made for
     * another reason, the change is saved without it: a broken announcement does not keep a job from ending.
     */
    void announce(EventType type, String resource, Owner owner, Supplier<Object> payload, Runnable save) {
        List<OutboxEntry> entries;
        try {
            List<Webhook> targets = webhooks.all().stream().filter(w -> w.receives(owner, type)).toList();
            entries = targets.isEmpty() ? List.of() : entries(type, resource, targets, payload.get());
        } catch (StorageException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("{} of {} cannot be announced to the webhooks: {}", type, resource, e.getMessage());
            entries = List.of();
        }
        if (entries.isEmpty()) {
            save.run();
        } else {
            outbox.add(entries, save);
        }
    }

    private List<OutboxEntry> entries(EventType type, String resource, List<Webhook> targets, Object payload) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String id = "evt_" + HexFormat.of().formatHex(bytes);
        Instant now = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", type.wireName());
        body.put("createdAt", now.toString());
        body.put("data", payload);
        String text = json.writeValueAsString(body);
        return targets.stream().map(w -> new OutboxEntry(0, id, type, resource, w.id(), text, now, 0, now)).toList();
    }
}
