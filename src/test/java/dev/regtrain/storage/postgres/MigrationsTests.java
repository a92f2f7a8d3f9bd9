package dev.regtrain.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

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
}
