package dev.regtrain.webhooks;

import dev.regtrain.common.Caller;
import dev.regtrain.common.Callers;
import dev.regtrain.common.FieldError;
import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.common.NotFoundException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Subscriptions: created, listed, read, deleted and pinged by their owner (another owner gets the answer for an
 * unknown id), and changed by the dispatcher (failures counted, disabled). All changes of a webhook go through this
 * class's lock, so a delivery finishing late never brings back a webhook just deleted.
 */
public class WebhookService {

    static final int MAX_DESCRIPTION_LENGTH = 1000;

    private final WebhookStore store;
    private final Outbox outbox;
    private final Callers callers;
    private final Clock clock;
    private final boolean allowHttp;
    private final SecureRandom random = new SecureRandom();

    public WebhookService(WebhookStore store, Outbox outbox, Callers callers, Clock clock, boolean allowHttp) {
        this.store = store;
        this.outbox = outbox;
        this.callers = callers;
        this.clock = clock;
        this.allowHttp = allowHttp;
    }

    /** A new subscription of the caller's owner; the answer is the only one that carries the secret. */
    public Webhook create(WebhookRequest request) {
        if (request == null) {
            throw new InvalidRequestException("url", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        String url = request.url();
        try {
            WebhookUrls.check(url, allowHttp);
        } catch (InvalidRequestException e) {
            errors.addAll(e.errors());
        }
        Set<EventType> types = new LinkedHashSet<>();
        if (request.events() == null || request.events().isEmpty()) {
            errors.add(new FieldError("events", "must list at least one of " + EventType.subscribableNames()));
        } else {
            for (int i = 0; i < request.events().size(); i++) {
                String name = request.events().get(i);
                Optional<EventType> type = EventType.of(name).filter(EventType::subscribable);
                if (type.isEmpty()) {
                    errors.add(new FieldError("events[" + i + "]", "unknown event type '" + name + "'; one of "
                            + EventType.subscribableNames()));
                } else {
                    types.add(type.get());
                }
            }
        }
        String secret = request.secret();
        if (secret != null) {
            try {
                Secrets.key(secret);
            } catch (InvalidRequestException e) {
                errors.addAll(e.errors());
            }
        }
        if (request.description() != null && request.description().length() > MAX_DESCRIPTION_LENGTH) {
            errors.add(new FieldError("description", "must be at most " + MAX_DESCRIPTION_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Webhook webhook = new Webhook(UUID.randomUUID().toString(), callers.current().owner(), url,
                List.copyOf(types), secret != null ? secret : Secrets.generate(random), request.description(),
                clock.instant(), WebhookStatus.ACTIVE, null, 0);
        synchronized (this) {
            store.save(webhook);
        }
        return webhook;
    }

    /** The caller's webhook (404 for an unknown id and for another owner's). */
    public Webhook get(String id) {
        Caller caller = callers.current();
        return find(id).filter(w -> caller.sees(w.owner()))
                .orElseThrow(() -> new NotFoundException("no webhook with id '" + id + "'"));
    }

    /** The webhooks the caller sees, oldest first. */
    public List<Webhook> list() {
        Caller caller = callers.current();
        return store.list().stream().filter(w -> caller.sees(w.owner())).toList();
    }

    public void delete(String id) {
        Webhook webhook = get(id);
        synchronized (this) {
            store.delete(webhook.id());
        }
        outbox.removeAllOf(webhook.id());
    }

    /** The webhook's latest delivery attempts, newest first. */
    public List<DeliveryAttempt> deliveries(String id) {
        return store.attempts(get(id).id());
    }

    /** Every webhook, whoever owns it: what events are matched against. */
    List<Webhook> all() {
        return store.list();
    }

    Optional<Webhook> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return store.find(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not an id this service issues
        }
    }

    /** Changes a webhook unless it was deleted meanwhile; the webhook after the change, if it still exists. */
    synchronized Optional<Webhook> update(String id, UnaryOperator<Webhook> change) {
        return store.update(id, change);
    }

    synchronized void recordAttempt(DeliveryAttempt attempt) {
        if (store.find(attempt.webhookId()).isPresent()) {
            store.recordAttempt(attempt);
        }
    }
}
