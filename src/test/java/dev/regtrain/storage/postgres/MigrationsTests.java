package dev.regtrain.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.regtrain.common.Owner;
import dev.regtrain.common.Sha256;
import dev.regtrain.data.BuiltinDatasets;
import dev.regtrain.data.Dataset;
import dev.regtrain.data.DatasetCodec;
import dev.regtrain.datasets.DatasetRecord;
import dev.regtrain.engine.TrainingState;
import dev.regtrain.engine.state.StateCodec;
import dev.regtrain.jobs.TrainingStates;
import dev.regtrain.storage.TestProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The schema is migrated at start; a migration that cannot run stops the start with a message that says so. */
class MigrationsTests {

    private final PostgresStoreConfiguration configuration = new PostgresStoreConfiguration();

    private static HikariDataSource database() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(TestPostgres.newDatabase());
        dataSource.setMaximumPoolSize(2);
        return dataSource;
    }

    /** The highest version among the migration scripts the service carries (V{version}__{what}.sql). */
    private static String latestMigration() {
        try {
            Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*.sql");
            int latest = Arrays.stream(scripts).map(Resource::getFilename)
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))).max().orElseThrow();
            assertThat(scripts.length).as("one script per version").isEqualTo(latest);
            return Integer.toString(latest);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anEmptyDatabaseIsMigratedToTheLatestVersionAndASecondStartChangesNothing() {
        try (HikariDataSource dataSource = database()) {
            String latest = latestMigration();
            assertThat(configuration.migrations(dataSource).version()).isEqualTo(latest);
            assertThat(configuration.migrations(dataSource).version()).isEqualTo(latest);
        }
    }

    @Test
    void aDatabaseThatHoldsSomethingElseIsNotTouchedAndTheStartStopsSayingWhy() {
        try (HikariDataSource dataSource = database()) {
            new org.springframework.jdbc.core.JdbcTemplate(dataSource).execute("create table jobs (other text)");

            assertThatThrownBy(() -> configuration.migrations(dataSource))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("schema could not be migrated, so the service does not start")
                    .hasMessageContaining("non-empty schema");
        }
    }

    @Test
    void datasetsAndCheckpointsStoredWholeBeforeVersion5AreReadFromTheirChunksAfterIt() {
        Dataset moons = BuiltinDatasets.generate("moons", Map.of("samples", 40.0), 3);
        TrainingState state = TrainingStates.epochs(2).get(1);
        try (HikariDataSource dataSource = database()) {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("4").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            DatasetRecord record = new DatasetRecord("d1", "moons", moons.rows(), moons.inputs(), "classification",
                    moons.classes(), null, Instant.parse("2026-01-01T00:00:00Z"), null);
            jdbc.update("insert into datasets (id, created_nanos, record, data) values ('d1', 0, ?, ?)",
                    Database.json(record), DatasetCodec.encode(moons));
            byte[] encoded = StateCodec.encode(state);
            jdbc.update("insert into checkpoints (job_id, kind, epoch, state, monitor_value, created_at, size_bytes, "
                    + "sha256) values ('j1', 'PERIODIC', ?, ?, null, now(), ?, ?)", state.epoch(), encoded,
                    encoded.length, Sha256.hex(encoded));

            configuration.migrations(dataSource);

            Database db = new Database(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
            var limits = TestProperties.with().limits();
            assertThat(new PostgresDatasetStore(db, limits).load("d1")).contains(moons);
            assertThat(new PostgresDatasetStore(db, limits).storedBytes(Owner.ANONYMOUS))
                    .isEqualTo(DatasetCodec.encode(moons).length);
            var loaded = new PostgresCheckpointStore(db, new Fences(), PostgresStoreConfiguration.stateLimits(limits),
                    Clock.systemUTC()).load("j1", "latest").orElseThrow();
            assertThat(StateCodec.encode(loaded.state())).isEqualTo(encoded);
        }
    }
}
