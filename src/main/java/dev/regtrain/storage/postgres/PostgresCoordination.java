package dev.regtrain.storage.postgres;

import dev.regtrain.jobs.InstanceAddress;
import dev.regtrain.jobs.JobCoordination;
import dev.regtrain.jobs.JobRecord;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instances sharing one PostgreSQL hand jobs to each other through it alone. A claim is one transaction that locks
 * free jobs with {@code FOR UPDATE SKIP LOCKED} (two instances never claim the same one, and neither waits for the
 * other), writes the owner, a lease and a new fencing token. A heartbeat every third of the lease timeout renews the
 * leases of the jobs held here and the instance's row; a job whose row no longer carries this instance's token was
 * lost. Cancels and new work travel by {@code NOTIFY} ({@link Notifications}); the heartbeat also reads the cancel flags
 * of the jobs held here, in case a notification was missed.
 *
 * <p>db-scheduler and JobRunr were considered: both schedule tasks with their own tables and threads, but a job here is
 * a long-running, resumable, fenced training whose state (checkpoints, metrics rows) lives in this service's tables; the
 * queue is the {@code jobs} table itself and the claim one statement, so a scheduler would add a second queue to keep
 * consistent with the first.
 */
final class PostgresCoordination implements JobCoordination {

    private static final Logger log = LoggerFactory.getLogger(PostgresCoordination.class);

    private final Database db;
    private final Fences fences;
    private final InstanceAddress address;
    private final int workers;
    private final Duration leaseTimeout;
    private final Notifications notifications;
    private ScheduledExecutorService heartbeat;
    private volatile Listener listener;

