import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * bench/lib/postgres.sh's client (no psql needed): creates or drops databases on a PostgreSQL server with the JDBC
 * driver packaged in the service. {@code java -cp postgresql.jar Databases.java JDBC_URL create|drop NAME...}
 */
public class Databases {

    public static void main(String[] args) throws SQLException {
        try (Connection connection = DriverManager.getConnection(args[0]);
             Statement statement = connection.createStatement()) {
            for (int i = 2; i < args.length; i++) {
                if (!args[i].matches("[a-z][a-z0-9_]*")) {
                    throw new IllegalArgumentException("not a plain database name: " + args[i]);
                }
                statement.execute(switch (args[1]) {
                    case "create" -> "create database " + args[i];
                    case "drop" -> "drop database if exists " + args[i];
                    default -> throw new IllegalArgumentException("create or drop, not " + args[1]);
                });
            }
        }
    }
}
