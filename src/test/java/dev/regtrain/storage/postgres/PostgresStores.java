package dev.regtrain.storage.postgres;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One migrated database for the adapters' contract tests, shared by every test class of this JVM; {@link #empty()}
 * clears its tables before each test.
 */
final class PostgresStores {

    private static final List<String> TABLES = List.of("jobs", "job_metrics", "job_documents", "checkpoints",
            "datasets", "dataset_chunks", "checkpoint_chunks", "idempotency_keys", "instances", "studies", "api_keys", "webhooks", "webhook_attempts",
            "webhook_outbox");
    private static Database database;
    private static HikariDataSource dataSource;
    private static Notifications notifications;

    private PostgresStores() {
    }

    static synchronized Database database() {
        if (database == null) {
            dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(TestPostgres.newDatabase());
            dataSource.setMaximumPoolSize(4);
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            database = new Database(new JdbcTemplate(dataSource),
                    new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        }
        return database;
    }

    static synchronized HikariDataSource dataSource() {
        database();
        return dataSource;
    }

    /** One listener for the JVM (it holds a connection of the small pool for good), as an instance has one. */
    static synchronized Notifications notifications() {
        if (notifications == null) {
            notifications = new Notifications(dataSource(), database());
        }
        return notifications;
    }

    /** The shared database with every table empty. */
    static Database empty() {
        Database db = database();
        db.jdbc.execute("truncate " + String.join(", ", TABLES));
        return db;
    }
}
