package io.jonbu.ohlcv.job.sink;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.apache.flink.connector.jdbc.internal.executor.JdbcBatchStatementExecutor;
import org.apache.flink.util.function.SerializableFunction;

/**
 * A JDBC batch holding one row per primary key: the one the table's upsert would keep had the rows been
 * written one by one, in arrival order. PostgreSQL refuses a multi-row {@code INSERT ... ON CONFLICT DO UPDATE}
 * that touches a row twice, and pgjdbc's {@code reWriteBatchedInserts} folds a batch into such statements; folding
 * the batch by key first keeps them valid. The upsert's own rule (a {@code WHERE} on a revision, say) still
 * settles a row against what earlier batches stored.
 *
 * <p>The batch is kept until a write succeeds: {@code JdbcOutputFormat} retries a failed flush with the
 * same rows, on a fresh connection and statement if the old connection broke.
 *
 * @param <T> the record
 * @param <K> its primary key in the table, with value equality
 */
final class NewestPerKeyExecutor<T, K> implements JdbcBatchStatementExecutor<T> {

    /** Which of two writes of one key the table's upsert keeps (or what it makes of them). */
    @FunctionalInterface
    interface Upsert<T> extends Serializable {
        T settle(T earlier, T later);
    }

    private final String sql;
    private final JdbcStatementBuilder<T> binder;
    private final SerializableFunction<T, K> key;
    private final Upsert<T> upsert;
    private final Map<K, T> batch = new LinkedHashMap<>();
    private PreparedStatement statement;

    NewestPerKeyExecutor(String sql, JdbcStatementBuilder<T> binder, SerializableFunction<T, K> key, Upsert<T> upsert) {
        this.sql = sql;
        this.binder = binder;
        this.key = key;
        this.upsert = upsert;
    }

    @Override
    public void prepareStatements(Connection connection) throws SQLException {
        statement = connection.prepareStatement(sql);
    }

    @Override
    public void addToBatch(T record) {
        batch.merge(key.apply(record), record, upsert::settle);
    }

    @Override
    public void executeBatch() throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        // what a failed attempt left bound on a statement still open: its rows are bound again below
        statement.clearBatch();
        for (T row : batch.values()) {
            binder.accept(statement, row);
            statement.addBatch();
        }
        statement.executeBatch();
        batch.clear();
    }

    @Override
    public void closeStatements() throws SQLException {
        if (statement != null) {
            statement.close();
            statement = null;
        }
    }
}
