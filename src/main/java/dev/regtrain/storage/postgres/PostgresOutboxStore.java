package dev.regtrain.storage.postgres;

import dev.regtrain.webhooks.EventType;
import dev.regtrain.webhooks.OutboxEntry;
import dev.regtrain.webhooks.SharedOutboxStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhooks' outbox in PostgreSQL's {@code webhook_outbox}, shared by the instances.
 *
 * <p>{@link #add} writes the entries in the transaction that saves the change they announce: the job store's and the
 * study store's statements run on the same pool, so Spring's transaction, bound to the thread, covers them, and the
 * entries commit with the final record or not at all (a write refused by a job's fencing token rolls them back too).
 * Each resource is locked ({@code pg_advisory_xact_lock}) before its entries take their numbers from the sequence, so
 * that one resource's entries are numbered in the order they commit.
 *
 * <p>An instance attempts only the oldest entry of a webhook and resource ({@link #due}), and only after claiming it:
 * one conditional update sets a new claim token and a lease (database time) on an entry that nobody holds, so of two
 * instances exactly one claims it, and the next entry of that resource is not attempted until the claimed one is
 * delivered or given up. A claim ends with {@link #put} (the next attempt's count and time) or {@link #remove}, both
 * conditional on the token: when the lease ran out and another instance claimed the entry, the late one changes
 * nothing. An instance that dies leaves its claims to run out; then another instance attempts the entry.
 */
final class PostgresOutboxStore implements SharedOutboxStore {

    private static final Logger log = LoggerFactory.getLogger(PostgresOutboxStore.class);
    /** The first key of the outbox's advisory locks (the second is the hash of the resource). */
    private static final int LOCKS = 0x0b0c5;
    private static final String COLUMNS = "sequence, event_id, type, resource, webhook_id, body, created_nanos, "
            + "attempts, next_attempt_nanos";
    /** An entry nobody holds: never claimed, given back, or claimed by an instance whose lease ran out. */
    private static final String FREE = "(o.lease_until is null or o.lease_until < now())";
    /** The oldest entry of its webhook and resource. */
    private static final String HEAD = "not exists (select 1 from webhook_outbox e where e.webhook_id = o.webhook_id "
            + "and e.resource = o.resource and e.sequence < o.sequence)";
    /** The most entries one look at the outbox gives. */
    private static final int MAX_DUE = 100;

    private final Database db;
    private final Duration lease;
    private final Notifications notifications;
    /** The claim token of each entry this instance holds, by sequence. */
    private final Map<Long, String> claims = new ConcurrentHashMap<>();

    /** @param lease how long a claim lasts: longer than an attempt takes */
    PostgresOutboxStore(Database db, Duration lease, Notifications notifications) {
        this.notifications = notifications;
        this.db = db;
        this.lease = lease;
    }

    @Override
    public List<OutboxEntry> add(List<OutboxEntry> entries, Runnable save) {
        return db.inTransaction("write webhook events", () -> {
            entries.stream().map(OutboxEntry::resource).distinct().sorted().forEach(resource ->
                    db.jdbc.queryForList("select pg_advisory_xact_lock(?, hashtext(?))", Object.class, LOCKS,
                            resource));
            List<OutboxEntry> written = new ArrayList<>();
            for (OutboxEntry entry : entries) {
                long sequence = db.jdbc.queryForObject("select nextval('webhook_outbox_sequence')", Long.class);
                OutboxEntry numbered = new OutboxEntry(sequence, entry.eventId(), entry.type(), entry.resource(),
                        entry.webhookId(), entry.body(), entry.createdAt(), entry.attempts(), entry.nextAttemptAt());
                insert(numbered);
                written.add(numbered);
            }
            save.run();
            db.jdbc.queryForList("select pg_notify(?, '')", Object.class, Notifications.OUTBOX); // heard at commit
            return written;
        });
    }

    /** Every instance's listener hears the {@code NOTIFY} that {@link #add}'s transaction sends when it commits. */
    @Override
    public void whenAdded(Runnable wakeUp) {
        notifications.subscribe(Notifications.OUTBOX, payload -> wakeUp.run());
    }

    private void insert(OutboxEntry e) {
        db.jdbc.update("insert into webhook_outbox (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict "
                + "(sequence) do update set attempts = excluded.attempts, next_attempt_nanos = "
                + "excluded.next_attempt_nanos", e.sequence(), e.eventId(), e.type().name(), e.resource(),
                e.webhookId(), e.body(), Database.nanos(e.createdAt()), e.attempts(),
                Database.nanos(e.nextAttemptAt()));
    }

    /** Writes the entry; for an entry this instance claimed, its next attempt, ending the claim. */
    @Override
    public void put(OutboxEntry entry) {
        String token = claims.remove(entry.sequence());
        if (token == null) {
            db.run("write a webhook event", () -> insert(entry));
            return;
        }
        int rows = db.call("reschedule a webhook event", () -> db.jdbc.update("update webhook_outbox set attempts = "
                + "?, next_attempt_nanos = ?, claim_token = null, lease_until = null where sequence = ? and "
                + "claim_token = ?", entry.attempts(), Database.nanos(entry.nextAttemptAt()),
                entry.sequence(), token));
        lostClaim(entry, rows);
    }

    @Override
    public void remove(OutboxEntry entry) {
        String token = claims.remove(entry.sequence());
        if (token == null) {
            db.run("remove a webhook event", () -> db.jdbc.update("delete from webhook_outbox where sequence = ?",
                    entry.sequence()));
            return;
        }
        lostClaim(entry, db.call("remove a webhook event", () -> db.jdbc.update("delete from webhook_outbox where "
                + "sequence = ? and claim_token = ?", entry.sequence(), token)));
    }

    private static void lostClaim(OutboxEntry entry, int rows) {
        if (rows == 0) {
            log.warn("webhook {}: event {} was claimed by another instance while this one attempted it (its lease "
                    + "ran out); that instance delivers it", entry.webhookId(), entry.eventId());
        }
    }

    @Override
    public List<OutboxEntry> all() {
        return db.call("read the webhook events", () -> db.jdbc.query("select " + COLUMNS + " from webhook_outbox "
                + "order by sequence", (rs, i) -> entry(rs)));
    }

    @Override
    public List<OutboxEntry> due(Instant now) {
        return db.call("read the webhook events due", () -> db.jdbc.query("select " + COLUMNS + " from "
                + "webhook_outbox o where o.next_attempt_nanos <= ? and " + FREE + " and " + HEAD + " order by "
                + "o.sequence limit ?", (rs, i) -> entry(rs), Database.nanos(now), MAX_DUE));
    }

    /** Claims the entry as {@link #due} gave it: free, and not attempted since (the same attempt count). */
    @Override
    public boolean claim(OutboxEntry entry) {
        String token = UUID.randomUUID().toString();
        int rows = db.call("claim a webhook event", () -> db.jdbc.update("update webhook_outbox o set claim_token = "
                + "?, lease_until = now() + ? * interval '1 millisecond' where o.sequence = ? and o.attempts = ? and "
                + FREE, token, lease.toMillis(), entry.sequence(), entry.attempts()));
        if (rows == 1) {
            claims.put(entry.sequence(), token);
        }
        return rows == 1;
    }

    @Override
    public void removeAllOf(String webhookId) {
        db.call("remove the events of webhook " + webhookId, () -> db.jdbc.queryForList("delete from webhook_outbox "
                + "where webhook_id = ? returning sequence", Long.class, webhookId)).forEach(claims::remove);
    }

    /** The earliest due time of the entries {@link #due} looks at; those claimed by a live lease wait for it. */
    @Override
    public Optional<Instant> nextDue() {
        Long nanos = db.call("read when the next webhook event is due", () -> db.jdbc.queryForObject("select "
                + "min(o.next_attempt_nanos) from webhook_outbox o where " + FREE + " and " + HEAD, Long.class));
        return Optional.ofNullable(nanos).map(Database::instant);
    }

    private static OutboxEntry entry(ResultSet rs) throws SQLException {
        return new OutboxEntry(rs.getLong("sequence"), rs.getString("event_id"), EventType.valueOf(rs.getString(
                "type")), rs.getString("resource"), rs.getString("webhook_id"), rs.getString("body"),
                Database.instant(rs.getLong("created_nanos")), rs.getInt("attempts"),
                Database.instant(rs.getLong("next_attempt_nanos")));
    }
}
