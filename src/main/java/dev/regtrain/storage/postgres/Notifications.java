package dev.regtrain.storage.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL's {@code LISTEN/NOTIFY} between instances: one connection listens (pgjdbc's
 * {@link PGConnection#getNotifications(int)} waits for them without polling the server), and reconnects after the
 * database restarts. Channels: new work to claim, a cancel for the instance that trains a job, and a job's progress
 * (a new epoch or status) for event streams on other instances, a job's end, and new webhook events for every
 * instance's dispatcher.
 */
final class Notifications {

    static final String WORK = "regtrain_work";
    static final String CANCEL = "regtrain_cancel";
    static final String PROGRESS = "regtrain_progress";
    static final String ENDED = "regtrain_ended";
    /** Webhook events were written (sent in their transaction, so heard once they are committed). */
    static final String OUTBOX = "regtrain_outbox";
    private static final List<String> CHANNELS = List.of(WORK, CANCEL, PROGRESS, ENDED, OUTBOX);

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final DataSource dataSource;
    private final Database db;
    private final Object progress = new Object();
    private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();
    private volatile BiConsumer<String, String> handler = (channel, payload) -> { };
    private volatile Thread listening;

    Notifications(DataSource dataSource, Database db) {
        this.dataSource = dataSource;
        this.db = db;
    }

    /** Starts listening; {@code handler} hears every channel but {@link #PROGRESS} (see {@link #awaitProgress}). */
    synchronized void start(BiConsumer<String, String> handler) {
        this.handler = handler;
        listen();
    }

    /** Calls {@code subscriber} with the payload of each notification on {@code channel}; listens if not yet. */
    synchronized void subscribe(String channel, Consumer<String> subscriber) {
        subscribers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(subscriber);
        listen();
    }

    private void listen() {
        if (listening == null) {
            Thread thread = new Thread(this::listening, "regtrain-notifications");
            thread.setDaemon(true);
            listening = thread;
            thread.start();
        }
    }

    synchronized void stop() {
        Thread thread = listening;
        listening = null;
        if (thread != null) {
            thread.interrupt();
        }
    }

    void send(String channel, String payload) {
        db.run("notify the other instances", () -> db.jdbc.queryForList("select pg_notify(?, ?)", Object.class,
                channel, payload));
    }

    /** Waits until any job's progress is announced, at most {@code timeout}. */
    void awaitProgress(Duration timeout) throws InterruptedException {
        synchronized (progress) {
            progress.wait(Math.max(1, timeout.toMillis()));
        }
    }

    private void listening() {
        while (listening == Thread.currentThread()) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("listen " + String.join("; listen ", CHANNELS));
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (listening == Thread.currentThread()) {
                    PGNotification[] received = pg.getNotifications(500);
                    if (received == null) {
                        continue;
                    }
                    for (PGNotification notification : received) {
                        if (notification.getName().equals(PROGRESS)) {
                            synchronized (progress) {
                                progress.notifyAll();
                            }
                        } else {
                            handler.accept(notification.getName(), notification.getParameter());
                            subscribers.getOrDefault(notification.getName(), List.of())
                                    .forEach(subscriber -> subscriber.accept(notification.getParameter()));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (listening != Thread.currentThread()) {
                    return;
                }
                log.warn("listening for other instances' notifications failed ({}); listening again in 1 s",
                        e.getMessage());
                synchronized (progress) {
                    progress.notifyAll(); // followers read the store again meanwhile
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
