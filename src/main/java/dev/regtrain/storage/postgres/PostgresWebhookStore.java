package dev.regtrain.storage.postgres;

import dev.regtrain.webhooks.DeliveryAttempt;
import dev.regtrain.webhooks.Webhook;
import dev.regtrain.webhooks.WebhookStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhooks in PostgreSQL: {@code webhooks} (the subscription as JSON) and {@code webhook_attempts} (its deliveries log,
 * the latest {@link #KEPT_ATTEMPTS}), so that every instance matches a job's end against every subscription and any
 * instance shows the attempts of all. A change is one transaction that locks the webhook's row, so two instances
 * delivering to it at once count both outcomes, and a delivery finishing after a delete does not bring it back.
 */
final class PostgresWebhookStore implements WebhookStore {

    private static final Logger log = LoggerFactory.getLogger(PostgresWebhookStore.class);

    private final Database db;

    PostgresWebhookStore(Database db) {
        this.db = db;
    }

    @Override
    public void save(Webhook webhook) {
        db.run("save webhook " + webhook.id(), () -> db.jdbc.update("insert into webhooks (id, created_nanos, record) "
                + "values (?, ?, ?) on conflict (id) do update set record = excluded.record", webhook.id(),
                Database.nanos(webhook.createdAt()), Database.json(webhook)));
    }

    @Override
    public Optional<Webhook> find(String id) {
        return db.call("read webhook " + id, () -> db.jdbc.queryForList("select record from webhooks where id = ?",
                String.class, id)).stream().map(text -> readable(id, text)).filter(Objects::nonNull).findFirst();
    }

    @Override
    public List<Webhook> list() {
        return db.call("list the webhooks", () -> db.jdbc.query("select id, record from webhooks order by "
                + "created_nanos, id collate \"C\"", (rs, i) -> readable(rs.getString(1), rs.getString(2))))
                .stream().filter(Objects::nonNull).toList();
    }

    @Override
    public Optional<Webhook> update(String id, UnaryOperator<Webhook> change) {
        return db.inTransaction("change webhook " + id, () -> {
            Optional<Webhook> current = db.jdbc.queryForList("select record from webhooks where id = ? for update",
                    String.class, id).stream().map(text -> readable(id, text)).filter(Objects::nonNull).findFirst();
            Optional<Webhook> after = current.map(change);
            after.filter(changed -> !changed.equals(current.get())).ifPresent(changed -> db.jdbc.update(
                    "update webhooks set record = ? where id = ?", Database.json(changed), id));
            return after;
        });
    }

    /** Its attempts go with it ({@code on delete cascade}). */
    @Override
    public void delete(String id) {
        db.run("delete webhook " + id, () -> db.jdbc.update("delete from webhooks where id = ?", id));
    }

    /** Recorded only while the webhook exists; the oldest beyond {@link #KEPT_ATTEMPTS} go in the same transaction. */
    @Override
    public void recordAttempt(DeliveryAttempt attempt) {
        String id = attempt.webhookId();
        db.inTransaction("record a delivery attempt of webhook " + id, () -> {
            db.jdbc.update("insert into webhook_attempts (webhook_id, attempt) select ?, ? where exists (select 1 "
                    + "from webhooks where id = ?)", id, Database.json(attempt), id);
            return db.jdbc.update("delete from webhook_attempts where webhook_id = ? and id < (select min(id) from "
                    + "(select id from webhook_attempts where webhook_id = ? order by id desc limit ?) kept)", id, id,
                    KEPT_ATTEMPTS);
        });
    }

    @Override
    public List<DeliveryAttempt> attempts(String webhookId) {
        return db.call("read the deliveries of webhook " + webhookId, () -> db.jdbc.query("select attempt from "
                + "webhook_attempts where webhook_id = ? order by id desc limit ?", (rs, i) -> {
                    DeliveryAttempt attempt = Database.read(rs.getString(1), DeliveryAttempt.class);
                    if (attempt == null) {
                        log.warn("webhook {}: a stored delivery attempt is not readable; it is left out", webhookId);
                    }
                    return attempt;
                }, webhookId, KEPT_ATTEMPTS)).stream().filter(Objects::nonNull).toList();
    }

    private static Webhook readable(String id, String text) {
        Webhook webhook = Database.read(text, Webhook.class);
        if (webhook == null) {
            log.warn("webhook {}: its stored record is not readable; it receives nothing until it is created again",
                    id);
        }
        return webhook;
    }
}
