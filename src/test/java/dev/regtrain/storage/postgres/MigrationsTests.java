package dev.regtrain.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

/** The schema is migrated at start; a migration that cannot run stops the start with a message that says so. */
class MigrationsTests {

    private final PostgresStoreConfiguration configuration = new PostgresStoreConfiguration();

    private static HikariDataSource database() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(TestPostgres.newDatabase());
        dataSource.setMaximumPoolSize(2);
        return dataSource;
    }

    @Test
    void anEmptyDatabaseIsMigratedToTheLatestVersionAndASecondStartChangesNothing() {
        try (HikariDataSource dataSource = database()) {
            assertThat(configuration.migrations(dataSource).version()).isEqualTo("2");
            assertThat(configuration.migrations(dataSource).version()).isEqualTo("2");
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