    PostgresCoordination(Database db, Fences fences, InstanceAddress address, int workers, Duration leaseTimeout,
                         Notifications notifications) {
        this.db = db;
        this.fences = fences;
        this.address = address;
        this.workers = workers;
        this.leaseTimeout = leaseTimeout;
        this.notifications = notifications;
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public synchronized void start(Listener newListener) {
        this.listener = newListener;
        notifications.start(this::notified);
        beat();
        heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "regtrain-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(100, leaseTimeout.toMillis() / 3);
        heartbeat.scheduleWithFixedDelay(this::beatQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    private void notified(String channel, String payload) {
        Listener current = listener;
        if (current == null) {
            return;
        }
        if (channel.equals(Notifications.CANCEL) && fences.token(payload).isPresent()) {
            current.cancelRequested(payload);
        } else if (channel.equals(Notifications.WORK)) {
            current.workAvailable();
        } else if (channel.equals(Notifications.ENDED)) {
            current.ended(payload);
        }
    }

    private void beatQuietly() {
        try {
            beat();
        } catch (RuntimeException e) {
            log.warn("heartbeat failed ({}); the leases of this instance's jobs run out after {} s unless it recovers",
                    e.getMessage(), leaseTimeout.toSeconds());
        }
    }

    /** Renews this instance's row and its jobs' leases; tells of lost jobs and of cancels, and forgets dead instances. */
    private void beat() {
        long leaseMillis = leaseTimeout.toMillis();
        db.run("renew this instance's heartbeat", () -> db.jdbc.update("insert into instances (id, url, workers, "
                + "started_at, last_heartbeat) values (?, ?, ?, now(), now()) on conflict (id) do update set "
                + "last_heartbeat = now(), workers = excluded.workers", address.id(), address.url(), workers));
        Map<String, Long> held = fences.held();
        List<String> cancelled = new ArrayList<>();
        for (Map.Entry<String, Long> job : held.entrySet()) {
            List<Boolean> renewed = db.call("renew the lease of job " + job.getKey(), () -> db.jdbc.queryForList(
                    "update jobs set lease_until = now() + ? * interval '1 millisecond' where id = ? and "
                            + "fencing_token = ? returning cancel_requested", Boolean.class, leaseMillis,
                    job.getKey(), job.getValue()));
            if (renewed.isEmpty()) {
                if (fences.token(job.getKey()).orElse(-1) == job.getValue()) {
                    fences.release(job.getKey());
                    Listener current = listener;
                    if (current != null) {
                        current.lost(job.getKey());
                    }
                }
            } else if (renewed.get(0)) {
                cancelled.add(job.getKey());
            }
        }
        Listener current = listener;
        if (current != null) {
            cancelled.forEach(current::cancelRequested);
        }
        db.run("forget dead instances", () -> db.jdbc.update("delete from instances i where i.last_heartbeat < now() "
                + "- ? * interval '1 millisecond' and not exists (select 1 from jobs j where j.owner_instance = i.id "
                + "and j.status in ('QUEUED', 'RUNNING'))", leaseMillis));
    }

    @Override
    public synchronized void stop() {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
            heartbeat = null;
        }
        for (String jobId : fences.held().keySet()) {
            try {
                release(jobId);
            } catch (RuntimeException e) {
                log.warn("job {}: its lease could not be given back ({}); another instance takes it over once it "
                        + "runs out", jobId, e.getMessage());
            }
        }
        try {
            db.run("remove this instance", () -> db.jdbc.update("delete from instances where id = ?", address.id()));
        } catch (RuntimeException e) {
            log.debug("this instance's row stays until it is found dead: {}", e.getMessage());
        }
        notifications.stop();
        listener = null;
    }

    @Override
    public List<String> claim(int max) {
        long leaseMillis = leaseTimeout.toMillis();
        Map<String, Long> claimed = db.inTransaction("claim jobs", () -> {
            List<String> free = db.jdbc.queryForList("select id from jobs where status in ('QUEUED', 'RUNNING') and "
                    + "(owner_instance is null or lease_until < now()) order by created_nanos, id collate \"C\" "
                    + "limit ? for update skip locked", String.class, max);
            Map<String, Long> tokens = new LinkedHashMap<>();
            for (String id : free) {
                tokens.put(id, db.jdbc.queryForObject("update jobs set owner_instance = ?, lease_until = now() + ? * "
                        + "interval '1 millisecond', fencing_token = fencing_token + 1 where id = ? returning "
                        + "fencing_token", Long.class, address.id(), leaseMillis, id));
            }
            return tokens;
        });
        claimed.forEach(fences::hold);
        return List.copyOf(claimed.keySet());
    }

    @Override
    public void release(String jobId) {
        fences.token(jobId).ifPresent(token -> {
            db.run("give back job " + jobId, () -> db.jdbc.update("update jobs set owner_instance = null, "
                    + "lease_until = null where id = ? and fencing_token = ?", jobId, token));
            fences.release(jobId);
            notifications.send(Notifications.WORK, "");
        });
    }

    @Override
    public void announceWork() {
        notifications.send(Notifications.WORK, "");
    }

    @Override
    public boolean cancelElsewhere(String jobId, JobRecord cancelled) {
        boolean now = db.inTransaction("cancel job " + jobId, () -> {
            List<Boolean> free = db.jdbc.queryForList("select status = 'QUEUED' and (owner_instance is null or "
                    + "lease_until < now()) from jobs where id = ? for update", Boolean.class, jobId);
            if (!free.isEmpty() && free.get(0)) {
                db.jdbc.update("update jobs set status = ?, record = ?, cancel_requested = true where id = ?",
                        cancelled.status().name(), Database.json(cancelled), jobId);
                return true;
            }
            db.jdbc.update("update jobs set cancel_requested = true where id = ?", jobId);
            return false;
        });
        notifications.send(now ? Notifications.PROGRESS : Notifications.CANCEL, jobId);
        return now;
    }

    @Override
    public void awaitProgress(String jobId, Duration timeout) throws InterruptedException {
        notifications.awaitProgress(timeout);
    }

    @Override
    public View view(InstanceAddress self, int workers, Instant now, Stream<JobRecord> here) {
        return view(workers); // every instance, as the store knows them
    }

    /** Every instance with its heartbeat, workers and running jobs; this one ({@code ownWorkers}) first. */
    public View view(int ownWorkers) {
        long leaseMillis = leaseTimeout.toMillis();
        List<Instance> instances = db.call("list the instances", () -> db.jdbc.query("select i.id, i.url, "
                + "i.last_heartbeat, i.workers, i.last_heartbeat >= now() - ? * interval '1 millisecond' as alive, "
                + "array(select j.id from jobs j where j.owner_instance = i.id and j.status = 'RUNNING' order by j.id) "
                + "as jobs from instances i order by i.id <> ?, i.id", (rs, n) -> {
                    Timestamp beat = rs.getTimestamp("last_heartbeat");
                    String[] jobs = (String[]) rs.getArray("jobs").getArray();
                    return new Instance(rs.getString("id"), rs.getString("url"), rs.getBoolean("alive"),
                            beat.toInstant(), rs.getInt("workers"), List.of(jobs));
                }, leaseMillis, address.id()));
        return new View(address.id(), instances);
    }
}
