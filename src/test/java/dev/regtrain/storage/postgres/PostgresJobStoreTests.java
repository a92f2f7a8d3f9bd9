package dev.regtrain.storage.postgres;

import static dev.regtrain.jobs.JobRecords.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.jobs.JobLostException;
import dev.regtrain.jobs.JobRecord;
import dev.regtrain.jobs.JobStore;
import dev.regtrain.jobs.JobStoreContract;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** The PostgreSQL adapter of the job store: the contract, and the fencing of a job's writes. */
class PostgresJobStoreTests extends JobStoreContract {

    private final Fences fences = new Fences();
    private Database db;

    @Override
    protected JobStore newStore() {
        db = PostgresStores.empty();
        return new PostgresJobStore(db, fences);
    }

    @Override
    protected JobStore reopen() {
        return new PostgresJobStore(db, new Fences());
    }

    @Test
    void anInstanceWhoseTokenIsNoLongerTheJobsCannotWriteIt() {
        JobRecord job = aJob().running().build();
        store.save(job);
        db.jdbc.update("update jobs set fencing_token = 7 where id = ?", job.id());
        fences.hold(job.id(), 7);
        store.appendMetrics(job.id(), row(1, 0.9));

        db.jdbc.update("update jobs set fencing_token = 8 where id = ?", job.id()); // another instance claimed it

        assertThatThrownBy(() -> store.appendMetrics(job.id(), row(2, 0.8))).isInstanceOf(JobLostException.class);
        assertThatThrownBy(() -> store.save(job.finished(dev.regtrain.jobs.JobStatus.FAILED, job.createdAt(), null,
                null, null))).isInstanceOf(JobLostException.class);
        assertThatThrownBy(() -> store.replaceMetrics(job.id(), List.of())).isInstanceOf(JobLostException.class);
        assertThatThrownBy(() -> store.appendMetrics(job.id(), List.of(row(2, 0.8), row(3, 0.7))))
                .isInstanceOf(JobLostException.class);
        assertThat(store.loadMetrics(job.id())).containsExactly(row(1, 0.9));
        assertThat(store.find(job.id())).contains(job);
    }

    @Test
    void anEpochWrittenTwiceIsOneRow() {
        JobRecord job = aJob().running().build();
        store.save(job);
        store.appendMetrics(job.id(), row(1, 0.9));
        store.appendMetrics(job.id(), row(1, 0.8));

        assertThat(store.loadMetrics(job.id())).containsExactly(row(1, 0.8));
    }

    @Test
    void severalEpochsRowsAreWrittenInOneTransactionAndAnnouncedOnce() throws Exception {
        JobRecord job = aJob().running().build();
        store.save(job);
        try (Connection listener = PostgresStores.dataSource().getConnection();
             Statement statement = listener.createStatement()) {
            statement.execute("listen " + Notifications.PROGRESS);

            store.appendMetrics(job.id(), List.of(row(1, 0.9), row(2, 0.8), row(3, 0.7)));

            assertThat(store.loadMetrics(job.id())).containsExactly(row(1, 0.9), row(2, 0.8), row(3, 0.7));
            List<PGNotification> heard = new ArrayList<>();
            PGConnection pg = listener.unwrap(PGConnection.class);
            long deadline = System.nanoTime() + 10_000_000_000L; // the first, however slow the machine
            while (heard.isEmpty() && System.nanoTime() < deadline) {
                PGNotification[] some = pg.getNotifications(500);
                heard.addAll(some == null ? List.of() : List.of(some));
            }
            for (PGNotification[] more = pg.getNotifications(300); more != null && more.length > 0;
                 more = pg.getNotifications(300)) { // and any that follow it
                heard.addAll(List.of(more));
            }
            // PostgreSQL folds one transaction's identical notifications into one; three commits would send three
            assertThat(heard).extracting(PGNotification::getParameter).containsExactly(job.id());
        }
    }
}
