package dev.regtrain.storage.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.config.WebhookProperties;
import dev.regtrain.engine.state.StateLimits;
import dev.regtrain.jobs.InstanceAddress;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code regtrain.store=postgres}: the pool on {@code spring.datasource.*}, the schema migrated at start, and the
 * PostgreSQL adapters of every port. Spring Boot's DataSource and Flyway auto-configurations are not on the class path
 * (see the pom), so with the default file store nothing here exists and no database is looked for.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "regtrain.store", havingValue = "postgres")
class PostgresStoreConfiguration {

    @Bean(destroyMethod = "close")
    HikariDataSource regtrainDataSource(Environment environment) {
        String url = environment.getProperty("spring.datasource.url");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("regtrain.store=postgres needs spring.datasource.url (for example "
                    + "jdbc:postgresql://db:5432/regtrain), with spring.datasource.username and password");
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("regtrain");
        config.setJdbcUrl(url);
        config.setUsername(environment.getProperty("spring.datasource.username"));
        config.setPassword(environment.getProperty("spring.datasource.password"));
        config.setMaximumPoolSize(environment.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class,
                10));
        // a request that needs the database while it is down fails fast (503, Retry-After) instead of hanging
        config.setConnectionTimeout(environment.getProperty("spring.datasource.hikari.connection-timeout",
                Long.class, 5_000L));
        return new HikariDataSource(config);
    }

    /** The schema, migrated before any adapter exists; Flyway locks the schema history, so instances may race. */
    @Bean
    Migrations migrations(DataSource dataSource) {
        try {
            Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                    .failOnMissingLocations(true).load();
            flyway.migrate();
            return new Migrations(flyway.info().current().getVersion().getVersion());
        } catch (FlywayException e) {
            throw new IllegalStateException("the PostgreSQL store's schema could not be migrated, so the service does "
                    + "not start: " + e.getMessage(), e);
        }
    }

    /** The schema version the service runs on. */
    record Migrations(String version) {
    }

    @Bean
    Database regtrainDatabase(DataSource dataSource, Migrations migrations) {
        return new Database(new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    @Bean
    Fences fences() {
        return new Fences();
    }

    @Bean
    PostgresJobStore postgresJobStore(Database db, Fences fences) {
        return new PostgresJobStore(db, fences);
    }

    @Bean
    PostgresCheckpointStore postgresCheckpointStore(Database db, Fences fences, RegtrainProperties properties,
                                                    Clock clock) {
        return new PostgresCheckpointStore(db, fences, stateLimits(properties.limits()), clock);
    }

    /** What a stored state may describe: the largest network a request may ask for. */
    static StateLimits stateLimits(RegtrainProperties.Limits limits) {
        return new StateLimits(limits.maxHiddenLayers() + 1, Math.max(limits.maxUnits(), limits.maxColumns()),
                limits.maxParameters(), limits.maxEpochs());
    }

    @Bean
    PostgresDatasetStore postgresDatasetStore(Database db, RegtrainProperties properties) {
        return new PostgresDatasetStore(db, properties.limits());
    }

    @Bean
    PostgresStudyStore postgresStudyStore(Database db, InstanceAddress address, RegtrainProperties properties) {
        return new PostgresStudyStore(db, address.id(), properties.cluster().leaseTimeout());
    }

    @Bean
    PostgresIdempotencyStore postgresIdempotencyStore(Database db) {
        return new PostgresIdempotencyStore(db);
    }

    @Bean
    PostgresKeyStore postgresKeyStore(Database db) {
        return new PostgresKeyStore(db);
    }

    @Bean
    PostgresWebhookStore postgresWebhookStore(Database db) {
        return new PostgresWebhookStore(db);
    }

    @Bean
    PostgresOutboxStore postgresOutboxStore(Database db, RegtrainProperties properties, WebhookProperties webhooks,
                                            Notifications notifications) {
        return new PostgresOutboxStore(db, outboxLease(properties.cluster().leaseTimeout(), webhooks.timeout()),
                notifications);
    }

    /**
     * How long an instance holds a webhook event it attempts: well beyond an attempt (the timeout bounds the whole
     * request; the host's lookup and the writes of the outcome come on top), and at least as long as a job's lease.
     * An instance stalled beyond it (a long pause) may find that another instance made the attempt again.
     */
    static Duration outboxLease(Duration jobLease, Duration webhookTimeout) {
        Duration attempt = webhookTimeout.multipliedBy(3);
        return attempt.compareTo(jobLease) > 0 ? attempt : jobLease;
    }

    /** Uploads of one owner to several instances are counted against the storage quota one at a time. */
    @Bean
    PostgresQuotaLock quotaLock(DataSource dataSource) {
        return new PostgresQuotaLock(dataSource);
    }

    /** One listening connection per instance, for every channel. */
    @Bean
    Notifications notifications(DataSource dataSource, Database db) {
        return new Notifications(dataSource, db);
    }

    @Bean
    PostgresCoordination jobCoordination(Database db, Fences fences, RegtrainProperties properties,
                                         InstanceAddress address, Notifications notifications) {
        return new PostgresCoordination(db, fences, address,
                properties.effectiveWorkers(), properties.cluster().leaseTimeout(), notifications);
    }

    @Bean("store")
    StoreHealthIndicator storeHealth(Database db, Migrations migrations) {
        return new StoreHealthIndicator(db, migrations.version());
    }
}
