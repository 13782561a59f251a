package io.jonbu.ohlcv.job.sink;

import java.io.Serializable;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;

/**
 * Where the job writes in PostgreSQL. The password is kept out of {@link #toString()}.
 *
 * @param password null when the server needs none (or it is in the URL)
 */
public record PostgresConnection(String url, String user, String password) implements Serializable {

    public PostgresConnection {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("db url: must start with jdbc:postgresql:, got " + url);
        }
    }

    JdbcConnectionOptions options() {
        JdbcConnectionOptions.JdbcConnectionOptionsBuilder b = new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                .withUrl(url)
                .withDriverName("org.postgresql.Driver")
                // pgjdbc sends a JDBC batch of single-row INSERTs as a few multi-row ones (a power of two rows
                // each), not a statement per row. Upserts must then hold one row per key in a batch (NewestPerKeyExecutor).
                .withProperty("reWriteBatchedInserts", "true");
        if (user != null) {
            b.withUsername(user);
        }
        if (password != null) {
            b.withPassword(password);
        }
        return b.build();
    }

    @Override
    public String toString() {
        return "PostgresConnection[" + url + ", user=" + user + (password == null ? "" : ", password=***") + "]";
    }
}
