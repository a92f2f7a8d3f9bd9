package dev.regtrain.storage.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL's {@code LISTEN/NOTIFY} between instances: one connection listens (pgjdbc's
 * {@link PGConnection#getNotifications(int)} waits for them without polling the server), and reconnects after the
 * database restarts. Channels: new work to claim, a cancel for the instance that trains a job, and a job's progress
 * (a new epoch or status) for event streams on other instances.
 */
final class Notifications {

    static final String WORK = "regtrain_work";
    static final String CANCEL = "regtrain_cancel";
    static final String PROGRESS = "regtrain_progress";
    static final String ENDED = "regtrain_ended";

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final DataSource dataSource;
    private final Database db;
    private final Object progress = new Object();
    private volatile Thread listening;

    Notifications(DataSource dataSource, Database db) {
        this.dataSource = dataSource;
        this.db = db;
    }

    synchronized void start(BiConsumer<String, String> handler) {
        Thread thread = new Thread(() -> listen(handler), "regtrain-notifications");
        thread.setDaemon(true);
        listening = thread;
        thread.start();
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

    private void listen(BiConsumer<String, String> handler) {
        while (listening == Thread.currentThread()) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("listen " + WORK + "; listen " + CANCEL + "; listen " + PROGRESS + "; listen " + ENDED);
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
